import { esDataRequiredRule } from './es-data-required';
import { esDataFromSourceRule } from './es-datafrom-source';
import { esDeletionPolicyRule } from './es-deletion-policy';
import { esDuplicateKeyRule } from './es-duplicate-key';
import { esFindNoPathRule } from './es-find-no-path';
import { esImmutableRefreshRule } from './es-immutable-refresh';
import { esMergePolicyRule } from './es-merge-policy';
import { esRefreshIntervalRule } from './es-refresh-interval';
import { esRefreshZeroRule } from './es-refresh-zero';
import { esRewriteKeyRule } from './es-rewrite-key';
import { esSourceRefRule } from './es-source-ref';
import { esStoreConditionsRule } from './es-store-conditions';
import { esStoreNamespaceRule } from './es-store-namespace';
import { esStoreRefRule } from './es-store-ref';
import { esTargetOwnerRule } from './es-target-owner';
import { esTargetPlainSecretRule } from './es-target-plain-secret';
import { esTemplateEngineRule } from './es-template-engine';
import { esTemplateFromTargetRule } from './es-template-from-target';
import { esTemplateTypeRule } from './es-template-type';
import { esTypedSecretRule } from './es-typed-secret';
import { esVaultKeyRule } from './es-vault-key';
import { esVaultKv1Rule } from './es-vault-kv1';
import { esWholeSecretRule } from './es-whole-secret';
import { Rule } from '../../rule';

/** Rules for external-secrets: one file per rule, listed here. */
export const EXTERNAL_SECRET_RULES: Rule[] = [
  // ESO webhook (ES-1..ES-10)
  esDeletionPolicyRule, esDataRequiredRule, esDuplicateKeyRule, esDataFromSourceRule, esSourceRefRule,
  esTemplateTypeRule, esTemplateFromTargetRule,
  // keys ESO would produce
  esRewriteKeyRule,
  // templates, typed Secrets, refresh semantics
  esTemplateEngineRule, esTypedSecretRule, esMergePolicyRule, esRefreshIntervalRule, esRefreshZeroRule, esImmutableRefreshRule,
  // cross-resource
  esStoreRefRule, esStoreNamespaceRule, esStoreConditionsRule, esTargetOwnerRule, esTargetPlainSecretRule,
  esVaultKeyRule, esVaultKv1Rule, esWholeSecretRule,
  // what ESO's Vault client refuses at run time
  esFindNoPathRule,
];
