import { Manifest } from '../../../src/model/manifest';
import { ManifestIndex } from '../../../src/model/manifest-index';
import { appAccesses, dataPath, deriveRules, metadataPath } from '../../../src/model/vault/derive';
import { VaultProviderInfo } from '../../../src/model/vault/objects';
import { es, esKeys, ps, store } from '../../validation/rules/vault/helpers';

const v2 = (mount?: string): VaultProviderInfo => ({ providerKey: 'vault', field: 'x', version: 'v2', mount, usesSecretRef: false });
const v1 = (mount?: string): VaultProviderInfo => ({ ...v2(mount), version: 'v1' });

const rules = (manifests: Manifest[], mode: 'exact' | 'common-prefix' | 'under' = 'exact', prefixes?: string[]) => {
  const index = new ManifestIndex(manifests.map(manifest => ({ manifest })));
  return Object.fromEntries(deriveRules(appAccesses(index), { mode, prefixes }).map(r => [r.path, r.capabilities]));
};

describe('key → path (eso-api.md §9.1, ESO v2.9.0 buildPath/buildMetadataPath)', () => {
  test.each([
    [v2('secret'), 'app/db', 'secret/data/app/db'],
    [v2('secret'), 'secret/app/db', 'secret/data/app/db'],
    [v2('secret'), 'secret/data/app/db', 'secret/data/app/db'],
    [v2('secret'), 'data/app/db', 'secret/data/data/app/db'],
    [v2('secret'), '/dev/config', 'secret/data/dev/config'],
    [v2('kv/team-a'), 'app', 'kv/team-a/data/app'],
    [v2(undefined), 'secret/app/db', 'secret/data/app/db'],
    [v2(undefined), 'secret/data/app/db', 'secret/data/app/db'],
    [v1('kv'), 'app/db', 'kv/app/db'],
    [v1('kv'), 'kv/app/db', 'kv/app/db'],
  ])('%j key %s → %s', (s, key, expected) => {
    expect(dataPath(s, key).path).toBe(expected);
  });

  test('metadata path uses the key verbatim when path is set (v2.9.0)', () => {
    expect(metadataPath(v2('secret'), 'app/db')?.path).toBe('secret/metadata/app/db');
    expect(metadataPath(v2('secret'), 'secret/data/app/db')?.path).toBe('secret/metadata/secret/data/app/db');
    expect(metadataPath(v2(undefined), 'secret/data/app/db')?.path).toBe('secret/metadata/app/db');
    expect(metadataPath(v1('kv'), 'app')).toBeUndefined();
  });
});

describe('derived rules', () => {
  test('reads, metadata fetch, find (path, tags, mount root), push (+delete)', () => {
    expect(rules([
      store(),
      esKeys('a', ['app/db', 'app/api'], 'apps', { metadataPolicy: 'Fetch' }),
      es('f', { dataFrom: [{ find: { path: 'shared', tags: { t: 'x' } } }, { find: { name: { regexp: '.*' } } }] }),
      ps('p', ['app/push'], 'apps', { deletionPolicy: 'Delete' }),
    ])).toEqual({
      'kv/data/*': ['read'],
      'kv/data/app/api': ['read'],
      'kv/data/app/db': ['read'],
      'kv/data/app/push': ['create', 'delete', 'read', 'update'],
      'kv/data/shared/*': ['read'],
      'kv/metadata/*': ['list'],
      'kv/metadata/app/api': ['read'],
      'kv/metadata/app/db': ['read'],
      'kv/metadata/app/push': ['create', 'delete', 'read', 'update'],
      'kv/metadata/shared/*': ['list', 'read'],
    });
  });

  test('KV v1: flat paths; list for find', () => {
    expect(rules([store({ version: 'v1' }), esKeys('a', ['app/db']), es('f', { dataFrom: [{ find: { path: 'app' } }] }), ps('p', ['app/x'])])).toEqual({
      'kv/app/*': ['list', 'read'],
      'kv/app/db': ['read'],
      'kv/app/x': ['create', 'read', 'update'],
    });
  });

  test('collapse: common prefix widens read/list only, never writes, never to the mount root', () => {
    const app = [store(), esKeys('a', ['org/prod/app1/db', 'org/prod/app2/db']), ps('p', ['org/prod/app3/db'])];
    expect(rules(app, 'common-prefix')).toEqual({
      'kv/data/org/prod/*': ['read'],
      'kv/data/org/prod/app3/db': ['create', 'read', 'update'],
      'kv/metadata/org/prod/app3/db': ['create', 'read', 'update'],
    });
    expect(rules([store(), esKeys('a', ['a/db', 'b/db'])], 'common-prefix')).toEqual({ 'kv/data/a/db': ['read'], 'kv/data/b/db': ['read'] });
    expect(rules(app, 'under', ['org'])).toEqual({
      'kv/data/org/*': ['read'],
      'kv/data/org/prod/app3/db': ['create', 'read', 'update'],
      'kv/metadata/org/prod/app3/db': ['create', 'read', 'update'],
    });
  });

  test('store resolution: SecretStore in the consumer namespace, data[].sourceRef.storeRef, PushSecret labelSelector, CES namespaces', () => {
    const ss = store({ kind: 'SecretStore', namespace: 'apps', name: 'local' });
    const other = store({ kind: 'SecretStore', namespace: 'shop', name: 'local', mount: 'shop' });
    const esLocal = es('a', {
      secretStoreRef: { name: 'local' },
      data: [
        { secretKey: 'x', remoteRef: { key: 'x' } },
        { secretKey: 'y', remoteRef: { key: 'y' }, sourceRef: { storeRef: { name: 'vault', kind: 'ClusterSecretStore' } } },
      ],
    });
    const labelled = store({ name: 'labelled', labels: { tier: 'primary' }, mount: 'lab' });
    const push = ps('p', ['z'], 'apps', { secretStoreRefs: [{ kind: 'ClusterSecretStore', labelSelector: { matchLabels: { tier: 'primary' } } }] });
    const ces: Manifest = {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ClusterExternalSecret',
      metadata: { name: 'c' },
      spec: { namespaces: ['shop'], externalSecretSpec: { secretStoreRef: { name: 'local', kind: 'SecretStore' }, data: [{ secretKey: 'k', remoteRef: { key: 'c' } }] } },
    };
    const index = new ManifestIndex([ss, other, store(), labelled, esLocal, push, ces].map(manifest => ({ manifest })));
    expect(appAccesses(index).map(a => [a.store?.key, a.path])).toEqual([
      ['SecretStore|apps|local', 'kv/data/x'],
      ['ClusterSecretStore||vault', 'kv/data/y'],
      ['SecretStore|shop|local', 'shop/data/c'],
      ['ClusterSecretStore||labelled', 'lab/data/z'],
      ['ClusterSecretStore||labelled', 'lab/metadata/z'],
    ]);
  });

  test('VaultDynamicSecret / ClusterGenerator: capability per method', () => {
    const gen = (name: string, method?: string): Manifest => ({
      apiVersion: 'generators.external-secrets.io/v1alpha1',
      kind: 'VaultDynamicSecret',
      metadata: { name, namespace: 'apps' },
      spec: { path: `/x/${name}`, ...(method ? { method } : {}), provider: store().spec.provider },
    });
    const cg: Manifest = {
      apiVersion: 'generators.external-secrets.io/v1alpha1',
      kind: 'ClusterGenerator',
      metadata: { name: 'cg' },
      spec: { kind: 'VaultDynamicSecret', generator: { vaultDynamicSecretSpec: { path: 'pki/issue/web', method: 'POST', provider: store().spec.provider } } },
    };
    expect(rules([store(), gen('get'), gen('list', 'LIST'), gen('del', 'DELETE'), gen('put', 'PUT'), cg])).toEqual({
      'pki/issue/web': ['create', 'update'],
      'x/del': ['delete'],
      'x/get': ['read'],
      'x/list/': ['list'],
      'x/put': ['create', 'update'],
    });
  });
});
