import { Rule } from '../../rule';

/** Rules for generators: one file per rule, listed here. */
export const GENERATOR_RULES: Rule[] = [];
