import { esDataFromSourceRule } from './data-from-source';
import { esDataRequiredRule } from './data-required';
import { esDuplicateKeyRule } from './duplicate-key';
import { esImmutableRefreshRule } from './immutable-refresh';
import { esMergePolicyRule } from './merge-policy';
import { esDeletionPolicyRule } from './policies';
import { esRefreshIntervalRule } from './refresh-interval';
import { esRefreshZeroRule } from './refresh-zero';
import { esRewriteKeyRule } from './rewrite-key';
import { esSourceRefRule } from './source-ref';
import { esStoreConditionsRule } from './store-conditions';
import { esStoreNamespaceRule } from './store-namespace';
import { esStoreRefRule } from './store-ref';
import { esTargetOwnerRule } from './target-owner';
import { esTargetPlainSecretRule } from './target-plain-secret';
import { esTemplateEngineRule } from './template-engine';
import { esTemplateFromTargetRule } from './template-from-target';
import { esTemplateTypeRule } from './template-type';
import { esTypedSecretRule } from './typed-secret';
import { esVaultKeyRule } from './vault-key';
import { esVaultKv1Rule } from './vault-kv1';
import { esWholeSecretRule } from './whole-secret';
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
];
