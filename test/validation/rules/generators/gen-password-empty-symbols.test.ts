import { password, run } from './helpers';
import { passwordEmptySymbolsRule as rule } from '../../../../src/validation/rules/generators/gen-password-empty-symbols';

describe('ESO-GEN-PASSWORD-EMPTY-SYMBOLS', () => {
  test('empty symbolCharacters with default symbols', () => {
    const d = run(rule, password({ length: 24, symbolCharacters: '', noUpper: false, allowRepeat: false }));
    expect(d).toHaveLength(1);
    // the object works as written (it generates passwords, with symbols): a warning, not an error
    expect(d[0]).toMatchObject({ ruleId: 'ESO-GEN-PASSWORD-EMPTY-SYMBOLS', field: 'spec.symbolCharacters', severity: 'warning' });
    expect(d[0].message).toContain('still yields 6 symbols');
    expect(d[0].fix).toContain('symbols: 0');
  });

  test('symbols: 0 is the way to disable them', () => {
    expect(run(rule, password({ length: 24, symbols: 0, symbolCharacters: '', noUpper: false, allowRepeat: false }))).toEqual([]);
    expect(run(rule, password({ length: 24, symbols: 0, noUpper: false, allowRepeat: false }))).toEqual([]);
  });
});
