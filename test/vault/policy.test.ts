import { ApiObject, Chart, Duration, Testing } from 'cdk8s';
import { appWithStore, errors, manifests, rawEs } from './fixtures';
import * as eso from '../../src';
import { PathCollapse, VaultCapability, VaultConfigOperator, VaultConfigTarget, VaultKubernetesAuthRole, VaultPolicy, CrossplaneProviderConfigKind } from '../../src/vault';

const policyText = (app: any, name: string) => manifests(app).find(m => m.kind === 'Policy' && m.metadata.name === name);

describe('VaultPolicy (hand-written)', () => {
  test('vault-config-operator Policy (default target) with deterministic HCL', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'admin', { namespace: 'vault-admin' });
    const p = new VaultPolicy(chart, 'read', {
      policyName: 'eso-read',
      rules: [{ path: 'kv/metadata/app/*', capabilities: [VaultCapability.LIST, VaultCapability.READ] }],
    });
    p.addRule('kv/data/app/*', VaultCapability.READ).addRule('kv/data/app/*', VaultCapability.READ);
    expect(p.toHcl()).toBe('path "kv/metadata/app/*" {\n  capabilities = ["list", "read"]\n}\n\npath "kv/data/app/*" {\n  capabilities = ["read"]\n}\n');
    expect(p.rules).toEqual([
      { path: 'kv/metadata/app/*', capabilities: ['list', 'read'] },
      { path: 'kv/data/app/*', capabilities: ['read'] },
    ]);
    expect(p.derived).toBe(false);
    expect(Testing.synth(chart)).toMatchSnapshot();
    expect(errors(app)).toEqual([]);
  });

  test('operator authentication and connection are typed props', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'admin');
    new VaultPolicy(chart, 'p', {
      policyName: 'p',
      rules: [{ path: 'kv/data/a', capabilities: [VaultCapability.READ] }],
      target: VaultConfigOperator.authenticateAs('vault-admin', {
        namespace: 'vault-admin',
        authMountPath: 'k8s-admin',
        vaultNamespace: 'team-a',
        address: 'https://vault.example.internal:8200',
        tlsServerName: 'vault',
        timeout: Duration.seconds(30),
        maxRetries: 3,
      }),
    });
    const spec = Testing.synth(chart)[0].spec;
    expect(spec.authentication).toEqual({ path: 'k8s-admin', role: 'vault-admin', serviceAccount: { name: 'default' }, namespace: 'team-a' });
    expect(spec.connection).toEqual({ address: 'https://vault.example.internal:8200', tLSConfig: { tlsServerName: 'vault' }, timeOut: '30s', maxRetries: 3 });
    expect(errors(app)).toEqual([]);
  });

  test('Crossplane provider-vault Policy (namespaced .m. and legacy cluster-scoped)', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'xp', { namespace: 'crossplane-vault' });
    const rules = [{ path: 'kv/data/a', capabilities: [VaultCapability.READ] }];
    new VaultPolicy(chart, 'm', { policyName: 'm', rules, target: VaultConfigTarget.crossplane({ providerConfigName: 'vault', providerConfigKind: CrossplaneProviderConfigKind.PROVIDER_CONFIG }) });
    new VaultPolicy(chart, 'legacy', { policyName: 'legacy', rules, target: VaultConfigTarget.crossplane({ legacyClusterScoped: true, vaultNamespace: 'ns1' }) });
    expect(Testing.synth(chart)).toMatchSnapshot();
    expect(errors(app)).toEqual([]);
  });

  test('subscribe/recover are gated', () => {
    const chart = new Chart(Testing.app(), 'c');
    expect(() => new VaultPolicy(chart, 'p').addRule('sys/events/subscribe/*', VaultCapability.SUBSCRIBE)).toThrow(/needs Vault >= 1.21/);
    expect(new VaultPolicy(chart, 'q', { allowSubscribeAndRecover: true }).addRule('sys/events/subscribe/*', VaultCapability.SUBSCRIBE).toHcl()).toContain('"subscribe"');
    expect(() => new VaultPolicy(chart, 'r').addRule('kv/data/a')).toThrow(/at least one capability/);
  });

  test('an invalid pattern fails synth through ESO-VAULT-POLICY-SYNTAX', () => {
    const { app, admin } = appWithStore();
    new VaultPolicy(admin, 'bad', { policyName: 'bad', rules: [{ path: 'kv/data/*/x', capabilities: [VaultCapability.READ] }] });
    expect(errors(app)).toEqual([expect.stringContaining('ESO-VAULT-POLICY-SYNTAX: policy "bad" path "kv/data/*/x": "*" is only allowed as the last character')]);
  });
});

describe('VaultPolicy.forStore (derived from the app manifests)', () => {
  test('library constructs and raw ApiObjects, including objects added after the policy', () => {
    const { app, admin, apps, store } = appWithStore();
    const policy = VaultPolicy.forStore(admin, 'derived', store, { policyName: 'eso' });
    new eso.ExternalSecret(apps, 'db', {
      store,
      data: [eso.SecretValue.fromProperty('password', 'app/db', 'password', { metadataPolicy: eso.MetadataPolicy.FETCH })],
      dataFrom: [eso.SecretSource.find({ path: 'shared', tags: { team: 'a' } })],
    });
    rawEs(apps, 'raw', ['app/raw']);
    new eso.PushSecret(apps, 'push', {
      stores: [store],
      source: eso.PushSource.secretName('generated'),
      data: [eso.PushValue.property('password', 'app/pushed', 'password')],
      deletionPolicy: eso.PushSecretDeletionPolicy.DELETE,
    });
    expect(policy.derived).toBe(true);
    expect(policy.toHcl()).toMatchSnapshot();
    expect(Object.fromEntries(policy.rules.map(r => [r.path, r.capabilities]))).toEqual({
      'kv/data/app/db': ['read'],
      'kv/data/app/pushed': ['create', 'delete', 'read', 'update'],
      'kv/data/app/raw': ['read'],
      'kv/data/shared/*': ['read'],
      'kv/metadata/app/db': ['read'],
      'kv/metadata/app/pushed': ['create', 'delete', 'read', 'update'],
      'kv/metadata/shared/*': ['list', 'read'],
    });
    expect(policyText(app, 'eso').spec.policy).toBe(policy.toHcl());
  });

  test('other stores, generator refs and other namespaces\' SecretStores do not count', () => {
    const { admin, apps, store, configs } = appWithStore();
    const other = new eso.ClusterSecretStore(configs, 'other', {
      metadata: { name: 'other' },
      provider: eso.SecretStoreProvider.vault({ server: 'https://vault.example.internal:8200', kv: eso.VaultKv.v2('secret'), auth: eso.VaultAuth.kubernetes({ role: 'x' }) }),
    });
    new eso.ExternalSecret(apps, 'o', { store: other, data: [eso.SecretValue.fromProperty('a', 'x/y', 'a')] });
    rawEs(apps, 'mine', ['mine/key']);
    expect(VaultPolicy.forStore(admin, 'p', store).rules).toEqual([{ path: 'kv/data/mine/key', capabilities: ['read'] }]);
  });

  test('collapse on request: under() and commonPrefix() widen reads only', () => {
    const { admin, apps, store } = appWithStore();
    rawEs(apps, 'a', ['org/prod/a/app', 'org/prod/b/app']);
    new eso.PushSecret(apps, 'push', { stores: [store], source: eso.PushSource.secretName('s'), data: [eso.PushValue.property('p', 'org/prod/c/db', 'p')] });
    const under = VaultPolicy.forStore(admin, 'u', store, { collapse: PathCollapse.under('org') });
    const common = VaultPolicy.forStore(admin, 'c', store, { collapse: PathCollapse.commonPrefix() });
    expect(under.rules.map(r => r.path)).toEqual(['kv/data/org/*', 'kv/data/org/prod/c/db', 'kv/metadata/org/prod/c/db']);
    expect(common.rules.map(r => r.path)).toEqual(['kv/data/org/prod/*', 'kv/data/org/prod/c/db', 'kv/metadata/org/prod/c/db']);
    expect(() => PathCollapse.under()).toThrow(/at least one/);
  });

  test('KV v1 store: flat paths', () => {
    const { admin, apps, store } = appWithStore({ version: 'v1' });
    rawEs(apps, 'a', ['app/db']);
    expect(VaultPolicy.forStore(admin, 'p', store).rules).toEqual([{ path: 'kv/app/db', capabilities: ['read'] }]);
  });

  test('lookup-self / revoke-self when the store\'s role sets tokenNoDefaultPolicy', () => {
    const { admin, apps, store, esoSa } = appWithStore();
    rawEs(apps, 'a', ['app/db']);
    const policy = VaultPolicy.forStore(admin, 'p', store, { policyName: 'eso' });
    new VaultKubernetesAuthRole(admin, 'role', { roleName: 'eso', serviceAccounts: [esoSa], policies: [policy], audience: 'vault', tokenNoDefaultPolicy: true });
    expect(policy.rules).toEqual([
      { path: 'auth/token/lookup-self', capabilities: ['read'] },
      { path: 'auth/token/revoke-self', capabilities: ['update'] },
      { path: 'kv/data/app/db', capabilities: ['read'] },
    ]);
  });

  test('several derived policies resolve without recursion; output validates', () => {
    const { app, admin, apps, store, esoSa } = appWithStore();
    rawEs(apps, 'a', ['app/db']);
    const p1 = VaultPolicy.forStore(admin, 'p1', store, { policyName: 'p1' });
    const p2 = VaultPolicy.forStore(admin, 'p2', store, { policyName: 'p2', target: VaultConfigTarget.crossplane() });
    new VaultKubernetesAuthRole(admin, 'role', { roleName: 'eso', serviceAccounts: [esoSa], policies: [p1, p2], audience: 'vault' });
    expect(p1.toHcl()).toBe(p2.toHcl());
    expect(errors(app)).toEqual([]);
  });

  test('VaultDynamicSecrets logging in with the store\'s role count (capability per method)', () => {
    const { admin, apps, store } = appWithStore();
    const provider = { vault: { server: 'https://vault.example.internal:8200', auth: { kubernetes: { mountPath: 'kubernetes', role: 'eso', serviceAccountRef: { name: 'external-secrets', namespace: 'external-secrets', audiences: ['vault'] } } } } };
    new ApiObject(apps, 'pg', { apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'VaultDynamicSecret', metadata: { name: 'pg' }, spec: { path: 'database/creds/app-ro', provider } });
    new ApiObject(apps, 'cert', { apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'VaultDynamicSecret', metadata: { name: 'cert' }, spec: { path: '/pki/issue/internal', method: 'POST', provider } });
    const other = { vault: { ...provider.vault, auth: { kubernetes: { mountPath: 'kubernetes', role: 'someone-else' } } } };
    new ApiObject(apps, 'x', { apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'VaultDynamicSecret', metadata: { name: 'x' }, spec: { path: 'database/creds/other', provider: other } });
    expect(VaultPolicy.forStore(admin, 'p', store).rules).toEqual([
      { path: 'database/creds/app-ro', capabilities: ['read'] },
      { path: 'pki/issue/internal', capabilities: ['create', 'update'] },
    ]);
  });

  test('a store that is not in the app fails synth', () => {
    const { app, admin } = appWithStore();
    const imported = eso.ClusterSecretStore.fromClusterSecretStoreName(admin, 'imp', 'elsewhere');
    VaultPolicy.forStore(admin, 'p', imported);
    expect(() => app.synth()).toThrow(/VaultPolicy.forStore: ClusterSecretStore "elsewhere" is not defined in this app/);
  });

  test('a raw store ApiObject works too (rules and derivation read manifests only)', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    new ApiObject(chart, 'store', {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ClusterSecretStore',
      metadata: { name: 'raw' },
      spec: { provider: { vault: { server: 'https://v.example.internal:8200', path: 'secret', version: 'v2', auth: { kubernetes: { mountPath: 'kubernetes', role: 'r' } } } } },
    });
    new ApiObject(chart, 'es', {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: 'es', namespace: 'x' },
      spec: { secretStoreRef: { name: 'raw', kind: 'ClusterSecretStore' }, dataFrom: [{ extract: { key: 'app' } }] },
    });
    const ref = eso.ClusterSecretStore.fromClusterSecretStoreName(chart, 'ref', 'raw');
    expect(VaultPolicy.forStore(chart, 'p', ref).rules).toEqual([{ path: 'secret/data/app', capabilities: ['read'] }]);
  });
});
