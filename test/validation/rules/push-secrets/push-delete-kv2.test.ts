import { css, prop, ps, ref, run } from './helpers';
import { pushDeleteKvV2Rule as rule } from '../../../../src/validation/rules/push-secrets/push-delete-kv2';

describe('ESO-PUSH-DELETE-KV2', () => {
  const push = (deletionPolicy: string, store = 'vault') => ps('p', { deletionPolicy, secretStoreRefs: [ref(store)], data: [prop('password', 'databases/db-credentials', 'password')] });

  test('Delete on KV v2 warns that all versions go', () => {
    const d = run(rule, css('vault'), push('Delete'));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-PUSH-DELETE-KV2', field: 'spec.deletionPolicy', severity: 'warning' });
    expect(d[0].message).toContain('destroys all versions');
    expect(d[0].message).toContain('"secret/databases/db-credentials"');
  });

  test('None, or KV v1: clean', () => {
    expect(run(rule, css('vault'), push('None'))).toEqual([]);
    expect(run(rule, css('vault', { version: 'v1' }), push('Delete'))).toEqual([]);
  });
});
