import { css, prop, ps, ref, run } from './helpers';
import { pushDuplicateRemoteKeyRule as rule } from '../../../../src/validation/rules/push-secrets/push-duplicate-remote-key';

describe('ESO-PUSH-DUPLICATE-REMOTE-KEY', () => {
  const primary = css('bao-primary');
  const a = ps('a', { secretStoreRefs: [ref('bao-primary')], data: [prop('password', 'databases/db-credentials', 'password')] });

  test('two PushSecrets writing the same key and property of one store', () => {
    const b = ps('b', { secretStoreRefs: [ref('bao-primary')], data: [prop('pw', 'secret/databases/db-credentials', 'password')] }, 'apps');
    const d = run(rule, primary, a, b);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-PUSH-DUPLICATE-REMOTE-KEY', field: 'spec.data[0].match.remoteRef.remoteKey' });
    expect(d[0].object.name).toBe('b');
    expect(d[0].message).toContain('PushSecret "databases/a"');
  });

  test('whole-secret write vs a property write of the same key', () => {
    const b = ps('b', { secretStoreRefs: [ref('bao-primary')], data: [{ match: { remoteRef: { remoteKey: 'databases/db-credentials' } } }] });
    expect(run(rule, primary, a, b)).toHaveLength(1);
  });

  test('duplicates inside one PushSecret (data and dataTo merged)', () => {
    const one = ps('one', {
      secretStoreRefs: [ref('bao-primary')],
      data: [prop('password', 'app/x', 'password'), prop('other', 'app/x', 'password')],
    });
    const d = run(rule, primary, one);
    expect(d[0].field).toBe('spec.data[1].match.remoteRef.remoteKey');
    expect(d[0].message).toContain('ESO rejects duplicate');
  });

  test('different properties, different stores, or different keys: clean', () => {
    const other = css('bao-other');
    const b = ps('b', { secretStoreRefs: [ref('bao-primary')], data: [prop('username', 'databases/db-credentials', 'username')] });
    const c = ps('c', { secretStoreRefs: [ref('bao-other')], data: [prop('password', 'databases/db-credentials', 'password')] });
    const e = ps('e', { secretStoreRefs: [ref('bao-primary')], data: [prop('password', 'databases/other', 'password')] });
    expect(run(rule, primary, other, a, b, c, e)).toEqual([]);
  });

  test('one PushSecret to two regions is not a duplicate (seed 001)', () => {
    const r2 = css('vault-region2');
    const two = ps('push', { secretStoreRefs: [ref('bao-primary'), ref('vault-region2')], data: [prop('password', 'databases/db-credentials', 'password')] });
    expect(run(rule, primary, r2, two)).toEqual([]);
  });

  test('copies of one PushSecret (a component in two namespaces) are a warning, with Delete an error', () => {
    const spec = { secretStoreRefs: [ref('bao-primary')], data: [prop('password', 'shared/s3', 'password')] };
    const d = run(rule, primary, ps('s3', spec, 'ai'), ps('s3', spec, 'backstage'));
    expect(d).toHaveLength(1);
    expect(d[0].severity).toBe('warning');
    expect(d[0].message).toContain('copies of one PushSecret');
    const del = { ...spec, deletionPolicy: 'Delete' };
    const e = run(rule, primary, ps('s3', del, 'ai'), ps('s3', del, 'backstage'));
    expect(e.map(x => x.severity)).toEqual(['error']);
    // same name, different spec: a real fight
    const f = run(rule, primary, ps('s3', spec, 'ai'), ps('s3', { ...spec, refreshInterval: '5m' }, 'backstage'));
    expect(f.map(x => x.severity)).toEqual(['error']);
  });
});
