import { css, prop, ps, ref, run } from './helpers';
import { pushReadOnlyStoreRule as rule } from '../../../../src/validation/rules/push-secrets/push-read-only-store';

describe('ESO-PUSH-READ-ONLY-STORE', () => {
  const replica = css('vault-region1', { readOnly: true, labels: { region: 'eu' } });
  const primary = css('bao-primary', { labels: { region: 'eu' } });

  test('push to a replica (by name) is an error', () => {
    const d = run(rule, replica, primary, ps('push', { secretStoreRefs: [ref('vault-region1')], data: [prop('password', 'databases/db-credentials', 'password')] }));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-PUSH-READ-ONLY-STORE', field: 'spec.secretStoreRefs[0]', severity: 'error' });
    expect(d[0].message).toContain('ClusterSecretStore "vault-region1", which is marked read-only');
  });

  test('a label selector that selects a replica is an error', () => {
    const d = run(rule, replica, primary, ps('push', { secretStoreRefs: [{ kind: 'ClusterSecretStore', labelSelector: { matchLabels: { region: 'eu' } } }] }));
    expect(d).toHaveLength(1);
    expect(d[0].message).toContain('(selected by label)');
  });

  test('push to the primary is clean', () => {
    expect(run(rule, replica, primary, ps('push', { secretStoreRefs: [ref('bao-primary')], data: [prop('password', 'databases/db-credentials', 'password')] }))).toEqual([]);
  });
});
