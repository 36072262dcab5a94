import { css, prop, ps, ref, run } from './helpers';
import { pushVaultPropertyRule as rule } from '../../../../src/validation/rules/push-secrets/push-vault-property';

describe('ESO-PUSH-VAULT-PROPERTY', () => {
  test('one key without property on Vault', () => {
    const d = run(rule, css('vault'), ps('p', { secretStoreRefs: [ref('vault')], data: [prop('password', 'databases/db-credentials')] }));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-PUSH-VAULT-PROPERTY', field: 'spec.data[0].match.remoteRef.property', severity: 'error' });
    expect(d[0].fix).toContain('property: "password"');
  });

  test('with a property, the whole Secret, or a non-Vault store: clean', () => {
    expect(run(rule, css('vault'), ps('p', { secretStoreRefs: [ref('vault')], data: [prop('password', 'databases/db-credentials', 'password')] }))).toEqual([]);
    expect(run(rule, css('vault'), ps('p', { secretStoreRefs: [ref('vault')], data: [{ match: { remoteRef: { remoteKey: 'databases/db-credentials' } } }] }))).toEqual([]);
    expect(run(rule, css('vault', { provider: 'fake' }), ps('p', { secretStoreRefs: [ref('vault')], data: [prop('password', 'x')] }))).toEqual([]);
  });

  test('a key the app declares as a JSON object may go without property (ESO Vault docs example); a plain value may not', () => {
    const source = (stringData: Record<string, string>, data?: Record<string, string>) => ({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db-credentials', namespace: 'databases' },
      ...(data ? { data } : { stringData }),
    });
    const push = ps('p', { secretStoreRefs: [ref('vault')], data: [prop('source-key1', 'vault/secret1')] });
    expect(run(rule, css('vault'), push, source({ 'source-key1': '{"foo":"bar"}' }))).toEqual([]);
    expect(run(rule, css('vault'), push, source({}, { 'source-key1': Buffer.from('{"foo":"bar"}').toString('base64') }))).toEqual([]);
    expect(run(rule, css('vault'), push, source({ 'source-key1': 'bar' }))).toHaveLength(1);
    expect(run(rule, css('vault'), push, source({ 'source-key1': '["a"]' }))).toHaveLength(1);
  });
});
