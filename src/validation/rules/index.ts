import { CORE_RULES } from './core';
import { EXTERNAL_SECRET_RULES } from './external-secrets';
import { FLUX_RULES } from './flux';
import { GENERATOR_RULES } from './generators';
import { PUSH_SECRET_RULES } from './push-secrets';
import { STORE_RULES } from './stores';
import { VAULT_RULES } from './vault';
import { Rule } from '../rule';

/** The one registry: every rule the engine runs, at synth and in the CLI. */
export const ALL_RULES: readonly Rule[] = [
  ...CORE_RULES,
  ...STORE_RULES, ...EXTERNAL_SECRET_RULES, ...PUSH_SECRET_RULES, ...GENERATOR_RULES, ...VAULT_RULES, ...FLUX_RULES,
];
