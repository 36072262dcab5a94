import { ApiObject, Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { appWithStore, errors, rawEs } from './fixtures';
import * as eso from '../../src';
import { TokenReviewer, VaultConfigOperator, VaultConfigTarget, VaultPolicy, VaultStoreAccess, VaultTokenType } from '../../src/vault';

describe('VaultStoreAccess (policy + role + RBAC in one call)', () => {
  test('reads role, mount, SA and audience from the store; validates with 0 errors', () => {
    const { app, admin, apps, store } = appWithStore();
    rawEs(apps, 'db', ['app/db']);
    const access = new VaultStoreAccess(admin, 'access', {
      store,
      target: VaultConfigOperator.authenticateAs('vault-admin', { namespace: 'vault-admin' }),
      tokenTtl: Duration.minutes(15),
      tokenMaxTtl: Duration.hours(1),
      tokenType: VaultTokenType.SERVICE,
      tokenReviewer: TokenReviewer.vaultInCluster(kplus.ServiceAccount.fromServiceAccountName(admin, 'vault-sa', 'vault', { namespaceName: 'vault' })),
      bindingName: 'vault-kubernetes-auth',
    });
    expect(access.role.roleName).toBe('eso');
    expect(access.policy.policyName).toBe('eso');
    expect(Testing.synth(admin)).toMatchSnapshot();
    expect(errors(app)).toEqual([]);
    expect(eso.EsoValidation.of(app).diagnostics()).toEqual([]);
  });

  test('removing a grant (hand-written policy instead of the derived one) fails synth with the coverage message', () => {
    const { app, admin, apps, store } = appWithStore();
    rawEs(apps, 'db', ['app/db', 'app/api']);
    const handWritten = new VaultPolicy(admin, 'hw', { policyName: 'hand-written' }).addRule('kv/data/app/db', eso.VaultCapability.READ);
    new VaultStoreAccess(admin, 'access', { store, additionalPolicies: [handWritten] });
    expect(errors(app)).toEqual([]); // the derived policy still covers everything
    const { app: app2, admin: admin2, apps: apps2, store: store2, esoSa } = appWithStore();
    rawEs(apps2, 'db', ['app/db', 'app/api']);
    const hw = new VaultPolicy(admin2, 'hw', { policyName: 'hand-written' }).addRule('kv/data/app/db', eso.VaultCapability.READ);
    new eso.VaultKubernetesAuthRole(admin2, 'role', { roleName: 'eso', serviceAccounts: [esoSa], policies: [hw], audience: 'vault' });
    void store2;
    expect(errors(app2)).toEqual([
      'ESO-VAULT-POLICY-COVERAGE: reads kv/data/app/api (key "app/api") through store "vault", but role "eso" has no policy granting read on it',
    ]);
    expect(() => app2.synth()).toThrow(/apps\/db \(ExternalSecret apps\/db\): spec.data\[1\].remoteRef.key\n {2}reads kv\/data\/app\/api/);
  });

  test('referent store without serviceAccounts: namespaces computed at synth', () => {
    const app = Testing.app();
    const configs = new Chart(app, 'configs');
    new ApiObject(configs, 'store', {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ClusterSecretStore',
      metadata: { name: 'vault' },
      spec: { provider: { vault: { server: 'https://vault.example.internal:8200', path: 'kv', version: 'v2', auth: { kubernetes: { mountPath: 'kubernetes', role: 'tenant', serviceAccountRef: { name: 'vault-reader', audiences: ['vault'] } } } } } },
    });
    const admin = new Chart(app, 'admin', { namespace: 'vault-admin' });
    const store = eso.ClusterSecretStore.fromClusterSecretStoreName(admin, 'ref', 'vault');
    new VaultStoreAccess(admin, 'access', { store, tokenReviewer: TokenReviewer.clientJwt(kplus.ServiceAccount.fromServiceAccountName(admin, 'r', 'vault-reader', { namespaceName: 'shop' })) });
    for (const ns of ['shop', 'blog']) rawEs(new Chart(app, ns, { namespace: ns }), `db-${ns}`, [`${ns}/db`]);
    const role = Testing.synth(admin).find(m => m.kind === 'KubernetesAuthEngineRole');
    expect(role.spec.targetServiceAccounts).toEqual(['vault-reader']);
    expect(role.spec.targetNamespaces.targetNamespaces).toEqual(['blog', 'shop']);
    expect(errors(app)).toEqual([]);
  });

  test('Crossplane target and explicit overrides', () => {
    const { app, admin, apps, store, esoSa } = appWithStore();
    rawEs(apps, 'db', ['app/db']);
    new VaultStoreAccess(admin, 'access', { store, serviceAccounts: [esoSa], policyName: 'eso-read', target: VaultConfigTarget.crossplane(), tokenReviewer: TokenReviewer.clientJwt() });
    const out = Testing.synth(admin);
    expect(out.map(m => m.kind)).toEqual(['Policy', 'AuthBackendRole', 'ClusterRoleBinding']);
    expect(out[1].spec.forProvider.tokenPolicies).toEqual(['eso-read']);
    expect(out[2].subjects).toEqual([{ apiGroup: '', kind: 'ServiceAccount', name: 'external-secrets', namespace: 'external-secrets' }]);
    expect(errors(app)).toEqual([]);
  });

  test('errors name the construct and the fix', () => {
    const app = Testing.app();
    const c = new Chart(app, 'c');
    const tokenStore = new eso.ClusterSecretStore(c, 's', {
      metadata: { name: 's' },
      provider: eso.SecretStoreProvider.vault({ server: 'https://v.example.internal:8200', kv: eso.VaultKv.v2('kv'), auth: eso.VaultAuth.kubernetes({ role: 'r' }) }),
    });
    expect(() => new VaultStoreAccess(c, 'a', { store: tokenStore })).toThrow(/c\/a: VaultStoreAccess for ClusterSecretStore "s": the store has no auth.kubernetes.serviceAccountRef.*pass serviceAccounts/);
    expect(() => new VaultStoreAccess(c, 'b', { store: eso.ClusterSecretStore.fromClusterSecretStoreName(c, 'x', 'x') })).toThrow(/pass roleName/);
  });
});

describe('store.grantVaultAccess()', () => {
  test('is VaultStoreAccess with the store filled in', () => {
    const app = Testing.app();
    const configs = new Chart(app, 'configs');
    const sa = kplus.ServiceAccount.fromServiceAccountName(configs, 'eso-sa', 'external-secrets', { namespaceName: 'external-secrets' });
    const store = new eso.ClusterSecretStore(configs, 'vault', {
      provider: eso.SecretStoreProvider.vault({ server: 'https://vault.example.internal:8200', kv: eso.VaultKv.v2('kv'), auth: eso.VaultAuth.kubernetes({ role: 'external-secrets', serviceAccount: sa, audiences: ['vault'] }) }),
    });
    const access = store.grantVaultAccess(configs, 'access', { roleName: 'external-secrets' });
    expect(access).toBeInstanceOf(eso.VaultStoreAccess);
    const kinds = Testing.synth(configs).map((o: any) => o.kind);
    expect(kinds).toEqual(expect.arrayContaining(['ClusterSecretStore', 'Policy', 'KubernetesAuthEngineRole']));
  });
});
