import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  TokenReviewer, VaultCapability, VaultConfigOperator, VaultConfigTarget, VaultConfigTargetType, VaultKubernetesAuthConfig,
  VaultKubernetesAuthRole, VaultPolicy,
} from '../../src/vault';

/** The three Vault constructs, emitted through `target`. */
function kindsFor(target: VaultConfigTarget) {
  const chart = new Chart(Testing.app(), 'admin', { namespace: 'vault-admin' });
  const policy = new VaultPolicy(chart, 'p', { target, policyName: 'eso-read', rules: [{ path: 'kv/data/app/*', capabilities: [VaultCapability.READ] }] });
  new VaultKubernetesAuthRole(chart, 'r', { target, roleName: 'eso', boundServiceAccountNames: ['eso'], boundServiceAccountNamespaces: ['eso'], policies: [policy] });
  const vaultSa = kplus.ServiceAccount.fromServiceAccountName(chart, 'vault', 'vault', { namespaceName: 'vault' });
  new VaultKubernetesAuthConfig(chart, 'c', { target, tokenReviewer: TokenReviewer.vaultInCluster(vaultSa) });
  return Testing.synth(chart).map(o => `${o.apiVersion} ${o.kind}`);
}

describe('VaultConfigTarget: one implementation per controller', () => {
  test('the public factories are unchanged', () => {
    const op = VaultConfigTarget.vaultConfigOperator('vault-admin', { namespace: 'vault-admin' });
    expect([op.type, op.operatorRole]).toEqual([VaultConfigTargetType.VAULT_CONFIG_OPERATOR, 'vault-admin']);
    const short = VaultConfigOperator.authenticateAs('admin');
    expect([short.type, short.operatorRole]).toEqual([VaultConfigTargetType.VAULT_CONFIG_OPERATOR, 'admin']);
    const xp = VaultConfigTarget.crossplane();
    expect([xp.type, xp.operatorRole]).toEqual([VaultConfigTargetType.CROSSPLANE_PROVIDER_VAULT, undefined]);
    expect(() => VaultConfigTarget.vaultConfigOperator('')).toThrow(/role must not be empty/);
  });

  test('namespaceFor: options, else the chart; legacy Crossplane kinds are cluster-scoped', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'ops' });
    expect(VaultConfigTarget.vaultConfigOperator('a').namespaceFor(chart)).toBe('ops');
    expect(VaultConfigTarget.vaultConfigOperator('a', { namespace: 'vault-admin' }).namespaceFor(chart)).toBe('vault-admin');
    expect(VaultConfigTarget.crossplane().namespaceFor(chart)).toBe('ops');
    expect(VaultConfigTarget.crossplane({ namespace: 'xp' }).namespaceFor(chart)).toBe('xp');
    expect(VaultConfigTarget.crossplane({ legacyClusterScoped: true, namespace: 'xp' }).namespaceFor(chart)).toBeUndefined();
  });

  test('each controller renders every construct as its own kinds', () => {
    expect(kindsFor(VaultConfigTarget.vaultConfigOperator('vault-admin'))).toEqual([
      'redhatcop.redhat.io/v1alpha1 Policy',
      'redhatcop.redhat.io/v1alpha1 KubernetesAuthEngineRole',
      'redhatcop.redhat.io/v1alpha1 KubernetesAuthEngineConfig',
      'rbac.authorization.k8s.io/v1 ClusterRoleBinding',
    ]);
    expect(kindsFor(VaultConfigTarget.crossplane())).toEqual([
      'vault.vault.m.upbound.io/v1alpha1 Policy',
      'kubernetes.vault.m.upbound.io/v1alpha1 AuthBackendRole',
      'kubernetes.vault.m.upbound.io/v1alpha1 AuthBackendConfig',
      'rbac.authorization.k8s.io/v1 ClusterRoleBinding',
    ]);
  });

  test('controller-specific refusals stay with their controller', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'vault-admin' });
    const vaultSa = kplus.ServiceAccount.fromServiceAccountName(chart, 'vault', 'vault', { namespaceName: 'vault' });
    expect(() => new VaultKubernetesAuthConfig(chart, 'legacy', {
      target: VaultConfigTarget.crossplane({ legacyClusterScoped: true }), tokenReviewer: TokenReviewer.vaultInCluster(vaultSa),
    })).toThrow(/no legacy cluster-scoped AuthBackendConfig/);
    const role = (id: string, target: VaultConfigTarget) => new VaultKubernetesAuthRole(chart, id, {
      target, roleName: id, boundServiceAccountNames: ['eso'], boundServiceAccountNamespaces: ['eso'], namespaceSelectorLabels: { tenant: 'true' },
    });
    expect(() => role('op', VaultConfigTarget.vaultConfigOperator('vault-admin'))).toThrow(/either a namespace list or a namespace selector/);
    expect(() => role('xp', VaultConfigTarget.crossplane())).not.toThrow();
  });
});
