import { apiVersionRule } from './api-version';
import { duplicateObjectRule } from './duplicate-object';
import { durationRule } from './duration';
import { plaintextSecretRule } from './plaintext-secret';
import { regexpRule } from './regexp';
import { schemaRule } from './schema';
import { schemaCelRule } from './schema-cel';
import { Rule } from '../../rule';

/** Engine-wide rules: API versions, CRD schemas (OpenAPI, CEL), what ESO parses at run time (durations, RE2 regexps), no plaintext secrets, one object per identity. */
export const CORE_RULES: Rule[] = [apiVersionRule, schemaRule, schemaCelRule, durationRule, regexpRule, plaintextSecretRule, duplicateObjectRule];
