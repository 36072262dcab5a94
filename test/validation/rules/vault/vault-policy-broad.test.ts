import { es, esKeys, hcl, policy, ps, role, run, store } from './helpers';
import { Severity } from '../../../../src/validation/diagnostic';
import { vaultPolicyBroadRule as rule } from '../../../../src/validation/rules/vault/vault-policy-broad';

describe('ESO-VAULT-POLICY-BROAD', () => {
  test('bad: "*" on the whole mount is a warning', () => {
    const d = run(rule, [store(), role(), policy('eso', hcl({ 'kv/*': ['read', 'list'] })), esKeys('db', ['app/db'])]);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-VAULT-POLICY-BROAD', severity: Severity.WARNING, field: 'spec.policy' });
    expect(d[0].message).toContain('grants [read, list] on "kv/*", i.e. the whole mount "kv", but the app only uses 1 distinct key under it');
  });

  test('bad: write capabilities nothing uses, and sudo', () => {
    const d = run(rule, [store(), role(), policy('eso', hcl({ 'kv/data/app/*': ['create', 'read', 'update', 'sudo'] })), esKeys('db', ['app/db'])]);
    expect(d.map(x => x.message)).toEqual([
      expect.stringContaining('grants create, update on "kv/data/app/*", but nothing in the app writes there'),
      expect.stringContaining('grants sudo'),
    ]);
  });

  test('good: a mount-root glob that a find without path needs; writes that a PushSecret uses', () => {
    const find = es('all', { dataFrom: [{ find: { name: { regexp: '.*' } } }] });
    expect(run(rule, [store(), role(), policy('eso', hcl({ 'kv/metadata/*': ['list'], 'kv/data/*': ['read'] })), find])).toEqual([]);
    expect(run(rule, [store(), role(), policy('eso', hcl({ 'kv/data/app/db': ['create', 'read', 'update'], 'kv/metadata/app/db': ['create', 'read', 'update'], 'kv/data/app/*': ['read'] })), ps('p', ['app/db'])])).toEqual([]);
  });

  test('bad: write capabilities on a glob wider than the pushed keys (also a "+" segment)', () => {
    const d = run(rule, [store(), role(), policy('eso', hcl({ 'kv/data/app/*': ['create', 'read', 'update'], 'kv/metadata/+/db': ['create', 'update'] })), ps('p', ['app/db'])]);
    expect(d.map(x => x.message)).toEqual([
      expect.stringContaining('grants create, update on the glob "kv/data/app/*", but the app pushes only 1 distinct key below it ("app/db")'),
      expect.stringContaining('grants create, update on the glob "kv/metadata/+/db", but the app pushes only 1 distinct key below it ("app/db")'),
    ]);
    expect(d.every(x => x.severity === Severity.WARNING)).toBe(true);
  });

  test('the whole-mount count is distinct keys, not paths: 4 keys read and pushed by several objects count 4', () => {
    const keys = ['a/1', 'a/2', 'b/3', 'c/4'];
    const d = run(rule, [store(), role(), policy('eso', hcl({ 'kv/*': ['read', 'list', 'create', 'update'] })),
      esKeys('one', keys, 'apps', { metadataPolicy: 'Fetch' }), esKeys('two', keys, 'other'), ps('p', keys)]);
    expect(d[0].message).toContain('the app only uses 4 distinct keys under it');
  });

  test('good: policies of roles ESO does not use are not judged', () => {
    expect(run(rule, [store(), role({ name: 'other' }), policy('eso', hcl({ 'kv/*': ['sudo'] }))])).toEqual([]);
  });
});
