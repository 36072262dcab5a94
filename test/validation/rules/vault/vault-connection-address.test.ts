import { policy, role, run } from './helpers';
import { Manifest } from '../../../../src/model/manifest';
import { vaultConnectionAddressRule as rule } from '../../../../src/validation/rules/vault/vault-connection-address';

function release(values: Record<string, any> = { enableCertManager: true }, extra: Record<string, any> = {}): Manifest {
  return {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: { name: 'vault-config-operator', namespace: 'vault-config-operator' },
    spec: {
      interval: '1h',
      chart: { spec: { chart: 'vault-config-operator', version: 'v0.8.52', sourceRef: { kind: 'HelmRepository', name: 'vault-config-operator' } } },
      values,
      ...extra,
    },
  };
}
const withAddress = (m: Manifest): Manifest => ({ ...m, spec: { ...m.spec, connection: { address: 'https://vault.example.internal:8200' } } });

describe('ESO-VAULT-CONNECTION-ADDRESS', () => {
  test('bad: the operator release sets no VAULT_ADDR and the objects no connection.address', () => {
    const d = run(rule, [release(), policy('eso', ''), role()]);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ severity: 'error', field: 'spec.values.env', object: { kind: 'HelmRelease', name: 'vault-config-operator' } });
    expect(d[0].message).toBe('HelmRelease vault-config-operator/vault-config-operator sets no VAULT_ADDR and Policy vault-admin/eso and 1 more set no spec.connection.address: '
      + 'the operator is never told where Vault is, its client calls https://127.0.0.1:8200 and every such object fails');
    expect(d[0].fix).toContain('vaultAddress');
    expect(d[0].fix).toContain('VaultConfigOperator.authenticateAs(role, { address');
  });

  test('bad: one object of two sets its address', () => {
    const d = run(rule, [release(), withAddress(policy('eso', '')), role()]);
    expect(d.map(x => x.message)).toEqual([expect.stringContaining('KubernetesAuthEngineRole vault-admin/eso sets no spec.connection.address')]);
  });

  test('good: VAULT_ADDR on the release; every object has an address; values from elsewhere; no release in the app', () => {
    expect(run(rule, [release({ env: [{ name: 'VAULT_ADDR', value: 'https://vault:8200' }] }), policy('eso', ''), role()])).toEqual([]);
    expect(run(rule, [release(), withAddress(policy('eso', '')), withAddress(role())])).toEqual([]);
    expect(run(rule, [release({}, { valuesFrom: [{ kind: 'ConfigMap', name: 'operator-values' }] }), policy('eso', '')])).toEqual([]);
    expect(run(rule, [policy('eso', ''), role()])).toEqual([]);
  });
});
