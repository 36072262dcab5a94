import { Duration } from 'cdk8s';

/** `listing_visibility` of a mount: whether the UI's unauthenticated listing shows it. */
export enum VaultListingVisibility {
  /** Shown in the unauthenticated listing (e.g. a login page choosing the auth method). */
  UNAUTH = 'unauth',
  /** Not listed (Vault's behaviour when unset). */
  HIDDEN = 'hidden',
}

/** `token_type` tuned on an auth mount (what the roles of the mount issue by default). */
export enum VaultMountTokenType {
  /** Service tokens, unless a role asks for batch tokens. */
  DEFAULT_SERVICE = 'default-service',
  /** Batch tokens, unless a role asks for service tokens. */
  DEFAULT_BATCH = 'default-batch',
  /** Always service tokens (roles cannot choose). */
  SERVICE = 'service',
  /** Always batch tokens (roles cannot choose). */
  BATCH = 'batch',
}

/**
 * Tuning of a mount (`sys/mounts/<path>/tune`, `sys/auth/<path>/tune`), shared by secrets and auth mounts.
 */
export interface VaultMountTuneOptions {
  /**
   * Default lease / token TTL of the mount (`default_lease_ttl`), whole seconds.
   * @default - the system default (32 days unless the server is tuned)
   */
  readonly defaultLeaseTtl?: Duration;
  /**
   * Maximum lease / token TTL of the mount (`max_lease_ttl`), whole seconds.
   * @default - the system maximum
   */
  readonly maxLeaseTtl?: Duration;
  /**
   * Request keys audit devices log without HMAC (`audit_non_hmac_request_keys`).
   * @default - none
   */
  readonly auditNonHmacRequestKeys?: string[];
  /**
   * Response keys audit devices log without HMAC (`audit_non_hmac_response_keys`).
   * @default - none
   */
  readonly auditNonHmacResponseKeys?: string[];
  /**
   * Whether the mount is in the UI's unauthenticated listing (`listing_visibility`).
   * @default - hidden
   */
  readonly listingVisibility?: VaultListingVisibility;
  /**
   * Request headers passed to the plugin (`passthrough_request_headers`).
   * @default - none
   */
  readonly passthroughRequestHeaders?: string[];
  /**
   * Response headers the plugin may set (`allowed_response_headers`).
   * @default - none
   */
  readonly allowedResponseHeaders?: string[];
}
