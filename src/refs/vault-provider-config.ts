// What a Vault / OpenBao store tells other constructs about itself (no construct code: imported by stores and vault alike).

/** Version of a Vault / OpenBao KV secrets engine. */
export enum VaultKvVersion {
  /** KV version 1 (no versioning; reads `<mount>/<key>`). */
  V1 = 'v1',
  /** KV version 2 (versioned; reads `<mount>/data/<key>`, lists `<mount>/metadata/<key>`). */
  V2 = 'v2',
}

/** The Vault auth methods ESO supports (values are the keys under `spec.provider.vault.auth`). */
export enum VaultAuthMethod {
  /** Kubernetes auth: a service-account JWT exchanged for a Vault token. */
  KUBERNETES = 'kubernetes',
  /** AppRole auth: role id + secret id. */
  APP_ROLE = 'appRole',
  /** JWT/OIDC auth: a JWT from a Secret or a service-account token. */
  JWT = 'jwt',
  /** TLS certificate auth method. */
  CERT = 'cert',
  /** A static Vault token read from a Secret. */
  TOKEN = 'tokenSecretRef',
  /** LDAP username/password. */
  LDAP = 'ldap',
  /** Userpass username/password. */
  USER_PASS = 'userPass',
  /** AWS IAM auth. */
  IAM = 'iam',
  /** Google Cloud auth. */
  GCP = 'gcp',
}

/**
 * What the Vault-side helpers need to know about a Vault/OpenBao store: server, KV mount and version,
 * and the identity it logs in with.
 */
export interface VaultProviderConfig {
  /** `vault` or `openBao`. */
  readonly providerKey: string;
  /** Server address. */
  readonly server: string;
  /** KV mount path (e.g. `secret`). */
  readonly kvMountPath: string;
  /** KV version of the mount. */
  readonly kvVersion: VaultKvVersion;
  /**
   * Vault namespace of the secrets.
   * @default - root namespace
   */
  readonly vaultNamespace?: string;
  /** The auth method. */
  readonly authMethod: VaultAuthMethod;
  /** Mount path of the auth method (`kubernetes` → `auth/kubernetes`). */
  readonly authMountPath: string;
  /**
   * The Vault role logged in as.
   * @default - none (method without a role)
   */
  readonly role?: string;
  /**
   * Name of the service account presented to Vault.
   * @default - none set (kubernetes auth: the ESO controller's own service account)
   */
  readonly serviceAccountName?: string;
  /**
   * Namespace of that service account.
   * @default - not known (referent auth or not set)
   */
  readonly serviceAccountNamespace?: string;
  /**
   * Audiences requested for the service-account token.
   * @default - none
   */
  readonly audiences?: string[];
}
