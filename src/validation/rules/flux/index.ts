import { Rule } from '../../rule';

/** Rules for flux: one file per rule, listed here. */
export const FLUX_RULES: Rule[] = [];
