import { apiVersionRule } from './api-version';
import { plaintextSecretRule } from './plaintext-secret';
import { schemaRule } from './schema';
import { schemaCelRule } from './schema-cel';
import { Rule } from '../../rule';

/** Engine-wide rules: API versions, CRD schemas (OpenAPI, CEL), no plaintext secrets. */
export const CORE_RULES: Rule[] = [apiVersionRule, schemaRule, schemaCelRule, plaintextSecretRule];
