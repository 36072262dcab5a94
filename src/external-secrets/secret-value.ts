import { ConversionStrategy, DecodingStrategy, MetadataPolicy, NullBytePolicy } from './enums';
import { ISecretStore } from '../refs/secret-store-ref';
import { dropUndefined, renderRemoteRef } from './private/render';
import { checkString } from '../base/private/prop-checks';

/** How one remote value is read: everything of `remoteRef` except `key` and `property`. */
export interface RemoteRefOptions {
  /**
   * Version of the remote secret (Vault: the KV v2 `?version=` parameter).
   * @default - the latest version
   */
  readonly version?: string;
  /**
   * How remote keys are converted into Secret keys.
   * @default - not emitted (ESO uses Default)
   */
  readonly conversionStrategy?: ConversionStrategy;
  /**
   * How the remote value is decoded.
   * @default - not emitted (ESO uses None)
   */
  readonly decodingStrategy?: DecodingStrategy;
  /**
   * Read the secret's metadata instead of its data (Vault: needs a KV v2 mount).
   * @default - not emitted (ESO reads the data)
   */
  readonly metadataPolicy?: MetadataPolicy;
  /**
   * What to do with values containing NUL bytes.
   * @default - not emitted (ESO ignores them)
   */
  readonly nullBytePolicy?: NullBytePolicy;
}

/** Options of one `data[]` entry. */
export interface SecretValueOptions extends RemoteRefOptions {
  /**
   * Read this entry from another store than the ExternalSecret's (`data[].sourceRef.storeRef`).
   * @default - the ExternalSecret's `store`
   */
  readonly store?: ISecretStore;
}

/** The options of a value given none (one shared object, not one per value of every ExternalSecret). */
const NO_OPTIONS: SecretValueOptions = Object.freeze({});

/**
 * One key of the target Secret, read from one remote secret (`spec.data[]`).
 *
 * A generator feeds `dataFrom` only (`SecretSource.generator()`): the CRD's `data[].sourceRef.generatorRef`
 * is deprecated and not implemented by ESO, so it is not offered.
 *
 * For Vault, `key` is relative to the store's KV mount (`app/db`, never `secret/data/app/db`).
 */
export class SecretValue {
  /**
   * One property of a remote secret, e.g. the `password` field of Vault key `app/db`.
   *
   * @param secretKey key in the target Secret
   * @param key remote key (Vault: relative to the mount)
   * @param property field of the remote secret (Vault: an exact map key, otherwise a gjson path)
   */
  public static fromProperty(secretKey: string, key: string, property: string, options?: SecretValueOptions): SecretValue {
    checkString('SecretValue.fromProperty', 'secretKey', secretKey, { required: true, fix: 'name the key of the target Secret' });
    checkString('SecretValue.fromProperty', 'key', key, { required: true, fix: 'give the remote key, e.g. "app/db"' });
    checkString('SecretValue.fromProperty', 'property', property, { required: true, fix: 'give the field of the remote secret, or use SecretValue.fromKey' });
    return new SecretValue(secretKey, key, property, options ?? NO_OPTIONS);
  }

  /**
   * The whole remote secret, as one JSON document under `secretKey` (no `property`).
   *
   * To spread every field of the remote secret into its own key, use `SecretSource.extract()` instead.
   */
  public static fromKey(secretKey: string, key: string, options?: SecretValueOptions): SecretValue {
    checkString('SecretValue.fromKey', 'secretKey', secretKey, { required: true, fix: 'name the key of the target Secret' });
    checkString('SecretValue.fromKey', 'key', key, { required: true, fix: 'give the remote key, e.g. "app/db"' });
    return new SecretValue(secretKey, key, undefined, options ?? NO_OPTIONS);
  }

  /** Key in the target Secret. */
  public readonly secretKey: string;
  /** Remote key. */
  public readonly key: string;
  /**
   * Field of the remote secret.
   * @default - the whole secret as JSON
   */
  public readonly property?: string;
  /**
   * Store this entry is read from.
   * @default - the ExternalSecret's store
   */
  public readonly store?: ISecretStore;
  private readonly options: RemoteRefOptions;

  private constructor(secretKey: string, key: string, property: string | undefined, options: SecretValueOptions) {
    this.secretKey = secretKey;
    this.key = key;
    this.property = property;
    this.store = options.store;
    this.options = options;
  }

  /** @internal */
  public _toJson(): Record<string, unknown> {
    return dropUndefined({
      secretKey: this.secretKey,
      remoteRef: renderRemoteRef(this.key, this.property, this.options),
      sourceRef: this.store ? { storeRef: this.store.toStoreRef() } : undefined,
    });
  }
}
