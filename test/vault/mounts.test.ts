import { Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { appWithStore, errors, manifests, rawEs } from './fixtures';
import * as eso from '../../src';
import {
  TokenReviewer, VaultAuthMount, VaultConfigOperator, VaultConfigTarget, VaultKubernetesAuthConfig, VaultKubernetesAuthRole,
  VaultListingVisibility, VaultMountTokenType, VaultSecretsEngine, VaultSecretsMount, VaultStoreAccess,
} from '../../src/vault';

const admin = () => VaultConfigOperator.authenticateAs('vault-admin', { namespace: 'vault-admin', authMountPath: 'vault-config-operator', address: 'https://vault.example.internal:8200' });
const tune = {
  defaultLeaseTtl: Duration.hours(1),
  maxLeaseTtl: Duration.hours(24),
  auditNonHmacRequestKeys: ['role'],
  auditNonHmacResponseKeys: ['lease_id'],
  listingVisibility: VaultListingVisibility.HIDDEN,
  passthroughRequestHeaders: ['X-Request-Id'],
  allowedResponseHeaders: ['X-Vault-Trace'],
};

describe('VaultSecretsMount (SecretEngineMount)', () => {
  test('KV v2 at kv: type kv + options.version "2", Flux never prunes it; every field reaches the YAML and the pinned schema accepts it', () => {
    const { app, admin: chart } = appWithStore();
    const kv = new VaultSecretsMount(chart, 'kv', {
      path: '/kv/',
      engine: VaultSecretsEngine.kvV2(),
      target: admin(),
      description: 'ESO secrets',
      local: false,
      sealWrap: true,
      externalEntropyAccess: false,
      forceNoCache: true,
      ...tune,
    });
    expect(kv.mountPath).toBe('kv');
    expect(kv.kvVersion).toBe('2');
    const out = Testing.synth(chart).find(m => m.kind === 'SecretEngineMount');
    expect(out).toMatchSnapshot();
    expect(out.metadata.annotations).toEqual({ 'kustomize.toolkit.fluxcd.io/prune': 'disabled' });
    expect(out.spec).toMatchObject({
      type: 'kv',
      name: 'kv',
      options: { version: '2' },
      description: 'ESO secrets',
      sealWrap: true,
      local: false,
      externalEntropyAccess: false,
      config: {
        defaultLeaseTTL: '1h',
        maxLeaseTTL: '24h',
        forceNoCache: true,
        listingVisibility: 'hidden',
        auditNonHMACRequestKeys: ['role'],
        auditNonHMACResponseKeys: ['lease_id'],
        passthroughRequestHeaders: ['X-Request-Id'],
        allowedResponseHeaders: ['X-Vault-Trace'],
      },
      authentication: { path: 'vault-config-operator', role: 'vault-admin' },
      connection: { address: 'https://vault.example.internal:8200' },
    });
    expect(out.spec.path).toBeUndefined();
    expect(errors(app)).toEqual([]);
  });

  test('a nested path is split into parent path + name; allowPrune drops the annotation; other engines via of()', () => {
    const { app, admin: chart } = appWithStore();
    new VaultSecretsMount(chart, 'db', { path: 'team-a/database', engine: VaultSecretsEngine.of('database'), target: admin(), allowPrune: true });
    const out = Testing.synth(chart).find(m => m.kind === 'SecretEngineMount');
    expect(out.spec).toMatchObject({ type: 'database', path: 'team-a', name: 'database' });
    expect(out.metadata.annotations).toBeUndefined();
    expect(VaultSecretsEngine.kvV1()).toMatchObject({ type: 'kv', options: { version: '1' }, kvVersion: '1' });
    expect(VaultSecretsEngine.of('kv', { version: '2' }).kvVersion).toBe('2');
    expect(errors(app)).toEqual([]);
  });

  test('bad input: CLI shorthands, empty paths, sub-second TTLs, and Crossplane (no pinned mount CRD) are refused with the fix', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'vault-admin' });
    expect(() => VaultSecretsEngine.of('kv-v2')).toThrow(/use VaultSecretsEngine.kvV2\(\)/);
    expect(() => new VaultSecretsMount(chart, 'a', { path: '/', engine: VaultSecretsEngine.kvV2() })).toThrow(/c\/a: mount path "\/" is not a Vault mount path/);
    expect(() => new VaultSecretsMount(chart, 'b', { path: 'kv', engine: VaultSecretsEngine.kvV2(), defaultLeaseTtl: Duration.millis(1500) })).toThrow(/whole seconds/);
    expect(() => new VaultSecretsMount(chart, 'x', { path: 'kv', engine: VaultSecretsEngine.kvV2(), target: VaultConfigTarget.crossplane() }))
      .toThrow(/c\/x: a secrets-engine mount cannot be emitted for Crossplane provider-vault: this library pins no provider-vault mount CRD.*VaultSecretsMount.fromMountPath\(\)/);
    expect(VaultSecretsMount.fromMountPath(chart, 'existing', '/kv/', { kvVersion: '2' })).toMatchObject({ mountPath: 'kv', kvVersion: '2' });
    expect(() => VaultSecretsMount.fromMountPath(chart, 'bad', 'kv', { kvVersion: 'v2' })).toThrow(/kvVersion must be "1" or "2"/);
  });

  test('the pinned schemas do check these objects (a value outside the enums is ESO-SCHEMA)', () => {
    const { app, admin: chart } = appWithStore();
    new VaultSecretsMount(chart, 'kv', { path: 'kv', engine: VaultSecretsEngine.kvV2(), listingVisibility: 'everyone' as VaultListingVisibility });
    new VaultAuthMount(chart, 'k8s', { tokenType: 'forever' as VaultMountTokenType });
    const found = errors(app).filter(e => e.startsWith('ESO-SCHEMA'));
    expect(found).toHaveLength(2);
    expect(found.join('\n')).toContain('"unauth", "hidden"');
    expect(found.join('\n')).toContain('"default-service", "default-batch"');
  });
});

describe('VaultAuthMount (AuthEngineMount / provider-vault Backend)', () => {
  test('Kubernetes auth at kubernetes (vault-config-operator): every field, schema-valid', () => {
    const { app, admin: chart } = appWithStore();
    const m = new VaultAuthMount(chart, 'k8s', {
      target: admin(),
      description: 'ESO logins',
      local: true,
      sealWrap: false,
      tokenType: VaultMountTokenType.DEFAULT_SERVICE,
      tuneDescription: 'tuned',
      tuneOptions: { b: '2', a: '1' },
      ...tune,
    });
    expect(m.mountPath).toBe('kubernetes');
    expect(m.methodType).toBe('kubernetes');
    const out = Testing.synth(chart).find(x => x.kind === 'AuthEngineMount');
    expect(out).toMatchSnapshot();
    expect(out.spec).toMatchObject({ type: 'kubernetes', path: '', name: 'kubernetes', description: 'ESO logins', local: true, sealwrap: false });
    expect(out.spec.config).toMatchObject({ tokenType: 'default-service', description: 'tuned', options: { a: '1', b: '2' }, defaultLeaseTTL: '1h' });
    expect(errors(app)).toEqual([]);
  });

  test('provider-vault: auth.vault.m.upbound.io Backend with forProvider.tune, schema-valid', () => {
    const { app, admin: chart } = appWithStore();
    new VaultAuthMount(chart, 'k8s', {
      path: 'clusters/prod',
      target: VaultConfigTarget.crossplane({ vaultNamespace: 'team-a' }),
      disableRemount: true,
      identityTokenKey: 'key',
      tokenType: VaultMountTokenType.SERVICE,
      description: 'prod',
      ...tune,
    });
    const out = Testing.synth(chart).find(x => x.kind === 'Backend');
    expect(out).toMatchSnapshot();
    expect(out.apiVersion).toBe('auth.vault.m.upbound.io/v1alpha1');
    expect(out.spec.forProvider).toMatchObject({ type: 'kubernetes', path: 'clusters/prod', disableRemount: true, identityTokenKey: 'key', namespace: 'team-a' });
    expect(out.spec.forProvider.tune).toEqual([expect.objectContaining({ tokenType: 'service', maxLeaseTtl: '24h', auditNonHmacRequestKeys: ['role'] })]);
    expect(errors(app)).toEqual([]);
  });

  test('objectName names the mount and config objects; a bad one is refused', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'vault-admin' });
    new VaultAuthMount(chart, 'a', { path: 'k8s', objectName: 'kubernetes' });
    new VaultSecretsMount(chart, 'kv', { path: 'kv', engine: VaultSecretsEngine.kvV2(), objectName: 'kv' });
    new VaultKubernetesAuthConfig(chart, 'cfg', { tokenReviewer: TokenReviewer.vaultInCluster(kplus.ServiceAccount.fromServiceAccountName(chart, 'v', 'vault', { namespaceName: 'vault' })), mountPath: 'k8s', objectName: 'kubernetes' });
    expect(Testing.synth(chart).filter(m => m.apiVersion.startsWith('redhatcop')).map(m => [m.kind, m.metadata.name])).toEqual([
      ['AuthEngineMount', 'kubernetes'], ['SecretEngineMount', 'kv'], ['KubernetesAuthEngineConfig', 'kubernetes'],
    ]);
    expect(() => new VaultAuthMount(chart, 'b', { objectName: 'Kube_rnetes' })).toThrow(/c\/b: objectName "Kube_rnetes" is not a valid Kubernetes object name/);
    expect(() => new VaultSecretsMount(chart, 's', { path: 'x', engine: VaultSecretsEngine.kvV1(), objectName: '-x' })).toThrow(/c\/s: objectName "-x"/);
  });

  test('bad input: a field of the other controller, the legacy cluster-scoped Backend', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'vault-admin' });
    expect(() => new VaultAuthMount(chart, 'a', { disableRemount: true })).toThrow(/c\/a: disableRemount is a provider-vault field/);
    expect(() => new VaultAuthMount(chart, 'b', { sealWrap: true, target: VaultConfigTarget.crossplane() })).toThrow(/c\/b: sealWrap is a vault-config-operator field/);
    expect(() => new VaultAuthMount(chart, 'c', { target: VaultConfigTarget.crossplane({ legacyClusterScoped: true }) })).toThrow(/legacy cluster-scoped provider-vault auth Backend/);
  });
});

describe('auth config, role and store access with their mounts', () => {
  const vaultSa = (c: Chart) => kplus.ServiceAccount.fromServiceAccountName(c, 'vault', 'vault', { namespaceName: 'vault' });

  test('createMount: the config emits its AuthEngineMount, ordered before it; mount: the given one', () => {
    const { app, admin: chart } = appWithStore();
    const cfg = new VaultKubernetesAuthConfig(chart, 'auth', { tokenReviewer: TokenReviewer.vaultInCluster(vaultSa(chart)), target: admin(), createMount: true });
    expect(cfg.mount).toBeInstanceOf(VaultAuthMount);
    expect(cfg.mountPath).toBe('kubernetes');
    const kinds = app.synthYaml().split('\n').filter((l: string) => l.startsWith('kind: ')).map((l: string) => l.slice(6));
    expect(kinds.indexOf('AuthEngineMount')).toBeLessThan(kinds.indexOf('KubernetesAuthEngineConfig'));
    expect(errors(app)).toEqual([]);

    const other = new Chart(Testing.app(), 'other', { namespace: 'vault-admin' });
    const mount = new VaultAuthMount(other, 'mount', { path: 'k8s-prod', target: admin() });
    const role = new VaultKubernetesAuthRole(other, 'role', {
      mount,
      boundServiceAccountNames: ['eso'],
      boundServiceAccountNamespaces: ['apps'],
      roleName: 'eso',
      target: admin(),
      audience: 'vault',
      policies: [eso.VaultPolicy.fromPolicyName(other, 'p', 'eso')],
    });
    expect(role.mount).toBe(mount);
    expect(Testing.synth(other).find(m => m.kind === 'KubernetesAuthEngineRole').spec.path).toBe('k8s-prod');
  });

  test('bad input: mount and mountPath disagree; mount and createMount together', () => {
    const { admin: chart, esoSa } = appWithStore();
    const mount = VaultAuthMount.fromMountPath(chart, 'existing', 'k8s');
    expect(() => new VaultKubernetesAuthRole(chart, 'r', { mount, mountPath: 'kubernetes', serviceAccounts: [esoSa] }))
      .toThrow(/admin\/r: mountPath "kubernetes" and mount \(auth\/k8s\) disagree/);
    expect(() => new VaultKubernetesAuthConfig(chart, 'c', { mount, createMount: true, tokenReviewer: TokenReviewer.vaultInCluster(vaultSa(chart)) }))
      .toThrow(/either mount .* or createMount: true, not both/);
  });

  test('store access createMounts: KV v2 + Kubernetes auth as the store says; a second store on the same mounts reuses them', () => {
    const { app, admin: chart, configs, apps, store, esoSa } = appWithStore();
    rawEs(apps, 'db', ['app/db']);
    const a = new VaultStoreAccess(chart, 'a', { store, target: admin(), createMounts: true });
    const other = new eso.ClusterSecretStore(configs, 'other', {
      metadata: { name: 'other' },
      provider: eso.SecretStoreProvider.vault({ server: 'https://vault.example.internal:8200', kv: eso.VaultKv.v2('kv'), auth: eso.VaultAuth.kubernetes({ role: 'eso-other', serviceAccount: esoSa, audiences: ['vault'] }) }),
    });
    const b = new VaultStoreAccess(chart, 'b', { store: other, target: admin(), createMounts: true });
    expect(b.authMount).toBe(a.authMount);
    expect(b.kvMount).toBe(a.kvMount);
    const out = manifests(app);
    expect(out.filter(m => m.kind === 'SecretEngineMount')).toHaveLength(1);
    expect(out.filter(m => m.kind === 'AuthEngineMount')).toHaveLength(1);
    expect(out.find(m => m.kind === 'SecretEngineMount').spec).toMatchObject({ type: 'kv', name: 'kv', options: { version: '2' } });
    expect(errors(app)).toEqual([]);
  });

  test('the auth config\'s createMount reuses the mount grantVaultAccess created for the same Vault (one object per mount)', () => {
    const { app, admin: chart, apps, store } = appWithStore();
    rawEs(apps, 'db', ['app/db']);
    const access = store.grantVaultAccess(chart, 'access', { target: admin(), createMounts: true });
    const cfg = new VaultKubernetesAuthConfig(chart, 'auth', { tokenReviewer: TokenReviewer.vaultInCluster(vaultSa(chart)), target: admin(), createMount: true });
    expect(cfg.mount).toBe(access.authMount);
    expect(manifests(app).filter(m => m.kind === 'AuthEngineMount')).toHaveLength(1);
    expect(errors(app)).toEqual([]);
  });

  test('bad input: a KV mount of another path or version than the store, an auth mount the store does not log in at', () => {
    const { admin: chart, store } = appWithStore();
    expect(() => new VaultStoreAccess(chart, 'v', { store, kvMount: VaultSecretsMount.fromMountPath(chart, 'kv1', 'kv', { kvVersion: '1' }) }))
      .toThrow(/kvMount "kv" is KV version 1, but the store reads it as KV v2: every read fails/);
    expect(() => new VaultStoreAccess(chart, 'p', { store, kvMount: VaultSecretsMount.fromMountPath(chart, 'secret', 'secret') }))
      .toThrow(/kvMount is "secret", but the store reads from KV mount "kv"/);
    expect(() => new VaultStoreAccess(chart, 'm', { store, authMount: VaultAuthMount.fromMountPath(chart, 'k', 'k8s') }))
      .toThrow(/authMount is auth\/k8s, but the store logs in at auth\/kubernetes/);
  });

  test('default (no mount options): nothing new is emitted', () => {
    const { app, admin: chart, store } = appWithStore();
    const access = new VaultStoreAccess(chart, 'access', { store });
    expect(access.authMount).toBeUndefined();
    expect(access.kvMount).toBeUndefined();
    expect(manifests(app).map(m => m.kind).sort()).toEqual(['ClusterSecretStore', 'KubernetesAuthEngineRole', 'Policy']);
  });
});
