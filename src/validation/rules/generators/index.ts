import { clusterGeneratorKindRule } from './gen-cluster-kind';
import { passwordArithmeticRule } from './gen-password-arithmetic';
import { passwordEmptySymbolsRule } from './gen-password-empty-symbols';
import { passwordSecretKeysRule } from './gen-password-secret-keys';
import { generatorRefRule } from './gen-ref';
import { generatorRefreshRule } from './gen-refresh';
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
