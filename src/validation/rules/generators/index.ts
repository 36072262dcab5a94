import { clusterGeneratorKindRule } from './cluster-generator-kind';
import { generatorRefRule } from './generator-ref';
import { generatorRefreshRule } from './generator-refresh';
import { passwordArithmeticRule } from './password-arithmetic';
import { passwordEmptySymbolsRule } from './password-empty-symbols';
import { passwordSecretKeysRule } from './password-secret-keys';
import { Rule } from '../../rule';

/** Rules for generators: one file per rule, listed here. */
export const GENERATOR_RULES: Rule[] = [
  passwordArithmeticRule,
  passwordEmptySymbolsRule,
  passwordSecretKeysRule,
  clusterGeneratorKindRule,
  generatorRefRule,
  generatorRefreshRule,
];
