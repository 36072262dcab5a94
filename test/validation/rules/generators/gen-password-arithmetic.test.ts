import { clusterGenerator, password, run } from './helpers';
import { effectivePassword } from '../../../../src/model/password';
import { passwordArithmeticRule as rule } from '../../../../src/validation/rules/generators/gen-password-arithmetic';

describe('ESO-GEN-PASSWORD-ARITHMETIC', () => {
  test('effective values mirror ESO (length default 24, 25 % ratios, 30 default symbols)', () => {
    expect(effectivePassword({})).toMatchObject({ length: 24, digits: 6, symbols: 6, noUpper: false, allowRepeat: false });
    expect(effectivePassword({ length: 0 }).length).toBe(24);
    expect(effectivePassword({ length: 43 })).toMatchObject({ digits: 10, symbols: 10 });
    expect(effectivePassword({ length: 44 })).toMatchObject({ digits: 11, symbols: 11 });
    expect(effectivePassword({}).symbolCharacters).toHaveLength(30);
  });

  test('length 44 with default ratios and no repeats: 11 digits > 10, explained', () => {
    const d = run(rule, password({ length: 44, noUpper: false, allowRepeat: false }));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-GEN-PASSWORD-ARITHMETIC', field: 'spec.length', severity: 'error' });
    expect(d[0].message).toContain('length 44 gives 11 digits by default');
    expect(d[0].message).toContain('any length ≥ 44');
    expect(d[0].fix).toContain('allowRepeat: true');
  });

  test('length 43 with default ratios is fine (10 digits, 10 symbols, 23 letters)', () => {
    expect(run(rule, password({ length: 43, noUpper: false, allowRepeat: false }))).toEqual([]);
  });

  test('digits + symbols > length', () => {
    const d = run(rule, password({ length: 8, digits: 6, symbols: 4, noUpper: false, allowRepeat: true }));
    expect(d[0]).toMatchObject({ field: 'spec.digits' });
    expect(d[0].message).toContain('exceed length 8');
  });

  test('too many letters without repeats (26 with noUpper)', () => {
    const d = run(rule, password({ length: 40, digits: 6, symbols: 4, noUpper: true, allowRepeat: false }));
    expect(d[0]).toMatchObject({ field: 'spec.allowRepeat' });
    expect(d[0].message).toContain('30 letters');
    expect(d[0].message).toContain('26 distinct lower-case letters');
    expect(run(rule, password({ length: 40, digits: 6, symbols: 4, noUpper: false, allowRepeat: false }))).toEqual([]);
  });

  test('explicit digits > 10 without repeats', () => {
    const d = run(rule, password({ length: 30, digits: 12, symbols: 2, noUpper: false, allowRepeat: false }));
    expect(d[0]).toMatchObject({ field: 'spec.digits' });
    expect(d[0].message).toContain('digits 12');
  });

  test('symbols > len(symbolCharacters) without repeats (default symbol count 6 > 2)', () => {
    const d = run(rule, password({ length: 24, symbolCharacters: '-_', noUpper: false, allowRepeat: false }));
    expect(d[0]).toMatchObject({ field: 'spec.length' });
    expect(d[0].message).toContain('symbolCharacters "-_" has 2');
    expect(run(rule, password({ length: 24, symbols: 2, symbolCharacters: '-_', noUpper: false, allowRepeat: false }))).toEqual([]);
  });

  test('seed 000/001 spec is clean; long passwords with allowRepeat are clean', () => {
    expect(run(rule, password({ length: 32, digits: 6, symbols: 4, noUpper: false, allowRepeat: true }))).toEqual([]);
    expect(run(rule, password({ length: 128, noUpper: false, allowRepeat: true }))).toEqual([]);
  });

  test('also checks a ClusterGenerator passwordSpec', () => {
    const d = run(rule, clusterGenerator({ kind: 'Password', generator: { passwordSpec: { length: 64, noUpper: false, allowRepeat: false } } }));
    expect(d.map(x => x.field)).toContain('spec.generator.passwordSpec.length');
  });
});
