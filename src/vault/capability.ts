/**
 * A Vault ACL capability (`capabilities = [...]` in a policy path block).
 * @see https://developer.hashicorp.com/vault/docs/concepts/policies#capabilities
 */
export enum VaultCapability {
  /** POST/PUT on a path that does not exist yet (KV data/ and metadata/ have existence checks). */
  CREATE = 'create',
  /** GET. */
  READ = 'read',
  /** POST/PUT on an existing path. */
  UPDATE = 'update',
  /** PATCH. ESO never needs it. */
  PATCH = 'patch',
  /** DELETE. */
  DELETE = 'delete',
  /** LIST (the request path gets a trailing `/`). */
  LIST = 'list',
  /** Root-protected paths. ESO never needs it. */
  SUDO = 'sudo',
  /** Denies everything on the path; wins over every other grant. */
  DENY = 'deny',
  /** Event subscriptions. Vault ≥ 1.21 only: older servers reject the policy. */
  SUBSCRIBE = 'subscribe',
  /** Restore from a snapshot. Vault ≥ 1.21 only: older servers reject the policy. */
  RECOVER = 'recover',
}
