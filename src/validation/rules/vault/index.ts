import { vaultConfigNamespaceRule } from './vault-config-namespace';
import { vaultConnectionAddressRule } from './vault-connection-address';
import { vaultKvMountVersionRule } from './vault-kv-mount-version';
import { vaultMountBootstrapRule } from './vault-mount-bootstrap';
import { vaultMountOrderRule } from './vault-mount-order';
import { vaultPolicyBroadRule } from './vault-policy-broad';
import { vaultPolicyCoverageRule } from './vault-policy-coverage';
import { vaultPolicyKv2PathRule } from './vault-policy-kv2-path';
import { vaultPolicySyntaxRule } from './vault-policy-syntax';
import { vaultRoleAudienceRule } from './vault-role-audience';
import { vaultRoleBindingRule } from './vault-role-binding';
import { vaultRoleDefaultPolicyRule } from './vault-role-default-policy';
import { vaultRoleFieldsRule } from './vault-role-fields';
import { vaultRoleMountRule } from './vault-role-mount';
import { vaultServiceAccountTokenCreateRule } from './vault-sa-token-create';
import { vaultTokenReviewerRule } from './vault-token-reviewer';
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
  vaultConnectionAddressRule,
  // mounts: the operator's own login mount, and roles after their mount
  vaultMountBootstrapRule,
  vaultMountOrderRule,
  vaultKvMountVersionRule,
];
