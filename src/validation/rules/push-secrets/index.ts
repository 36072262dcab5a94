import { Rule } from '../../rule';

/** Rules for push-secrets: one file per rule, listed here. */
export const PUSH_SECRET_RULES: Rule[] = [];
