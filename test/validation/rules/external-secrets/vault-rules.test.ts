import { css, es, run, ss, vaultProvider } from './helpers';
import { esVaultKeyRule } from '../../../../src/validation/rules/external-secrets/es-vault-key';
import { esVaultKv1Rule } from '../../../../src/validation/rules/external-secrets/es-vault-kv1';
import { esWholeSecretRule } from '../../../../src/validation/rules/external-secrets/es-whole-secret';

const one = (key: string) => [{ secretKey: 'password', remoteRef: { key, property: 'password' } }];

describe('ESO-ES-VAULT-KEY (P03)', () => {
  test('a key repeating the mount: a warning for a data read (it works), an error where metadata or find use it', () => {
    const d = run(esVaultKeyRule, css('vault'), es({ data: one('secret/data/app/db') }));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-ES-VAULT-KEY', field: 'spec.data[0].remoteRef.key', severity: 'warning' });
    expect(d[0].message).toContain('remoteRef.key "secret/data/app/db" repeats the mount "secret" of store "vault": the data read works');
    expect(d[0].fix).toBe('use "app/db" (relative to the mount)');
    const fetch = run(esVaultKeyRule, css('vault'), es({ data: [{ secretKey: 'm', remoteRef: { key: 'secret/app/db', metadataPolicy: 'Fetch' } }] }));
    expect(fetch.map(x => [x.severity, x.message.includes('metadataPolicy: Fetch')])).toEqual([['error', true]]);
    const find = run(esVaultKeyRule, css('vault'), es({ data: undefined, dataFrom: [{ find: { path: 'secret/app', name: { regexp: '.*' } } }] }));
    expect(find.map(x => x.severity)).toEqual(['error']);
  });
  test('a data/ prefix reads <mount>/data/data/...', () => {
    const d = run(esVaultKeyRule, css('vault'), es({ data: one('data/app/db') }));
    expect(d[0].message).toContain('reads "secret/data/data/app/db"');
  });
  test('extract keys and find paths are checked, through SecretStores too', () => {
    const d = run(esVaultKeyRule, ss('local', 'shop', vaultProvider('kv/team-a')),
      es({ secretStoreRef: { name: 'local', kind: 'SecretStore' }, data: undefined, dataFrom: [{ extract: { key: 'kv/team-a/app' } }, { find: { path: 'metadata/app' } }] }));
    expect(d.map(x => x.field)).toEqual(['spec.dataFrom[0].extract.key', 'spec.dataFrom[1].find.path']);
  });
  test('a leading slash warns', () => {
    expect(run(esVaultKeyRule, css('vault'), es({ data: one('/app/db') }))[0]).toMatchObject({ severity: 'warning' });
  });
  test('mount-relative keys, path-less stores, KV v1 data/ folders and unknown stores pass', () => {
    expect(run(esVaultKeyRule, css('vault'), es({ data: one('tazlab-k8s/static/infra/github/GITHUB_TOKEN') }))).toEqual([]);
    expect(run(esVaultKeyRule, css('vault', {}, vaultProvider(undefined)), es({ data: one('secret/data/app') }))).toEqual([]);
    expect(run(esVaultKeyRule, css('vault', {}, vaultProvider('kv1', 'v1')), es({ data: one('data/app') }))).toEqual([]);
    expect(run(esVaultKeyRule, es({ data: one('secret/data/app') }))).toEqual([]);
  });
});

describe('ESO-ES-VAULT-KV1 (P07)', () => {
  const v1 = css('vault', {}, vaultProvider('secret_v1', 'v1'));
  test('metadataPolicy Fetch on KV v1 is an error', () => {
    const d = run(esVaultKv1Rule, v1, es({ data: [{ secretKey: 'meta', remoteRef: { key: 'app', metadataPolicy: 'Fetch' } }] }));
    expect(d[0]).toMatchObject({ ruleId: 'ESO-ES-VAULT-KV1', field: 'spec.data[0].remoteRef.metadataPolicy', severity: 'error' });
    expect(d[0].message).toContain('metadataPolicy Fetch requires a KV v2 mount, but store "vault" is KV v1');
  });
  test('find.tags on KV v1 is an error', () => {
    const d = run(esVaultKv1Rule, v1, es({ data: undefined, dataFrom: [{ find: { path: 'app', tags: { team: 'a' } } }] }));
    expect(d[0].field).toBe('spec.dataFrom[0].find.tags');
  });
  test('the same on KV v2 passes', () => {
    expect(run(esVaultKv1Rule, css('vault'), es({ data: [{ secretKey: 'meta', remoteRef: { key: 'app', metadataPolicy: 'Fetch' } }], dataFrom: [{ find: { tags: { team: 'a' } } }] }))).toEqual([]);
    expect(run(esVaultKv1Rule, v1, es())).toEqual([]);
  });
});

describe('ESO-ES-WHOLE-SECRET (P05)', () => {
  test('a Vault entry without property warns', () => {
    const d = run(esWholeSecretRule, css('vault'), es({ data: [{ secretKey: 'password', remoteRef: { key: 'app/db' } }] }));
    expect(d[0]).toMatchObject({ ruleId: 'ESO-ES-WHOLE-SECRET', field: 'spec.data[0].remoteRef', severity: 'warning' });
    expect(d[0].message).toContain('the whole secret "app/db" lands in "password" as JSON');
  });
  test('a property, a template that parses the JSON, or a non-Vault store passes', () => {
    expect(run(esWholeSecretRule, css('vault'), es())).toEqual([]);
    expect(run(esWholeSecretRule, css('vault'), es({ data: [{ secretKey: 'db', remoteRef: { key: 'app/db' } }], target: { template: { data: { url: '{{ (.db | fromJson).url }}' } } } }))).toEqual([]);
    expect(run(esWholeSecretRule, css('vault', {}, { fake: { data: [] } }), es({ data: [{ secretKey: 'p', remoteRef: { key: 'app/db' } }] }))).toEqual([]);
  });
});
