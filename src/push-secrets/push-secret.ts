import { ApiObject, Chart, Duration, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { PushSecretDeletionPolicy, PushSecretUpdatePolicy } from './enums';
import { SpecParts, renderPushSecretSpec } from './private/render';
import { addStoreTo, createSpecParts } from './private/spec-parts';
import { PushSecretDataTo, StoreSelector } from './push-data-to';
import { PushSource } from './push-source';
import { PushValue } from './push-value';
import { checkItems, checkProps, checkStoreRef } from '../base/private/prop-checks';
import { Resource, ResourceProps } from '../base/resource';
import { SecretTemplate } from '../external-secrets/secret-template';
import { ISecretStore } from '../refs/secret-store-ref';
import { EsoValidation } from '../synth/eso-validation';

/** The spec of a PushSecret (shared by {@link PushSecret} and {@link ClusterPushSecret}). */
export interface PushSecretOptions {
  /**
   * Stores to push to. Only writable primaries: a store marked read-only (a replica) is refused at synth
   * (`ESO-PUSH-READ-ONLY-STORE`).
   * @default - none (use `storeSelectors` or `addStore()`)
   */
  readonly stores?: ISecretStore[];
  /**
   * Stores to push to, chosen by label.
   * @default - none
   */
  readonly storeSelectors?: StoreSelector[];
  /**
   * The Secret to push (shortcut for `source: PushSource.secret(secret)`), in the PushSecret's namespace.
   * @default - `source`
   */
  readonly secret?: kplus.ISecret;
  /**
   * What to push: a Secret, Secrets by label, or a generator. Exactly one of `secret` and `source`.
   * @default - `secret`
   */
  readonly source?: PushSource;
  /**
   * Keys to push (`spec.data[]`).
   * @default - none (use `addData()` or `dataTo`)
   */
  readonly data?: PushValue[];
  /**
   * Bulk pushes by key pattern (`spec.dataTo[]`, ESO >= 2.3).
   * @default - none
   */
  readonly dataTo?: PushSecretDataTo[];
  /**
   * How often the values are pushed again. `Duration.seconds(0)` pushes once (and again only when the
   * PushSecret changes). With a generator source, this is the rotation period.
   * @default Duration.hours(1)
   */
  readonly refreshInterval?: Duration;
  /**
   * Overwrite an existing remote secret, or only create it. ESO never overwrites a Vault/OpenBao secret
   * it did not create itself (`custom_metadata.managed-by: external-secrets`), even with Replace.
   * @default PushSecretUpdatePolicy.REPLACE
   */
  readonly updatePolicy?: PushSecretUpdatePolicy;
  /**
   * Whether deleting the PushSecret deletes the remote secrets. Delete on Vault KV v2 destroys every
   * version of the secret.
   * @default PushSecretDeletionPolicy.NONE
   */
  readonly deletionPolicy?: PushSecretDeletionPolicy;
  /**
   * Template applied to the source Secret before pushing (same shape as an ExternalSecret's
   * `target.template`).
   * @default - the source keys are pushed as they are
   */
  readonly template?: SecretTemplate;
}

/** Props of a {@link PushSecret}. */
export interface PushSecretProps extends PushSecretOptions, ResourceProps {}

/**
 * A `PushSecret` (`external-secrets.io/v1alpha1`): pushes keys of a Kubernetes Secret (or a generator's
 * output) to one or more stores, e.g. a generated database password into Vault.
 *
 * Vault/OpenBao behaviour to know:
 * - ESO refuses to overwrite a Vault secret it did not create. Every push first reads the secret's
 *   metadata and fails with "secret not managed by external-secrets" unless
 *   `custom_metadata.managed-by` is `external-secrets` (ESO sets it on secrets it creates). To adopt an
 *   existing secret, run once: `vault kv metadata put -custom-metadata=managed-by=external-secrets <mount>/<key>`.
 * - Push to the primary only: a performance replica refuses writes. Mark replica stores read-only
 *   (`store.markReadOnly()`); pushes to them fail the synth, reads from them stay fine.
 * - Push single values with a `property` (`PushValue.property`): without one, the value replaces the
 *   whole remote secret and must be a JSON object.
 * - `deletionPolicy: Delete` on KV v2 destroys all versions of the secret.
 */
export class PushSecret extends Resource {
  /**
   * The underlying L1 object.
   * @deprecated use `ApiObject.of(pushSecret)`
   */
  public readonly apiObject: ApiObject;
  private readonly parts: SpecParts;
  private readonly namespace?: string;

  constructor(scope: Construct, id: string, props: PushSecretProps) {
    super(scope, id);
    checkProps(this, props, []);
    (props.stores ?? []).forEach((s, i) => checkStoreRef(this, `stores[${i}]`, s, true));
    checkItems(this, 'data', props.data, 'a PushValue', 'use PushValue.property(secretKey, remoteKey, property), PushValue.key(...) or PushValue.wholeSecret(...)');
    EsoValidation.of(this);
    this.namespace = props.metadata?.namespace ?? Chart.of(this).namespace;
    this.parts = createSpecParts(this, props, this.namespace);
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: 'external-secrets.io/v1alpha1',
      kind: 'PushSecret',
      metadata: props.metadata,
      spec: Lazy.any({ produce: () => renderPushSecretSpec(props, this.parts) }),
    });
  }

  /**
   * `metadata.name` of the PushSecret.
   * @deprecated use `name`
   */
  public get pushSecretName(): string {
    return this.name;
  }

  /** Adds a store to push to. */
  public addStore(store: ISecretStore): void {
    addStoreTo(this, this.parts, store, this.namespace);
  }

  /** Adds a key to push (`spec.data[]`). */
  public addData(value: PushValue): void {
    this.parts.data.push(value);
  }

  /** Adds a bulk push (`spec.dataTo[]`). */
  public addDataTo(dataTo: PushSecretDataTo): void {
    this.parts.dataTo.push(dataTo);
  }
}
