import { ConversionStrategy, DecodingStrategy, MergeConflictPolicy, MergePriorityPolicy, MergeStrategy, NullBytePolicy } from './enums';
import { IGenerator } from '../generators/generator-ref';
import { ISecretStore } from '../refs/secret-store-ref';
import { dropUndefined, renderRemoteRef } from './private/render';
import { RemoteRefOptions } from './secret-value';
import { checkString } from '../base/private/prop-checks';

/** Options of `SecretRewrite.merge()`. */
export interface RewriteMergeOptions {
  /**
   * Key the merged result is written into (required with strategy JSON).
   * @default - not emitted (ESO merges into the top level)
   */
  readonly into?: string;
  /**
   * Keys in order of precedence when they conflict.
   * @default - not emitted
   */
  readonly priority?: string[];
  /**
   * Whether keys listed in `priority` must exist.
   * @default - not emitted (ESO uses Strict)
   */
  readonly priorityPolicy?: MergePriorityPolicy;
  /**
   * What happens when keys conflict.
   * @default - not emitted (ESO uses Error)
   */
  readonly conflictPolicy?: MergeConflictPolicy;
  /**
   * How values are merged.
   * @default - not emitted (ESO uses Extract)
   */
  readonly strategy?: MergeStrategy;
}

/** One step of `dataFrom[].rewrite[]`: renames or merges the keys a source produced. */
export class SecretRewrite {
  /** Replace `source` (a Go regexp) by `target` in every key (`$1` refers to groups). */
  public static regexp(source: string, target: string): SecretRewrite {
    return new SecretRewrite({ regexp: { source, target } });
  }

  /** Rename every key with a Go template (`{{ .value | upper }}`; `.value` is the key). */
  public static transform(template: string): SecretRewrite {
    return new SecretRewrite({ transform: { template } });
  }

  /** Merge the values (JSON maps) of the produced keys. */
  public static merge(options: RewriteMergeOptions = {}): SecretRewrite {
    if (options.strategy === MergeStrategy.JSON && !options.into) {
      throw new Error('SecretRewrite.merge: strategy JSON needs "into" (the key the merged JSON is written to)');
    }
    return new SecretRewrite({
      merge: dropUndefined({
        into: options.into,
        priority: options.priority,
        priorityPolicy: options.priorityPolicy,
        conflictPolicy: options.conflictPolicy,
        strategy: options.strategy,
      }),
    });
  }

  private constructor(private readonly json: Record<string, unknown>) {}

  /** @internal */
  public _toJson(): Record<string, unknown> {
    return this.json;
  }
}

/** Options shared by every `dataFrom[]` source. */
export interface SecretSourceOptions {
  /**
   * Renames or merges the produced keys, in order.
   * @default - keys are used as they are
   */
  readonly rewrite?: SecretRewrite[];
}

/** Options of `SecretSource.extract()`. */
export interface ExtractOptions extends RemoteRefOptions, SecretSourceOptions {
  /**
   * Field of the remote secret whose value (a JSON map) is extracted.
   * @default - the whole remote secret
   */
  readonly property?: string;
  /**
   * Read from another store than the ExternalSecret's (`dataFrom[].sourceRef.storeRef`).
   * @default - the ExternalSecret's store
   */
  readonly store?: ISecretStore;
}

/** Options of `SecretSource.find()`. */
export interface FindOptions extends SecretSourceOptions {
  /**
   * Root path of the search (Vault: relative to the mount). Without it, Vault scans the whole mount.
   * @default - the whole store
   */
  readonly path?: string;
  /**
   * Go regexp the remote secret names must match.
   * @default - no name filter
   */
  readonly nameRegexp?: string;
  /**
   * Tags the remote secrets must carry (Vault: KV v2 `custom_metadata`; not available on KV v1).
   * @default - no tag filter
   */
  readonly tags?: { [key: string]: string };
  /**
   * How remote names are converted into Secret keys.
   * @default - not emitted (ESO uses Default)
   */
  readonly conversionStrategy?: ConversionStrategy;
  /**
   * How the values are decoded.
   * @default - not emitted (ESO uses None)
   */
  readonly decodingStrategy?: DecodingStrategy;
  /**
   * What to do with values containing NUL bytes.
   * @default - not emitted (ESO ignores them)
   */
  readonly nullBytePolicy?: NullBytePolicy;
  /**
   * Search another store than the ExternalSecret's (`dataFrom[].sourceRef.storeRef`).
   * @default - the ExternalSecret's store
   */
  readonly store?: ISecretStore;
}

/**
 * A source of many keys (`spec.dataFrom[]`): every field of one remote secret, every secret a search
 * finds, or the output of a generator.
 */
export class SecretSource {
  /** Every field of the remote secret `key` becomes a key of the target Secret (`dataFrom[].extract`). */
  public static extract(key: string, options: ExtractOptions = {}): SecretSource {
    checkString('SecretSource.extract', 'key', key, { required: true, fix: 'give the remote key, e.g. "app/db"' });
    return new SecretSource({
      extract: renderRemoteRef(key, options.property, options),
    }, options.store, undefined, options.rewrite);
  }

  /** Every remote secret matching a path / name regexp / tags (`dataFrom[].find`). */
  public static find(options: FindOptions): SecretSource {
    if (options.path === undefined && options.nameRegexp === undefined && options.tags === undefined) {
      throw new Error('SecretSource.find: set at least one of path, nameRegexp or tags (an empty find matches nothing useful)');
    }
    return new SecretSource({
      find: dropUndefined({
        path: options.path,
        name: options.nameRegexp !== undefined ? { regexp: options.nameRegexp } : undefined,
        tags: options.tags,
        conversionStrategy: options.conversionStrategy,
        decodingStrategy: options.decodingStrategy,
        nullBytePolicy: options.nullBytePolicy,
      }),
    }, options.store, undefined, options.rewrite);
  }

  /**
   * The keys a generator produces (`dataFrom[].sourceRef.generatorRef`), e.g. a Password or UUID.
   *
   * When the generator produces a new value on every run (`regeneratesOnRefresh`) and the
   * ExternalSecret sets no `refreshPolicy`, the ExternalSecret defaults to `refreshPolicy: CreatedOnce`
   * so the value is generated once instead of every hour (ESO #2377).
   */
  public static generator(generator: IGenerator, options: SecretSourceOptions = {}): SecretSource {
    return new SecretSource({}, undefined, generator, options.rewrite);
  }

  /**
   * Store this source reads from.
   * @default - the ExternalSecret's store (or none, for generators)
   */
  public readonly sourceStore?: ISecretStore;
  /**
   * Generator of this source.
   * @default - not a generator source
   */
  public readonly sourceGenerator?: IGenerator;

  private constructor(
    private readonly json: Record<string, unknown>,
    store: ISecretStore | undefined,
    generator: IGenerator | undefined,
    private readonly rewrite: SecretRewrite[] | undefined,
  ) {
    this.sourceStore = store;
    this.sourceGenerator = generator;
  }

  /** @internal */
  public _toJson(): Record<string, unknown> {
    let sourceRef: Record<string, unknown> | undefined;
    if (this.sourceGenerator) sourceRef = { generatorRef: this.sourceGenerator.toGeneratorRef() };
    else if (this.sourceStore) sourceRef = { storeRef: this.sourceStore.toStoreRef() };
    return dropUndefined({
      ...this.json,
      rewrite: this.rewrite && this.rewrite.length > 0 ? this.rewrite.map(r => r._toJson()) : undefined,
      sourceRef,
    });
  }
}
