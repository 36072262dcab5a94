import { css, es, run, vaultProvider } from './helpers';
import { esFindNoPathRule } from '../../../../src/validation/rules/external-secrets/es-find-no-path';

describe('ESO-ES-FIND-NO-PATH', () => {
  const find = (f: Record<string, unknown>) => es({ data: undefined, dataFrom: [{ find: f }] });

  test('bad: find on a KV v2 store without path is an error at the find', () => {
    const d = run(esFindNoPathRule, css('vault', {}, vaultProvider(undefined, 'v2')), find({ name: { regexp: '.*' } }));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-ES-FIND-NO-PATH', severity: 'error', field: 'spec.dataFrom[0].find' });
    expect(d[0].message).toMatch(/provided Path isn't a valid kv v2 path/);
    expect(d[0].fix).toMatch(/spec\.provider\.vault\.path/);
  });

  test('good: a store with path, a find.path ESO can rewrite (contains "data"), a KV v1 store, a plain data read', () => {
    expect(run(esFindNoPathRule, css('vault', {}, vaultProvider('secret', 'v2')), find({ name: { regexp: '.*' } }))).toEqual([]);
    expect(run(esFindNoPathRule, css('vault', {}, vaultProvider(undefined, 'v2')), find({ path: 'secret/data/app', name: { regexp: '.*' } }))).toEqual([]);
    expect(run(esFindNoPathRule, css('vault', {}, vaultProvider(undefined, 'v1')), find({ name: { regexp: '.*' } }))).toEqual([]);
    expect(run(esFindNoPathRule, css('vault', {}, vaultProvider(undefined, 'v2')), es())).toEqual([]);
  });
});
