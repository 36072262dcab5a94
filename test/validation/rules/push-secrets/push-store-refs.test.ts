import { ps, ref, run } from './helpers';
import { pushStoreRefsRule as rule } from '../../../../src/validation/rules/push-secrets/push-store-refs';

describe('ESO-PUSH-STORE-REFS', () => {
  test('no store, a nameless ref, an empty secret selector', () => {
    expect(run(rule, ps('p', { secretStoreRefs: [] }))[0]).toMatchObject({ ruleId: 'ESO-PUSH-STORE-REFS', field: 'spec.secretStoreRefs' });
    expect(run(rule, ps('p', { secretStoreRefs: [{ kind: 'ClusterSecretStore' }] }))[0].message).toContain('refStore Name must be provided');
    expect(run(rule, ps('p', { secretStoreRefs: [ref('v')], selector: { secret: {} } }))[0].field).toBe('spec.selector.secret');
  });

  test('a named store and a named secret are fine', () => {
    expect(run(rule, ps('p', { secretStoreRefs: [ref('v')] }))).toEqual([]);
  });
});
