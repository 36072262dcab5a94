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

/**
 * The kind of object an ExternalSecret writes instead of a Secret (`spec.target.manifest`, ESO's generic
 * targets): a ConfigMap, or any other kind, e.g. an Argo CD `Application`. ESO's controller only writes
 * them when it runs with `--unsafe-allow-generic-targets`, and the values are then stored unencrypted in
 * that object: use it for configuration that is not secret (or a kind built to hold secrets).
 */
export class TargetManifest {
  /** A `v1` `ConfigMap`: the fetched (or templated) keys become its `data`. */
  public static configMap(): TargetManifest {
    return new TargetManifest('v1', 'ConfigMap');
  }

  /** A `v1` `Secret`: what ESO writes without a manifest (the same as not setting one). */
  public static secret(): TargetManifest {
    return new TargetManifest('v1', 'Secret');
  }

  /** Any other kind, by its `apiVersion` (`group/version`, or `v1` for the core group) and `kind`. */
  public static of(apiVersion: string, kind: string): TargetManifest {
    if (!apiVersion || !kind || /\s/.test(apiVersion + kind)) {
      throw new Error(`TargetManifest.of: apiVersion and kind must be non-empty words (got ${JSON.stringify(apiVersion)}, ${JSON.stringify(kind)})`);
    }
    return new TargetManifest(apiVersion, kind);
  }

  private constructor(
    /** `apiVersion` of the target object, e.g. `v1`, `argoproj.io/v1alpha1`. */
    public readonly apiVersion: string,
    /** `kind` of the target object, e.g. `ConfigMap`. */
    public readonly kind: string,
  ) {}

  /** True when the target is a core `Secret` (ESO's default target). */
  public get isSecret(): boolean {
    return this.apiVersion === 'v1' && this.kind === 'Secret';
  }

  /** @internal */
  public _toJson(): Record<string, unknown> {
    return { apiVersion: this.apiVersion, kind: this.kind };
  }
}

/** The object an ExternalSecret writes (`spec.target`, except the template): a Secret unless `manifest` says otherwise. */
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
  /**
   * Write another kind of object instead of a Secret (`target.manifest`), e.g. `TargetManifest.configMap()`.
   * `templateFrom` entries can then render into a path of that object (`TemplateFromOptions.targetPath`).
   * @default - a Secret
   */
  readonly manifest?: TargetManifest;
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
