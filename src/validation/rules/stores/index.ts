import { openBaoAppRoleRoleIdRule } from './openbao-approle-role-id';
import { openBaoAuthOneRule } from './openbao-auth-one';
import { openBaoCaOneRule } from './openbao-ca-one';
import { storeConditionsIgnoredRule } from './store-conditions-ignored';
import { storeFakeProviderRule } from './store-fake-provider';
import { storeNamespaceRegexRule } from './store-namespace-regex';
import { storeOneProviderRule } from './store-one-provider';
import { storeRefreshIntervalRule } from './store-refresh-interval';
import { storeRegexUnanchoredRule } from './store-regex-unanchored';
import { storeRetryIntervalRule } from './store-retry-interval';
import { vaultAppRoleRoleIdRule } from './vault-approle-role-id';
import { vaultAuthMountPathRule } from './vault-auth-mount-path';
import { vaultAuthOneRule } from './vault-auth-one';
import { vaultCaBundleRule } from './vault-ca-bundle';
import { vaultCaHttpsRule } from './vault-ca-https';
import { vaultCaOneRule } from './vault-ca-one';
import { vaultCaProviderNamespaceRule } from './vault-ca-provider-namespace';
import { vaultCheckAndSetRule } from './vault-cas-v2';
import { vaultJwtTokenSourceRule } from './vault-jwt-token-source';
import { vaultKvPathRule } from './vault-kv-path';
import { vaultKvPathMissingRule } from './vault-kv-path-missing';
import { vaultKvVersionRule } from './vault-kv-version';
import { vaultNamespacePathRule } from './vault-namespace-path';
import { vaultPlainHttpRule } from './vault-plain-http';
import { vaultRefNamespaceRule } from './vault-ref-namespace';
import { vaultReferentAuthRule } from './vault-referent-auth';
import { vaultServerUrlRule } from './vault-server-url';
import { vaultTlsPairRule } from './vault-tls-pair';
import { vaultTokenAuthRule } from './vault-token-auth';
import { Rule } from '../../rule';

/** Rules for stores: one file per rule, listed here. */
export const STORE_RULES: Rule[] = [
  // ESO webhook: store rules (SS-1..SS-3) and store hygiene
  storeOneProviderRule,
  storeNamespaceRegexRule,
  storeRegexUnanchoredRule,
  storeRefreshIntervalRule,
  storeRetryIntervalRule,
  storeConditionsIgnoredRule,
  storeFakeProviderRule,
  // Vault provider (webhook V-1..V-9 and pitfalls P01, P02, P04, P17-P21); most also apply to openBao
  vaultRefNamespaceRule,
  vaultReferentAuthRule,
  vaultAppRoleRoleIdRule,
  vaultJwtTokenSourceRule,
  vaultTlsPairRule,
  vaultCheckAndSetRule,
  vaultKvPathRule,
  vaultKvPathMissingRule,
  vaultKvVersionRule,
  vaultAuthOneRule,
  vaultAuthMountPathRule,
  vaultServerUrlRule,
  vaultPlainHttpRule,
  vaultCaHttpsRule,
  vaultCaBundleRule,
  vaultCaProviderNamespaceRule,
  vaultCaOneRule,
  vaultTokenAuthRule,
  vaultNamespacePathRule,
  // openBao provider CEL rules
  openBaoAuthOneRule,
  openBaoAppRoleRoleIdRule,
  openBaoCaOneRule,
];
