import { vaultConfigNamespaceRule } from './config-namespace';
import { vaultPolicyBroadRule } from './policy-broad';
import { vaultPolicyCoverageRule } from './policy-coverage';
import { vaultPolicyKv2PathRule } from './policy-kv2-path';
import { vaultPolicySyntaxRule } from './policy-syntax';
import { vaultRoleAudienceRule } from './role-audience';
import { vaultRoleBindingRule } from './role-binding';
import { vaultRoleDefaultPolicyRule } from './role-default-policy';
import { vaultRoleFieldsRule } from './role-fields';
import { vaultRoleMountRule } from './role-mount';
import { vaultServiceAccountTokenCreateRule } from './sa-token-create';
import { vaultTokenReviewerRule } from './token-reviewer';
import { Rule } from '../../rule';

/** Rules for vault: one file per rule, listed here. */
export const VAULT_RULES: Rule[] = [
  // policies (HCL parsed back from vault-config-operator / provider-vault Policy objects)
  vaultPolicySyntaxRule,
  vaultPolicyKv2PathRule,
  vaultPolicyCoverageRule,
  vaultPolicyBroadRule,
  // Kubernetes auth roles vs the stores that log in with them
  vaultRoleFieldsRule,
  vaultRoleBindingRule,
  vaultRoleAudienceRule,
  vaultRoleMountRule,
  vaultRoleDefaultPolicyRule,
  // RBAC and placement
  vaultTokenReviewerRule,
  vaultServiceAccountTokenCreateRule,
  vaultConfigNamespaceRule,
];
