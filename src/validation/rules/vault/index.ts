import { Rule } from '../../rule';

/** Rules for vault: one file per rule, listed here. */
export const VAULT_RULES: Rule[] = [];
