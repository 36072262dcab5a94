import { ApiObject, Duration, JsonPatch, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { TlsExternalSecretProps } from './external-secret';
import { ExternalSecretSpecOptions } from './external-secret-options';
import { labelSelectorToKube } from '../base/private/label-selector';
import { Resource, ResourceProps } from '../base/resource';
import { toGoDuration } from '../model/go-duration';
import { dropUndefined } from './private/render';
import { EXTERNAL_SECRETS_API_VERSION, ExternalSecretSpecBuilder } from './private/render-spec';
import { tlsSpec } from './private/typed';
import { SecretSource } from './secret-source';
import { SecretValue } from './secret-value';
import { checkItems, checkProps, checkStoreRef } from '../base/private/prop-checks';
import { EsoValidation } from '../synth/eso-validation';

/** The label every namespace carries with its own name (Kubernetes >= 1.21). */
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** Where a ClusterExternalSecret fans out and how the ExternalSecrets it creates are named. */
export interface ClusterExternalSecretFanOutOptions {
  /**
   * Namespaces to create the ExternalSecret in, by name. Rendered as a `namespaceSelectors` entry on the
   * `kubernetes.io/metadata.name` label (the CRD's own `namespaces` and `namespaceSelector` fields are
   * deprecated and never written).
   * @default - none (use namespaceSelectors)
   */
  readonly namespaces?: string[];
  /**
   * Label selectors of the namespaces to create the ExternalSecret in (ORed).
   * @default - none (use namespaces)
   */
  readonly namespaceSelectors?: kplus.LabelSelector[];
  /**
   * Name of the ExternalSecrets created in each namespace.
   * @default - the ClusterExternalSecret's name
   */
  readonly externalSecretName?: string;
  /**
   * Labels of the ExternalSecrets created in each namespace.
   * @default - none
   */
  readonly externalSecretLabels?: { [key: string]: string };
  /**
   * Annotations of the ExternalSecrets created in each namespace.
   * @default - none
   */
  readonly externalSecretAnnotations?: { [key: string]: string };
  /**
   * How often the ClusterExternalSecret re-evaluates the namespaces (`refreshTime`).
   * @default - not emitted (ESO uses 1h)
   */
  readonly refreshTime?: Duration;
}

/** Props of `ClusterExternalSecret`. */
export interface ClusterExternalSecretProps extends ExternalSecretSpecOptions, ClusterExternalSecretFanOutOptions, ResourceProps {}

/** Props of `ClusterExternalSecret.tls()`. */
export interface TlsClusterExternalSecretProps extends TlsExternalSecretProps, ClusterExternalSecretFanOutOptions {}

/**
 * An ESO `ClusterExternalSecret` (`external-secrets.io/v1`, cluster-scoped): the same ExternalSecret spec,
 * created in every namespace the selectors match (e.g. one wildcard TLS certificate for many namespaces).
 */
export class ClusterExternalSecret extends Resource {
  /** A `kubernetes.io/tls` Secret in every selected namespace (see `ExternalSecret.tls()`). */
  public static tls(scope: Construct, id: string, props: TlsClusterExternalSecretProps): ClusterExternalSecret {
    return new ClusterExternalSecret(scope, id, { ...props, ...tlsSpec(props) });
  }

  /**
   * The L1 object.
   * @deprecated use `ApiObject.of(clusterExternalSecret)`
   */
  public readonly apiObject: ApiObject;
  /** Name of the ExternalSecrets created in each namespace. */
  public readonly externalSecretName: string;
  /** Name of the Secret produced in each namespace. */
  public readonly targetName: string;
  /**
   * The Secret produced in each selected namespace, for workloads in those namespaces (a reference by name).
   */
  public readonly targetSecret: kplus.ISecret;
  private readonly spec: ExternalSecretSpecBuilder;

  constructor(scope: Construct, id: string, props: ClusterExternalSecretProps) {
    super(scope, id);
    checkProps(this, props, []);
    checkStoreRef(this, 'store', props.store);
    checkItems(this, 'data', props.data, 'a SecretValue', 'use SecretValue.fromProperty(secretKey, key, property) or SecretValue.fromKey(...)');
    checkItems(this, 'dataFrom', props.dataFrom, 'a SecretSource', 'use SecretSource.extract(key), SecretSource.find({...}) or SecretSource.generator(gen)');
    if (!props.namespaces?.length && !props.namespaceSelectors?.length) {
      throw new Error(`${this.node.path}: set namespaces or namespaceSelectors, otherwise the ClusterExternalSecret creates nothing`);
    }
    this.spec = new ExternalSecretSpecBuilder(props);
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: EXTERNAL_SECRETS_API_VERSION,
      kind: 'ClusterExternalSecret',
      metadata: props.metadata,
      spec: Lazy.any({ produce: () => this.renderSpec(props) }),
    });
    // cdk8s puts the chart's namespace on every object: a cluster-scoped object must not carry one.
    if (this.apiObject.metadata.namespace) this.apiObject.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
    this.externalSecretName = props.externalSecretName ?? this.apiObject.name;
    this.targetName = props.target?.name ?? this.externalSecretName;
    this.targetSecret = kplus.Secret.fromSecretName(this, 'TargetSecret', this.targetName);
    this.spec.attach(this.apiObject);
    EsoValidation.of(this);
  }

  /** Adds single keys (`spec.externalSecretSpec.data[]`). */
  public addData(...values: SecretValue[]): void {
    this.spec.addData(values);
  }

  /** Adds sources of many keys (`spec.externalSecretSpec.dataFrom[]`). */
  public addDataFrom(...sources: SecretSource[]): void {
    this.spec.addDataFrom(sources);
  }

  private renderSpec(props: ClusterExternalSecretProps): Record<string, unknown> {
    const selectors: unknown[] = [];
    if (props.namespaces?.length) {
      selectors.push({ matchExpressions: [{ key: NAMESPACE_NAME_LABEL, operator: 'In', values: [...props.namespaces] }] });
    }
    for (const s of props.namespaceSelectors ?? []) selectors.push(labelSelectorToKube(s));
    const esMetadata = dropUndefined({
      labels: nonEmpty(props.externalSecretLabels),
      annotations: nonEmpty(props.externalSecretAnnotations),
    });
    return dropUndefined({
      externalSecretName: this.externalSecretName,
      externalSecretMetadata: Object.keys(esMetadata).length ? esMetadata : undefined,
      namespaceSelectors: selectors,
      refreshTime: props.refreshTime ? toGoDuration(props.refreshTime) : undefined,
      externalSecretSpec: this.spec.render(this.targetName),
    });
  }
}

function nonEmpty<T extends object>(o: T | undefined): T | undefined {
  return o && Object.keys(o).length ? o : undefined;
}
