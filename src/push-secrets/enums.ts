/** What a PushSecret does when the remote secret already exists (`spec.updatePolicy`). */
export enum PushSecretUpdatePolicy {
  /**
   * Overwrite the remote value (ESO's default). On Vault/OpenBao ESO only overwrites secrets it created
   * itself (`custom_metadata.managed-by: external-secrets`); any other existing secret fails with
   * "secret not managed by external-secrets".
   */
  REPLACE = 'Replace',
  /** Write only when the remote secret does not exist yet (a read is added before the write). */
  IF_NOT_EXISTS = 'IfNotExists',
}

/** What happens to the remote secret when the PushSecret (or one of its entries) goes away. */
export enum PushSecretDeletionPolicy {
  /**
   * Delete the pushed remote secrets (adds a finalizer). On Vault KV v2 this deletes the metadata, i.e.
   * ALL versions of the secret, not just the latest.
   */
  DELETE = 'Delete',
  /** Leave the remote secrets in place (ESO's default). */
  NONE = 'None',
}

/** How key names are converted before pushing (`conversionStrategy`). */
export enum PushConversionStrategy {
  /** Keep keys as they are (ESO's default). */
  NONE = 'None',
  /** Undo ESO's Unicode escaping of key names (`_U0020_` → space). */
  REVERSE_UNICODE = 'ReverseUnicode',
}
