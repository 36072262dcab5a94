import { Duration } from 'cdk8s';
import { CreationPolicy, DeletionPolicy, RefreshPolicy, SyncWindowKind } from './enums';
import { SecretSource } from './secret-source';
import { SecretTemplate } from './secret-template';
import { SecretValue } from './secret-value';
import { ISecretStore } from '../refs/secret-store-ref';

/** One time window of `syncWindows`. */
export interface SyncWindow {
  /**
   * When the window opens, in UTC: a 5-field cron (`0 22 * * *`), `@daily`/`@hourly`/..., or `@every 2h`.
   */
  readonly schedule: string;
  /** How long the window stays open. */
  readonly duration: Duration;
}

/** Time windows that gate periodic refreshes (`spec.syncWindows`, ESO >= 2.7). */
export interface SyncWindows {
  /** Whether refreshes happen only inside the windows (allow) or never inside them (deny). */
  readonly kind: SyncWindowKind;
  /** The windows (at least one). */
  readonly windows: SyncWindow[];
}

/** The Secret an ExternalSecret writes (`spec.target`, except the template). */
export interface ExternalSecretTarget {
  /**
   * Name of the produced Secret.
   * @default - the ExternalSecret's name
   */
  readonly name?: string;
  /**
   * Whether ESO creates, owns or merges into the Secret.
   * @default CreationPolicy.OWNER (always emitted)
   */
  readonly creationPolicy?: CreationPolicy;
  /**
   * What happens to the Secret when the provider returns no data.
   * @default - not emitted (ESO uses Retain)
   */
  readonly deletionPolicy?: DeletionPolicy;
  /**
   * Make the Secret immutable: its data is never rewritten once it exists. Combine with
   * `refreshPolicy: CreatedOnce` (a periodic refresh of an immutable Secret only produces errors).
   * @default false
   */
  readonly immutable?: boolean;
}

/** The part of an ExternalSecret spec that does not say where the keys come from. */
export interface ExternalSecretBaseOptions {
  /**
   * Store the keys are read from (`spec.secretStoreRef`, kind always emitted). Entries can override it.
   * @default - no default store: every `data` entry and every non-generator `dataFrom` source must name its store
   */
  readonly store?: ISecretStore;
  /**
   * How often ESO re-reads the source (rendered as a Go duration: `1h`, `24h`, `0s`). `Duration.seconds(0)`
   * means "sync once and never again, even after spec edits": prefer `refreshPolicy: CreatedOnce`.
   * @default - Duration.hours(1) when the refresh is periodic; not emitted with CreatedOnce or OnChange
   */
  readonly refreshInterval?: Duration;
  /**
   * When ESO syncs.
   * @default - RefreshPolicy.CREATED_ONCE when a `dataFrom` source is a generator that makes a new value on
   * every run (Password, UUID, SSHKey), so the value is generated once (ESO #2377); otherwise not emitted
   * (ESO refreshes periodically)
   */
  readonly refreshPolicy?: RefreshPolicy;
  /**
   * Time windows that gate periodic refreshes.
   * @default - refreshes happen at any time
   */
  readonly syncWindows?: SyncWindows;
  /**
   * The produced Secret: name, creation/deletion policy, immutability.
   * @default - a Secret named like the ExternalSecret, creationPolicy Owner
   */
  readonly target?: ExternalSecretTarget;
}

/** Everything of an ExternalSecret spec. Shared by `ExternalSecret` and `ClusterExternalSecret`. */
export interface ExternalSecretSpecOptions extends ExternalSecretBaseOptions {
  /**
   * Single keys, each read from one remote secret (`spec.data[]`). More can be added with `addData()`.
   * @default - none
   */
  readonly data?: SecretValue[];
  /**
   * Sources of many keys: extract, find, generators (`spec.dataFrom[]`). More can be added with
   * `addDataFrom()`. They are applied in order, then `data` on top.
   * @default - none
   */
  readonly dataFrom?: SecretSource[];
  /**
   * Shape of the produced Secret: type, labels/annotations, keys rendered by templates.
   * @default - a plain Opaque Secret with the fetched keys
   */
  readonly template?: SecretTemplate;
}
