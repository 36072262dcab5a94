import { effectivePassword, passwordSpecOf } from '../../../model/password';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * P37: the go-password checks ESO runs on every generation, computed at synth. With `allowRepeat: false`
 * (the default) every character is distinct: at most 52 letters (26 with noUpper), 10 digits and
 * len(symbolCharacters) symbols. With the default 25 % ratios, length >= 44 fails: 44 × 0.25 = 11 digits.
 */
export const passwordArithmeticRule: Rule = {
  id: 'ESO-GEN-PASSWORD-ARITHMETIC',
  severity: Severity.ERROR,
  description: 'Password counts must add up: digits + symbols ≤ length, and without allowRepeat letters ≤ 52 (26 noUpper), digits ≤ 10, symbols ≤ len(symbolCharacters)',
  example: 'kind: Password\nspec: {length: 64, noUpper: false, allowRepeat: false}   # 16 digits by default > 10',
  pitfalls: ['P37'],
  kinds: ['Password', 'ClusterGenerator'],
  groups: ['generators.external-secrets.io'],
  checkObject(m) {
    const at = passwordSpecOf(m);
    if (!at) return [];
    const p = effectivePassword(at.spec);
    const f = (name: string) => `${at.prefix}.${name}`;
    const out: Finding[] = [];
    const countOf = (n: number, defaulted: boolean, what: string) =>
      defaulted ? `${n} ${what} (ESO's default: 25 % of length ${p.length}, rounded down)` : `${n} ${what}`;

    if (p.digits < 0 || p.symbols < 0) {
      out.push(finding(p.digits < 0 ? f('digits') : f('symbols'), `negative count (digits ${p.digits}, symbols ${p.symbols})`, 'use 0 or a positive count'));
      return out;
    }
    if (p.digits + p.symbols > p.length) {
      out.push(finding(p.digitsDefaulted && p.symbolsDefaulted ? f('length') : (p.digitsDefaulted ? f('symbols') : f('digits')),
        `${countOf(p.digits, p.digitsDefaulted, 'digits')} + ${countOf(p.symbols, p.symbolsDefaulted, 'symbols')} exceed length ${p.length}: `
        + 'ESO fails every generation with "number of digits and symbols must be less than total length"',
        `lower digits/symbols so that digits + symbols ≤ ${p.length}, or raise length`));
      return out;
    }
    if (p.allowRepeat) return out;

    const letters = p.length - p.digits - p.symbols;
    const alphabet = p.noUpper ? 26 : 52;
    if (letters > alphabet) {
      out.push(finding(f('allowRepeat'),
        `length ${p.length} leaves ${letters} letters (${p.length} − ${p.digits} digits − ${p.symbols} symbols), but only ${alphabet} distinct `
        + `${p.noUpper ? 'lower-case ' : ''}letters exist without allowRepeat: ESO fails with "number of letters exceeds available letters and repeats are not allowed"`,
        `set allowRepeat: true, or raise digits/symbols so that at most ${alphabet} letters remain`));
    }
    if (p.digits > 10) {
      const why = p.digitsDefaulted
        ? `length ${p.length} gives ${p.digits} digits by default (25 % of length; any length ≥ 44 does with the default ratios), `
        : `digits ${p.digits}: `;
      out.push(finding(p.digitsDefaulted ? f('length') : f('digits'),
        `${why}but only 10 distinct digits exist without allowRepeat: ESO fails with "number of digits exceeds available digits and repeats are not allowed"`,
        'set allowRepeat: true, or digits ≤ 10'));
    }
    if (p.symbolCharacters !== undefined && p.symbols > [...p.symbolCharacters].length) {
      const setDesc = p.symbolCharactersDefaulted
        ? `ESO's default set has ${p.symbolCharacters.length}`
        : `symbolCharacters ${JSON.stringify(p.symbolCharacters)} has ${[...p.symbolCharacters].length}`;
      out.push(finding(p.symbolsDefaulted ? f('length') : f('symbols'),
        `${countOf(p.symbols, p.symbolsDefaulted, 'symbols')} without allowRepeat, but ${setDesc}: ESO fails with "number of symbols exceeds available symbols and repeats are not allowed"`,
        `set allowRepeat: true, symbols ≤ ${[...p.symbolCharacters].length}, or more symbolCharacters`));
    }
    return out;
  },
};
