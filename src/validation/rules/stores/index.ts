import { Rule } from '../../rule';

/** Rules for stores: one file per rule, listed here. */
export const STORE_RULES: Rule[] = [];
