import { parseApiVersion } from '../../../model/manifest';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';
import { isKnownGroup, lookupKind, versionsOf } from '../../schema/catalog';

/** P41: an apiVersion the pinned CRDs do not serve (v1beta1 since ESO 0.17) is refused by the API server. */
export const apiVersionRule: Rule = {
  id: 'ESO-API-VERSION',
  severity: Severity.ERROR,
  description: 'apiVersion/kind must be served by the pinned CRDs (ESO v2.9.0: v1beta1 is not served)',
  example: 'apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret',
  pitfalls: ['P41'],
  checksUnservedVersions: true,
  checkObject(m) {
    const { group, version } = parseApiVersion(m.apiVersion);
    if (!group || !isKnownGroup(group) || !m.kind) return [];
    const entry = lookupKind(group, version, m.kind);
    if (entry?.served) return [];
    const served = versionsOf(group, m.kind).filter(e => e.served).map(e => `${e.group}/${e.version}`);
    if (!entry) {
      if (served.length === 0) {
        return [finding('kind', `kind "${m.kind}" does not exist in API group ${group}`, 'check the kind\'s spelling against the ESO/Vault operator CRDs')];
      }
      return [finding('apiVersion', `${m.apiVersion} does not define kind ${m.kind}`, `use apiVersion: ${served[served.length - 1]}`)];
    }
    if (!entry.served) {
      return [finding('apiVersion', `${m.apiVersion} ${m.kind} is not served by the pinned CRDs${entry.deprecated ? ' (deprecated)' : ''}; `
        + `the API server rejects it: no matches for kind "${m.kind}" in version "${m.apiVersion}"`,
      served.length ? `use apiVersion: ${served[served.length - 1]}` : 'use a served version')];
    }
    return [];
  },
};
