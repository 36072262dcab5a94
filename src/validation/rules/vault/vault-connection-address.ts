import { helmChartName, isHelmRelease, objectLabel } from '../../../model/flux';
import { Manifest, parseApiVersion } from '../../../model/manifest';
import { OPERATOR_GROUP } from '../../../model/vault/objects';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

const CHART = 'vault-config-operator';

/** True when the release sets VAULT_ADDR, or may (values from a ConfigMap/Secret are not visible here). */
function setsAddress(hr: Manifest): boolean {
  if (Array.isArray(hr.spec?.valuesFrom) && hr.spec.valuesFrom.length) return true;
  const env = hr.spec?.values?.env;
  return Array.isArray(env) && env.some((e: any) => e?.name === 'VAULT_ADDR' && ((typeof e.value === 'string' && e.value !== '') || e.valueFrom));
}

function hasAddress(m: Manifest): boolean {
  const a = m.spec?.connection?.address;
  return typeof a === 'string' && a.trim() !== '';
}

/**
 * vault-config-operator finds Vault through `spec.connection.address` of each object, else its own `VAULT_ADDR`.
 * When the app installs the operator without `VAULT_ADDR` and an object sets no address, the Vault client falls
 * back to `https://127.0.0.1:8200` inside the operator pod and every such object fails. Apps that do not install
 * the operator are not judged (its environment is not visible).
 */
export const vaultConnectionAddressRule: Rule = {
  id: 'ESO-VAULT-CONNECTION-ADDRESS',
  severity: Severity.ERROR,
  description: 'every vault-config-operator object knows where Vault is: spec.connection.address, or VAULT_ADDR on the operator release of the app',
  example: 'HelmRelease vault-config-operator without env VAULT_ADDR; Policy without spec.connection',
  checkApp(ctx) {
    const releases = ctx.index.ofKind('HelmRelease').filter(m => isHelmRelease(m) && helmChartName(m) === CHART);
    if (!releases.length || releases.some(setsAddress)) return [];
    const blind = ctx.index.items.map(i => i.manifest)
      .filter(m => parseApiVersion(m.apiVersion).group === OPERATOR_GROUP && m.spec?.authentication && !hasAddress(m));
    if (!blind.length) return [];
    const out: Finding[] = [];
    const example = `${objectLabel(blind[0])}${blind.length > 1 ? ` and ${blind.length - 1} more` : ''}`;
    out.push(finding('spec.values.env',
      `${objectLabel(releases[0])} sets no VAULT_ADDR and ${example} set${blind.length > 1 ? '' : 's'} no spec.connection.address: `
      + 'the operator is never told where Vault is, its client calls https://127.0.0.1:8200 and every such object fails',
      'set the operator\'s address (VaultConfigOperatorRelease / FluxLayout vaultConfigOperatorRelease: { vaultAddress: "https://vault...:8200" }), '
      + 'or the objects\' (VaultConfigOperator.authenticateAs(role, { address: "https://vault...:8200" }))',
      { target: releases[0] }));
    return out;
  },
};
