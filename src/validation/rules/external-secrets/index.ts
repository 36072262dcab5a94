import { Rule } from '../../rule';

/** Rules for external-secrets: one file per rule, listed here. */
export const EXTERNAL_SECRET_RULES: Rule[] = [];
