import { apiVersionRule } from './api-version';
import { schemaRule } from './schema';
import { Rule } from '../../rule';

/** Engine-wide rules: API versions and CRD schemas. */
export const CORE_RULES: Rule[] = [apiVersionRule, schemaRule];
