import { password, run } from './helpers';
import { passwordSecretKeysRule as rule } from '../../../../src/validation/rules/generators/gen-password-secret-keys';

describe('ESO-GEN-PASSWORD-SECRET-KEYS', () => {
  test('empty and duplicate keys', () => {
    const d = run(rule, password({ length: 24, noUpper: false, allowRepeat: false, secretKeys: ['password', '', 'password'] }));
    expect(d.map(x => x.field)).toEqual(['spec.secretKeys[1]', 'spec.secretKeys[2]']);
    expect(d[0].message).toContain('is empty');
    expect(d[1].message).toContain('"password" repeats secretKeys[0]');
  });

  test('unique keys are fine', () => {
    expect(run(rule, password({ length: 24, noUpper: false, allowRepeat: false, secretKeys: ['password', 'replication'] }))).toEqual([]);
  });
});
