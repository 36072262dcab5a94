import { effectivePassword, passwordSpecOf } from '../../../model/password';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/**
 * P38: `symbolCharacters: ""` does not disable symbols: the empty set is passed to go-password, which
 * falls back to its own symbol set, so symbols still appear.
 */
export const passwordEmptySymbolsRule: Rule = {
  id: 'ESO-GEN-PASSWORD-EMPTY-SYMBOLS',
  severity: Severity.WARNING,
  description: 'symbolCharacters "" does not disable symbols (go-password falls back to its own set): set symbols: 0',
  example: 'kind: Password\nspec: {length: 24, symbolCharacters: ""}',
  pitfalls: ['P38'],
  kinds: ['Password', 'ClusterGenerator'],
  groups: ['generators.external-secrets.io'],
  checkObject(m) {
    const at = passwordSpecOf(m);
    if (!at || at.spec.symbolCharacters !== '') return [];
    const p = effectivePassword(at.spec);
    if (p.symbols === 0) return [];
    return [finding(`${at.prefix}.symbolCharacters`,
      `symbolCharacters "" still yields ${p.symbols} symbols${p.symbolsDefaulted ? ' (25 % of length by default)' : ''}: `
      + 'go-password replaces an empty set with its own default symbols',
      'set symbols: 0 to generate a password without symbols (and drop symbolCharacters)')];
  },
};
