import * as kplus from 'cdk8s-plus-28';
import { PushConversionStrategy } from './enums';
import { ISecretStore, SecretStoreKind } from '../refs/secret-store-ref';

/** Stores chosen by label (`secretStoreRefs[].labelSelector`). */
export interface StoreSelector {
  /** Labels the stores must carry. */
  readonly selector: kplus.LabelSelector;
  /**
   * Kind of the stores: SecretStores are listed in the PushSecret's namespace, ClusterSecretStores
   * cluster-wide.
   * @default SecretStoreKind.SECRET_STORE
   */
  readonly kind?: SecretStoreKind;
}

/** One rewrite step of a `dataTo` entry: exactly one of regexp or transform (CEL-enforced). */
export class PushRewrite {
  /** Renames keys with a regular expression (Go RE2; `$1` style references in `target`). */
  public static regexp(source: string, target: string): PushRewrite {
    return new PushRewrite({ regexp: { source, target } });
  }

  /** Renames keys with a Go template, e.g. `app/{{ .value }}`. */
  public static transform(template: string): PushRewrite {
    return new PushRewrite({ transform: { template } });
  }

  private constructor(private readonly json: any) {}

  /** @internal */
  public _toJson(): any {
    return JSON.parse(JSON.stringify(this.json));
  }
}

/**
 * A bulk-push entry (`spec.dataTo[]`, ESO >= 2.3): pushes the keys of the source Secret matching a
 * regexp to ONE store, each under its own (optionally rewritten) remote key, or all together under one
 * `remoteKey`. The store must also be one of the PushSecret's stores. `remoteKey` and `rewrite` are
 * mutually exclusive (CEL, rule `ESO-PUSH-DATATO-CEL`).
 */
export interface PushSecretDataTo {
  /**
   * The target store (must be one of the PushSecret's stores).
   * @default - `storeSelector` (one of the two is required)
   */
  readonly store?: ISecretStore;
  /**
   * The target stores, by label.
   * @default - `store`
   */
  readonly storeSelector?: StoreSelector;
  /**
   * Push all matched keys as one JSON object under this remote key.
   * @default - each key is pushed under its own (rewritten) name
   */
  readonly remoteKey?: string;
  /**
   * Regular expression selecting the source keys.
   * @default - every key
   */
  readonly match?: string;
  /**
   * Rewrites applied to each key name, in order.
   * @default - none
   */
  readonly rewrite?: PushRewrite[];
  /**
   * Key-name conversion before pushing.
   * @default - not emitted (ESO uses None)
   */
  readonly conversionStrategy?: PushConversionStrategy;
  /**
   * Provider-specific metadata. Ignored by the Vault provider.
   * @default - none
   */
  readonly metadata?: { [key: string]: any };
}
