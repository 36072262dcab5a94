import { ApiObject, Duration, JsonPatch, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { PushSecretDataTo } from './push-data-to';
import { PushSecretOptions } from './push-secret';
import { PushValue } from './push-value';
import { Resource, ResourceProps } from '../base/resource';
import { toGoDuration } from '../model/go-duration';
import { ISecretStore } from '../refs/secret-store-ref';
import { EsoValidation } from '../synth/eso-validation';
import { SpecParts, labelSelectorJson, renderPushSecretSpec } from './private/render';
import { addStoreTo, createSpecParts } from './private/spec-parts';
import { checkItems, checkProps, checkStoreRef } from '../base/private/prop-checks';

/** Labels and annotations of the PushSecrets a ClusterPushSecret creates. */
export interface PushSecretMetadata {
  /**
   * Labels.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * Annotations.
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
}

/** Props of a {@link ClusterPushSecret}. */
export interface ClusterPushSecretProps extends PushSecretOptions, ResourceProps {
  /**
   * Namespaces to create the PushSecret in: every namespace matching any selector (ORed).
   */
  readonly namespaceSelectors: kplus.LabelSelector[];
  /**
   * Name of the created PushSecrets.
   * @default - the ClusterPushSecret's name
   */
  readonly pushSecretName?: string;
  /**
   * Labels and annotations of the created PushSecrets.
   * @default - none
   */
  readonly pushSecretMetadata?: PushSecretMetadata;
  /**
   * How often the namespace selection is re-evaluated (`refreshTime`).
   * @default - not emitted (the controller uses 1h)
   */
  readonly refreshTime?: Duration;
}

/**
 * A cluster-scoped `ClusterPushSecret` (`external-secrets.io/v1alpha1`): the same PushSecret created in
 * every namespace matching `namespaceSelectors`. The source Secret (by name) and SecretStore refs
 * resolve in each of those namespaces; ClusterSecretStores are shared, so a fixed remote key pushed
 * from several namespaces to one ClusterSecretStore is overwritten by each of them in turn.
 */
export class ClusterPushSecret extends Resource {
  /**
   * The underlying L1 object.
   * @deprecated use `ApiObject.of(clusterPushSecret)`
   */
  public readonly apiObject: ApiObject;
  private readonly parts: SpecParts;

  constructor(scope: Construct, id: string, props: ClusterPushSecretProps) {
    super(scope, id);
    checkProps(this, props, ['namespaceSelectors']);
    (props.stores ?? []).forEach((s, i) => checkStoreRef(this, `stores[${i}]`, s, true));
    checkItems(this, 'data', props.data, 'a PushValue', 'use PushValue.property(secretKey, remoteKey, property), PushValue.key(...) or PushValue.wholeSecret(...)');
    EsoValidation.of(this);
    this.parts = createSpecParts(this, props, undefined);
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: 'external-secrets.io/v1alpha1',
      kind: 'ClusterPushSecret',
      metadata: props.metadata,
      spec: Lazy.any({ produce: () => this.renderSpec(props) }),
    });
    if (this.apiObject.metadata.namespace) this.apiObject.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
  }

  /**
   * `metadata.name` of the ClusterPushSecret.
   * @deprecated use `name`
   */
  public get clusterPushSecretName(): string {
    return this.name;
  }

  /** Adds a store to push to. */
  public addStore(store: ISecretStore): void {
    addStoreTo(this, this.parts, store, undefined);
  }

  /** Adds a key to push (`pushSecretSpec.data[]`). */
  public addData(value: PushValue): void {
    this.parts.data.push(value);
  }

  /** Adds a bulk push (`pushSecretSpec.dataTo[]`). */
  public addDataTo(dataTo: PushSecretDataTo): void {
    this.parts.dataTo.push(dataTo);
  }

  private renderSpec(props: ClusterPushSecretProps): any {
    const spec: Record<string, any> = {
      pushSecretSpec: renderPushSecretSpec(props, this.parts),
      namespaceSelectors: props.namespaceSelectors.map(labelSelectorJson),
    };
    if (props.pushSecretName !== undefined) spec.pushSecretName = props.pushSecretName;
    const md = props.pushSecretMetadata;
    if (md && (md.labels || md.annotations)) {
      spec.pushSecretMetadata = {
        ...(md.labels ? { labels: { ...md.labels } } : {}),
        ...(md.annotations ? { annotations: { ...md.annotations } } : {}),
      };
    }
    if (props.refreshTime !== undefined) spec.refreshTime = toGoDuration(props.refreshTime);
    return spec;
  }
}
