import { es, esKeys, hcl, policy, ps, role, run, store } from './helpers';
import { vaultPolicyCoverageRule as rule } from '../../../../src/validation/rules/vault/vault-policy-coverage';

const base = (h: Record<string, string[]>) => [store(), role(), policy('eso', hcl(h))];

describe('ESO-VAULT-POLICY-COVERAGE', () => {
  test('bad: a read key outside the policy names the ExternalSecret, key, path and capability', () => {
    const d = run(rule, [...base({ 'kv/data/other/*': ['read'] }), esKeys('db', ['app/db'])]);
    expect(d).toHaveLength(1);
    expect(d[0].ruleId).toBe('ESO-VAULT-POLICY-COVERAGE');
    expect(d[0].object).toMatchObject({ kind: 'ExternalSecret', name: 'db', namespace: 'apps' });
    expect(d[0].field).toBe('spec.data[0].remoteRef.key');
    expect(d[0].message).toContain('reads kv/data/app/db (key "app/db") through store "vault", but role "eso" has no policy granting read on it');
    expect(d[0].fix).toContain('path "kv/data/app/db" { capabilities = ["read"] }');
    expect(d[0].fix).toContain('VaultPolicy.forStore');
  });

  test('good: glob "*" prefix and "+" segment cover the keys', () => {
    expect(run(rule, [...base({ 'kv/data/app/*': ['read'] }), esKeys('db', ['app/db', 'app/x/y'])])).toEqual([]);
    expect(run(rule, [...base({ 'kv/data/+/db': ['read'] }), esKeys('db', ['app/db', 'other/db'])])).toEqual([]);
  });

  test('bad: "+" matches exactly one segment', () => {
    const d = run(rule, [...base({ 'kv/data/+/db': ['read'] }), esKeys('db', ['a/b/db'])]);
    expect(d.map(x => x.message)).toEqual([expect.stringContaining('reads kv/data/a/b/db')]);
  });

  test('bad: the most specific pattern wins, so a narrower rule shadows a broad grant', () => {
    const d = run(rule, [...base({ 'kv/data/app/*': ['read'], 'kv/data/app/db': ['list'] }), esKeys('db', ['app/db'])]);
    expect(d[0].message).toContain('the pattern that applies, "kv/data/app/db", grants only [list]');
  });

  test('bad: deny wins', () => {
    const d = run(rule, [...base({ 'kv/data/*': ['read'], 'kv/data/app/db': ['deny'] }), esKeys('db', ['app/db'])]);
    expect(d[0].message).toContain('denies it');
  });

  test('bad: KV v2 policy without data/ (P11) does not cover reads', () => {
    expect(run(rule, [...base({ 'kv/app/*': ['read'] }), esKeys('db', ['app/db'])])).toHaveLength(1);
  });

  test('bad: metadataPolicy Fetch needs read on metadata', () => {
    const d = run(rule, [...base({ 'kv/data/app/*': ['read'] }), esKeys('db', ['app/db'], 'apps', { metadataPolicy: 'Fetch' })]);
    expect(d.map(x => [x.field, x.message.slice(0, 40)])).toEqual([['spec.data[0].remoteRef.metadataPolicy', 'reads metadata of kv/metadata/app/db (ke']]);
  });

  test('bad: dataFrom.find needs list on metadata (P06)', () => {
    const find = es('all', { dataFrom: [{ find: { path: 'app', tags: { team: 'a' } } }] });
    const d = run(rule, [...base({ 'kv/data/app/*': ['read'], 'kv/metadata/app/*': ['read'] }), find]);
    expect(d).toHaveLength(1);
    expect(d[0].message).toContain('lists kv/metadata/app/ (key "app")');
    expect(d[0].message).toContain('granting list');
    expect(run(rule, [...base({ 'kv/data/app/*': ['read'], 'kv/metadata/app/*': ['read', 'list'] }), find])).toEqual([]);
  });

  test('bad: PushSecret needs create/read/update on data AND metadata; delete with deletionPolicy Delete', () => {
    const push = ps('push', ['app/db'], 'apps', { deletionPolicy: 'Delete' });
    const d = run(rule, [...base({ 'kv/data/app/*': ['create', 'read', 'update'] }), push]);
    expect(d.map(x => x.message)).toEqual([
      expect.stringContaining('pushes to kv/data/app/db (key "app/db") through store "vault", but role "eso" has no policy granting delete on it'),
      expect.stringContaining('writes the managed-by marker to kv/metadata/app/db (key "app/db") through store "vault", but role "eso" has no policy granting create, read, update, delete on it'),
    ]);
    const ok = base({ 'kv/data/app/*': ['create', 'read', 'update', 'delete'], 'kv/metadata/app/*': ['create', 'read', 'update', 'delete'] });
    expect(run(rule, [...ok, push])).toEqual([]);
  });

  test('good: checked only when the role and all its policies are in the app', () => {
    expect(run(rule, [store(), esKeys('db', ['app/db'])])).toEqual([]);
    expect(run(rule, [store(), role({ policies: ['eso', 'elsewhere'] }), policy('eso', hcl({})), esKeys('db', ['app/db'])])).toEqual([]);
  });

  test('bad: VaultDynamicSecret path per method, with the role of its own login', () => {
    const vds = {
      apiVersion: 'generators.external-secrets.io/v1alpha1',
      kind: 'VaultDynamicSecret',
      metadata: { name: 'pg', namespace: 'apps' },
      spec: { path: 'database/creds/app', method: 'GET', provider: store().spec.provider },
    };
    const d = run(rule, [...base({ 'kv/data/*': ['read'] }), vds]);
    expect(d[0].message).toContain('calls (method GET) database/creds/app (key "database/creds/app") logging in at auth/kubernetes, but role "eso" has no policy granting read on it');
    expect(run(rule, [...base({ 'database/creds/app': ['read'] }), vds])).toEqual([]);
  });

  test('bad: KV v1 reads the flat path', () => {
    const d = run(rule, [store({ version: 'v1' }), role(), policy('eso', hcl({ 'kv/data/app/*': ['read'] })), esKeys('db', ['app/db'])]);
    expect(d[0].message).toContain('reads kv/app/db');
  });
});
