import { PushConversionStrategy } from './enums';
import { checkString } from '../base/private/prop-checks';

/** Options shared by every {@link PushValue}. */
export interface PushValueOptions {
  /**
   * Key-name conversion before pushing.
   * @default - not emitted (ESO uses None)
   */
  readonly conversionStrategy?: PushConversionStrategy;
  /**
   * Provider-specific metadata of the entry (`data[].metadata`). Ignored by the Vault provider.
   * @default - none
   */
  readonly metadata?: { [key: string]: any };
}

/** Options of {@link PushValue.wholeSecret}. */
export interface PushWholeSecretOptions extends PushValueOptions {
  /**
   * Store the JSON of all keys under this property of the remote secret instead of replacing it.
   * @default - the JSON object of all keys becomes the whole remote secret
   */
  readonly property?: string;
}

/**
 * One `data[]` entry of a PushSecret: which key of the source Secret goes where in the store.
 *
 * Vault/OpenBao: `remoteKey` is relative to the store's KV mount (`databases/db-credentials`, never
 * `secret/data/databases/db-credentials`). Without a `property`, the pushed value must be a JSON object
 * because it replaces the whole remote secret: use {@link PushValue.property} for single values.
 */
export class PushValue {
  /**
   * Pushes one key of the Secret into one property of the remote secret (merged into the existing map).
   * This is the right choice for Vault: `PushValue.property('password', 'databases/db-credentials', 'password')`.
   */
  public static property(secretKey: string, remoteKey: string, property: string, options: PushValueOptions = {}): PushValue {
    checkString('PushValue.property', 'secretKey', secretKey, { required: true, fix: 'name the key of the source Secret' });
    checkString('PushValue.property', 'property', property, { required: true, fix: 'give the property of the remote secret, or use PushValue.key' });
    return new PushValue(remoteKey, secretKey, property, options);
  }

  /**
   * Pushes one key of the Secret as the whole remote secret. On Vault/OpenBao the value must be a JSON
   * object (it replaces the secret's map), otherwise ESO fails with "invalid JSON format".
   */
  public static key(secretKey: string, remoteKey: string, options: PushValueOptions = {}): PushValue {
    checkString('PushValue.key', 'secretKey', secretKey, { required: true, fix: 'name the key of the source Secret' });
    return new PushValue(remoteKey, secretKey, undefined, options);
  }

  /** Pushes every key of the Secret, as one JSON object, to the remote secret (no `secretKey`). */
  public static wholeSecret(remoteKey: string, options: PushWholeSecretOptions = {}): PushValue {
    return new PushValue(remoteKey, undefined, options.property, options);
  }

  private constructor(
    /** The remote key. */
    public readonly remoteKey: string,
    /**
     * The source key.
     * @default - the whole Secret
     */
    public readonly secretKey: string | undefined,
    /**
     * The remote property.
     * @default - the whole remote secret
     */
    public readonly remoteProperty: string | undefined,
    private readonly options: PushValueOptions,
  ) {
    checkString('PushValue', 'remoteKey', remoteKey, { required: true, fix: 'give the mount-relative remote key, e.g. "databases/db-credentials"' });
    if (secretKey !== undefined && !secretKey) throw new Error(`PushValue for "${remoteKey}": secretKey must not be empty (use PushValue.wholeSecret to push every key)`);
  }

  /** @internal */
  public _toJson(): any {
    const remoteRef: Record<string, any> = { remoteKey: this.remoteKey };
    if (this.remoteProperty !== undefined) remoteRef.property = this.remoteProperty;
    const match: Record<string, any> = {};
    if (this.secretKey !== undefined) match.secretKey = this.secretKey;
    match.remoteRef = remoteRef;
    const out: Record<string, any> = { match };
    if (this.options.conversionStrategy !== undefined) out.conversionStrategy = this.options.conversionStrategy;
    if (this.options.metadata !== undefined) out.metadata = JSON.parse(JSON.stringify(this.options.metadata));
    return out;
  }
}
