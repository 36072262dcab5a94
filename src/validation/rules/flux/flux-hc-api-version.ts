import { FLUX_KUSTOMIZE_GROUP } from '../../../model/flux-api';
import { parseApiVersion } from '../../../model/manifest';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';
import { isKnownGroup, versionsOf } from '../../schema/catalog';

/**
 * P42: after an ESO upgrade, a `healthChecks` entry still asking for `external-secrets.io/v1beta1` waits for
 * an object the API no longer serves ("status: 'NotFound'") until the timeout.
 */
export const fluxHealthCheckApiVersionRule: Rule = {
  id: 'ESO-FLUX-HC-API-VERSION',
  severity: Severity.WARNING,
  pitfalls: ['P42'],
  description: 'Flux healthChecks / healthCheckExprs must name an apiVersion the pinned CRDs serve (ESO v1 / v1alpha1, not v1beta1)',
  example: 'healthChecks: [{apiVersion: external-secrets.io/v1beta1, kind: ExternalSecret, name: db}]',
  kinds: ['Kustomization'],
  groups: [FLUX_KUSTOMIZE_GROUP],
  checkObject(m) {
    const out: Finding[] = [];
    for (const field of ['healthChecks', 'healthCheckExprs']) {
      const list = m.spec?.[field];
      if (!Array.isArray(list)) continue;
      list.forEach((entry: any, i: number) => {
        if (!entry || typeof entry.apiVersion !== 'string' || typeof entry.kind !== 'string') return;
        const { group, version } = parseApiVersion(entry.apiVersion);
        if (!isKnownGroup(group)) return;
        const all = versionsOf(group, entry.kind);
        if (!all.length) return; // unknown kind: not ours to judge
        const served = all.filter(e => e.served).map(e => `${e.group}/${e.version}`);
        if (all.some(e => e.version === version && e.served)) return;
        const note = field === 'healthCheckExprs' ? ' (current Flux matches expressions on the group, older releases on the full apiVersion)' : '';
        out.push(finding(`spec.${field}[${i}].apiVersion`,
          `${field} entry for ${entry.kind} uses ${entry.apiVersion}, which the pinned CRDs do not serve: Flux waits for the timeout with status "NotFound"${note}`,
          `use apiVersion: ${served[served.length - 1] ?? `a served version of ${group}`}`));
      });
    }
    return out;
  },
};
