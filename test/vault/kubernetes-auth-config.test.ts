import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { appWithStore, errors } from './fixtures';
import { TokenReviewer, TokenReviewerMode, VaultConfigOperator, VaultConfigTarget, VaultKubernetesAuthConfig } from '../../src/vault';

describe('VaultKubernetesAuthConfig + token-reviewer RBAC', () => {
  function make(reviewer: (c: Chart) => TokenReviewer, target?: VaultConfigTarget) {
    const app = Testing.app();
    const chart = new Chart(app, 'admin', { namespace: 'vault-admin' });
    const cfg = new VaultKubernetesAuthConfig(chart, 'auth', { tokenReviewer: reviewer(chart), target, bindingName: 'vault-tokenreview' });
    return { app, chart, cfg };
  }
  const vaultSa = (c: Chart) => kplus.ServiceAccount.fromServiceAccountName(c, 'vault', 'vault', { namespaceName: 'vault' });

  test('R1 Vault in cluster: kubernetes_host only, auth-delegator for the Vault SA (operator)', () => {
    const { app, chart, cfg } = make(c => TokenReviewer.vaultInCluster(vaultSa(c)), VaultConfigOperator.authenticateAs('vault-admin'));
    expect(cfg.tokenReviewer.mode).toBe(TokenReviewerMode.VAULT_IN_CLUSTER);
    const out = Testing.synth(chart);
    expect(out).toMatchSnapshot();
    expect(out.find(m => m.kind === 'ClusterRoleBinding').metadata).toEqual({ name: 'vault-tokenreview' });
    expect(out.find(m => m.kind === 'KubernetesAuthEngineConfig').spec).toMatchObject({ path: '', name: 'kubernetes', kubernetesHost: 'https://kubernetes.default.svc:443' });
    expect(errors(app)).toEqual([]);
  });

  test('R2 client JWT: disableLocalCAJWT, every client SA bound', () => {
    const { app, chart } = make(c => TokenReviewer.clientJwt(kplus.ServiceAccount.fromServiceAccountName(c, 'eso', 'external-secrets', { namespaceName: 'external-secrets' })));
    const out = Testing.synth(chart);
    expect(out.find(m => m.kind === 'KubernetesAuthEngineConfig').spec.disableLocalCAJWT).toBe(true);
    expect(out.find(m => m.kind === 'ClusterRoleBinding').subjects).toEqual([{ apiGroup: '', kind: 'ServiceAccount', name: 'external-secrets', namespace: 'external-secrets' }]);
    expect(errors(app)).toEqual([]);
    expect(() => make(() => TokenReviewer.clientJwt())).toThrow(/needs the service accounts that log in/);
  });

  test('R3 dedicated reviewer: operator tokenReviewerServiceAccount; Crossplane token Secret ref', () => {
    const reviewer = (c: Chart) => TokenReviewer.dedicatedServiceAccount(new kplus.ServiceAccount(c, 'vault-auth', { metadata: { name: 'vault-auth' } }));
    const op = make(reviewer);
    expect(Testing.synth(op.chart).find(m => m.kind === 'KubernetesAuthEngineConfig').spec.tokenReviewerServiceAccount).toEqual({ name: 'vault-auth' });
    expect(errors(op.app)).toEqual([]);
    const xp = make(reviewer, VaultConfigTarget.crossplane());
    expect(Testing.synth(xp.chart)).toMatchSnapshot();
    expect(errors(xp.app)).toEqual([]);
    expect(() => make(c => TokenReviewer.dedicatedServiceAccount(vaultSa(c)))).toThrow(/must be in the namespace of the auth config/);
  });

  test('mount paths split into parent path + name (vault-config-operator)', () => {
    const { admin } = appWithStore();
    new VaultKubernetesAuthConfig(admin, 'nested', { mountPath: 'clusters/prod', tokenReviewer: TokenReviewer.vaultInCluster(vaultSa(admin)), target: VaultConfigOperator.authenticateAs('a', { namespace: 'vault-admin' }) });
    const cfg = Testing.synth(admin).find(m => m.kind === 'KubernetesAuthEngineConfig');
    expect(cfg.spec).toMatchObject({ path: 'clusters', name: 'prod' });
  });

  test('the config always comes with its auth-delegator binding, so ESO-VAULT-TOKEN-REVIEWER (P15) holds', () => {
    const { app, admin } = appWithStore();
    new VaultKubernetesAuthConfig(admin, 'auth', { tokenReviewer: TokenReviewer.vaultInCluster(vaultSa(admin)) });
    expect(errors(app)).toEqual([]);
  });
});

describe('tokenReviewer passed to both the auth config and grantVaultAccess', () => {
  const vaultSa = (c: Chart) => kplus.ServiceAccount.fromServiceAccountName(c, 'vault', 'vault', { namespaceName: 'vault' });

  test('bad: one binding name twice is refused at construct time, naming both constructs and the fix', () => {
    const { admin, store } = appWithStore();
    const reviewer = TokenReviewer.vaultInCluster(vaultSa(admin));
    new VaultKubernetesAuthConfig(admin, 'auth', { tokenReviewer: reviewer, bindingName: 'vault-kubernetes-auth' });
    expect(() => store.grantVaultAccess(admin, 'access', { tokenReviewer: reviewer, bindingName: 'vault-kubernetes-auth' })).toThrow(
      'admin/access/TokenReviewer: ClusterRoleBinding "vault-kubernetes-auth" is already written by admin/auth/TokenReviewer: two objects with one name '
      + '(kustomize refuses the folder, a plain apply keeps only the last one). Pass tokenReviewer to only one of VaultKubernetesAuthConfig and grantVaultAccess / VaultStoreAccess');
  });

  test('good: the reviewer on the auth config only gives one binding; generated names never collide', () => {
    const { app, admin, store } = appWithStore();
    new VaultKubernetesAuthConfig(admin, 'auth', { tokenReviewer: TokenReviewer.vaultInCluster(vaultSa(admin)), bindingName: 'vault-kubernetes-auth' });
    store.grantVaultAccess(admin, 'access');
    expect(Testing.synth(admin).filter(m => m.kind === 'ClusterRoleBinding').map(m => m.metadata.name)).toEqual(['vault-kubernetes-auth']);
    expect(errors(app)).toEqual([]);
    const other = appWithStore();
    new VaultKubernetesAuthConfig(other.admin, 'auth', { tokenReviewer: TokenReviewer.vaultInCluster(vaultSa(other.admin)) });
    other.store.grantVaultAccess(other.admin, 'access', { tokenReviewer: TokenReviewer.vaultInCluster(kplus.ServiceAccount.fromServiceAccountName(other.admin, 'v2', 'vault', { namespaceName: 'vault' })) });
    expect(new Set(Testing.synth(other.admin).filter(m => m.kind === 'ClusterRoleBinding').map(m => m.metadata.name)).size).toBe(2);
  });
});
