import { css, es, prop, ps, read, ref, run } from './helpers';
import { pushLoopRule as rule } from '../../../../src/validation/rules/push-secrets/push-loop';

describe('ESO-PUSH-LOOP', () => {
  const primary = css('bao-primary');
  const replica = css('vault-region1', { readOnly: true });
  const push = ps('push-db-credentials', { secretStoreRefs: [ref('bao-primary')], data: [prop('password', 'databases/db-credentials', 'password')] });

  test('pushing a Secret back to the store and key it is materialized from is a loop', () => {
    const loop = es('db', { secretStoreRef: ref('bao-primary'), target: { name: 'db-credentials' }, data: [read('password', 'databases/db-credentials', 'password')] });
    const d = run(rule, primary, push, loop);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-PUSH-LOOP', field: 'spec.data[0].match.remoteRef.remoteKey', severity: 'error' });
    expect(d[0].object.name).toBe('push-db-credentials');
    expect(d[0].message).toContain('overwrite each other in a loop');
  });

  test('an ExternalSecret that reads once (restore, then push back) is no loop; a periodic one is', () => {
    const spec = { secretStoreRef: ref('bao-primary'), target: { name: 'db-credentials', creationPolicy: 'Orphan' }, data: [read('password', 'databases/db-credentials', 'password')] };
    expect(run(rule, primary, push, es('db', { ...spec, refreshPolicy: 'CreatedOnce' }))).toEqual([]);
    expect(run(rule, primary, push, es('db', { ...spec, refreshInterval: '0s' }))).toEqual([]);
    expect(run(rule, primary, push, es('db', { ...spec, refreshInterval: '1h' }))).toHaveLength(1);
    expect(run(rule, primary, push, es('db', { ...spec, refreshPolicy: 'Periodic', refreshInterval: '1h' }))).toHaveLength(1);
  });

  test('mount-prefixed and data/ keys are the same secret', () => {
    const loop = es('db', { secretStoreRef: ref('bao-primary'), target: { name: 'db-credentials' }, dataFrom: [{ extract: { key: 'secret/data/databases/db-credentials' } }] });
    expect(run(rule, primary, push, loop)).toHaveLength(1);
  });

  test('push to the primary, read the same key from a replica: clean (the seeds\' design)', () => {
    const fromReplica = es('db', { secretStoreRef: ref('vault-region1'), target: { name: 'db-credentials' }, data: [read('password', 'databases/db-credentials', 'password')] });
    expect(run(rule, primary, replica, push, fromReplica)).toEqual([]);
  });

  test('an ExternalSecret that writes a ConfigMap of that name (target.manifest) is no loop', () => {
    const toConfigMap = es('db', { secretStoreRef: ref('bao-primary'), target: { name: 'db-credentials', manifest: { apiVersion: 'v1', kind: 'ConfigMap' } }, data: [read('password', 'databases/db-credentials', 'password')] });
    expect(run(rule, primary, push, toConfigMap)).toEqual([]);
  });

  test('another Secret, another namespace, or another property: clean', () => {
    const other = es('other', { secretStoreRef: ref('bao-primary'), target: { name: 'app' }, data: [read('password', 'databases/db-credentials', 'password')] });
    const otherNs = es('db', { secretStoreRef: ref('bao-primary'), target: { name: 'db-credentials' }, data: [read('password', 'databases/db-credentials', 'password')] }, 'apps');
    const otherProp = es('db', { secretStoreRef: ref('bao-primary'), target: { name: 'db-credentials' }, data: [read('username', 'databases/db-credentials', 'username')] });
    expect(run(rule, primary, push, other, otherNs, otherProp)).toEqual([]);
  });
});
