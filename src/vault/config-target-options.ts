import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';

/** Which controller turns the Vault objects of this library into Vault API calls. */
export enum VaultConfigTargetType {
  /** redhat-cop/vault-config-operator (`redhatcop.redhat.io/v1alpha1`): one CR per Vault object. */
  VAULT_CONFIG_OPERATOR = 'vault-config-operator',
  /** Crossplane upbound/provider-vault managed resources. */
  CROSSPLANE_PROVIDER_VAULT = 'crossplane-provider-vault',
}

/** Kind of the Crossplane provider config a managed resource uses. */
export enum CrossplaneProviderConfigKind {
  /** Cluster-scoped `ClusterProviderConfig` (the provider's default). */
  CLUSTER_PROVIDER_CONFIG = 'ClusterProviderConfig',
  /** Namespaced `ProviderConfig` in the managed resource's namespace. */
  PROVIDER_CONFIG = 'ProviderConfig',
}

/** How vault-config-operator logs in to Vault for the objects it manages. */
export interface VaultConfigOperatorOptions {
  /**
   * Admin namespace the CRs are written to. The operator logs in with a token of `serviceAccount`
   * from this namespace, so anyone who can create CRs here can use the admin role: never a tenant
   * namespace (ESO-VAULT-CONFIG-NAMESPACE warns).
   * @default - the namespace of the chart
   */
  readonly namespace?: string;
  /**
   * Kubernetes auth mount the operator logs in at (`spec.authentication.path`).
   * @default "kubernetes"
   */
  readonly authMountPath?: string;
  /**
   * Service account (in `namespace`) whose token the operator presents.
   * @default - the service account named "default" (the operator's own default)
   */
  readonly serviceAccount?: kplus.IServiceAccount;
  /**
   * Vault Enterprise namespace to log in to (`spec.authentication.namespace`).
   * @default - the root namespace
   */
  readonly vaultNamespace?: string;
  /**
   * Vault address for these CRs (`spec.connection.address`; it wins over the operator's `VAULT_ADDR`). Without it
   * the operator's `VAULT_ADDR` must be set (`VaultConfigOperatorRelease` `vaultAddress`): with neither, the
   * operator calls `https://127.0.0.1:8200` (ESO-VAULT-CONNECTION-ADDRESS refuses that when the app installs it).
   * @default - none: the operator's `VAULT_ADDR`
   */
  readonly address?: string;
  /**
   * Secret with the CA bundle (`ca.crt`) for the connection (`spec.connection.tLSConfig.tlsSecret`).
   * @default - the operator's VAULT_CACERT environment
   */
  readonly tlsSecret?: kplus.ISecret;
  /**
   * TLS server name for the connection.
   * @default - the host of the address
   */
  readonly tlsServerName?: string;
  /**
   * Path of a PEM CA file in the operator pod (`spec.connection.tLSConfig.cacert`, e.g. mounted with the chart's
   * `volumes`/`volumeMounts`); it takes precedence over the CA of `tlsSecret`.
   * @default - the CA of `tlsSecret`, else the operator's VAULT_CACERT
   */
  readonly caCertFile?: string;
  /**
   * Do not verify Vault's certificate (`spec.connection.tLSConfig.skipVerify`). Voids TLS: the operator's Vault
   * token can then be read by anyone on the path. Only for a throwaway dev Vault.
   * @default false
   */
  readonly tlsSkipVerify?: boolean;
  /**
   * Timeout of Vault calls.
   * @default - the operator's default
   */
  readonly timeout?: Duration;
  /**
   * Retries of Vault calls.
   * @default - the operator's default
   */
  readonly maxRetries?: number;
}

/** Crossplane provider-vault options. */
export interface CrossplaneProviderVaultOptions {
  /**
   * Namespace of the managed resources (Crossplane v2 `.m.` kinds are namespaced).
   * @default - the namespace of the chart
   */
  readonly namespace?: string;
  /**
   * Name of the provider config.
   * @default "default"
   */
  readonly providerConfigName?: string;
  /**
   * Kind of the provider config.
   * @default CrossplaneProviderConfigKind.CLUSTER_PROVIDER_CONFIG
   */
  readonly providerConfigKind?: CrossplaneProviderConfigKind;
  /**
   * Use the legacy cluster-scoped groups (`vault.vault.upbound.io`, `kubernetes.vault.upbound.io`)
   * instead of the Crossplane v2 namespaced `.m.` groups.
   * @default false
   */
  readonly legacyClusterScoped?: boolean;
  /**
   * Vault Enterprise namespace of the objects (`forProvider.namespace`).
   * @default - the provider config's namespace
   */
  readonly vaultNamespace?: string;
}
