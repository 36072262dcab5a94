import { ApiObject, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { RefreshPolicy } from './enums';
import { ExternalSecretBaseOptions, ExternalSecretSpecOptions, TargetManifest } from './external-secret-options';
import { Resource, ResourceProps } from '../base/resource';
import { ISecretStore } from '../refs/secret-store-ref';
import { EsoValidation } from '../synth/eso-validation';
import { EXTERNAL_SECRETS_API_VERSION, ExternalSecretSpecBuilder } from './private/render-spec';
import { dockerConfigJsonSpec, tlsSpec } from './private/typed';
import { SecretSource } from './secret-source';
import { SecretValue } from './secret-value';
import { checkItems, checkProps, checkStoreRef } from '../base/private/prop-checks';

/** Props of `ExternalSecret`. */
export interface ExternalSecretProps extends ExternalSecretSpecOptions, ResourceProps {}

/**
 * What the typed-Secret helpers (`ExternalSecret.tls()`, `.dockerConfigJson()`, `ClusterExternalSecret.tls()`)
 * share: the ExternalSecret's metadata and the labels and annotations of the Secret they produce.
 */
export interface TypedExternalSecretProps extends ExternalSecretBaseOptions, ResourceProps {
  /**
   * Labels of the produced Secret.
   * @default - none
   */
  readonly secretLabels?: { [key: string]: string };
  /**
   * Annotations of the produced Secret.
   * @default - none
   */
  readonly secretAnnotations?: { [key: string]: string };
}

/** Props of `ExternalSecret.tls()`. */
export interface TlsExternalSecretProps extends TypedExternalSecretProps {
  /** The PEM certificate (chain); rendered as `tls.crt`. */
  readonly cert: SecretValue;
  /** The PEM private key; rendered as `tls.key`. */
  readonly key: SecretValue;
  /**
   * The PEM CA certificate; rendered as `ca.crt`.
   * @default - no ca.crt
   */
  readonly ca?: SecretValue;
}

/** Props of `ExternalSecret.dockerConfigJson()`: either `dockerConfigJson`, or `registry` + `username` + `password`. */
export interface DockerConfigJsonExternalSecretProps extends TypedExternalSecretProps {
  /**
   * A remote value that already is a complete docker config JSON (`{"auths": {...}}`).
   * @default - built from registry, username and password
   */
  readonly dockerConfigJson?: SecretValue;
  /**
   * Registry host the credentials are for, e.g. `ghcr.io`.
   * @default - none (required unless dockerConfigJson is set)
   */
  readonly registry?: string;
  /**
   * Registry user name.
   * @default - none (required unless dockerConfigJson is set)
   */
  readonly username?: SecretValue;
  /**
   * Registry password or token.
   * @default - none (required unless dockerConfigJson is set)
   */
  readonly password?: SecretValue;
}

/**
 * An ESO `ExternalSecret` (`external-secrets.io/v1`): reads keys from a store (or a generator) and writes
 * them into a Kubernetes Secret, `targetSecret`, which workloads can mount or read env vars from.
 *
 * Honest defaults: `secretStoreRef.kind` is always emitted, `refreshInterval` is a Go duration (`1h` unless
 * said otherwise), `target.creationPolicy: Owner` and `target.name` are explicit.
 */
export class ExternalSecret extends Resource {
  /**
   * A `kubernetes.io/tls` Secret: `tls.crt` and `tls.key` (and `ca.crt`) are guaranteed by a template,
   * whatever the remote keys are called.
   */
  public static tls(scope: Construct, id: string, props: TlsExternalSecretProps): ExternalSecret {
    return new ExternalSecret(scope, id, { ...props, ...tlsSpec(props) });
  }

  /**
   * A `kubernetes.io/dockerconfigjson` Secret (image pull credentials): `.dockerconfigjson` is rendered
   * from registry + username + password (`auth` is `b64enc "user:password"`), or copied from a remote
   * value holding the whole JSON.
   */
  public static dockerConfigJson(scope: Construct, id: string, props: DockerConfigJsonExternalSecretProps): ExternalSecret {
    return new ExternalSecret(scope, id, { ...props, ...dockerConfigJsonSpec(props, `${scope.node.path}/${id}`) });
  }

  /**
   * The L1 object.
   * @deprecated use `ApiObject.of(externalSecret)`
   */
  public readonly apiObject: ApiObject;
  /** Name of the produced Secret. */
  public readonly targetName: string;
  /**
   * The store of `spec.secretStoreRef`.
   * @default - no default store
   */
  public readonly store?: ISecretStore;
  private readonly spec: ExternalSecretSpecBuilder;
  private readonly targetManifest?: TargetManifest;
  private _targetSecret?: kplus.ISecret;
  private _targetConfigMap?: kplus.IConfigMap;

  constructor(scope: Construct, id: string, props: ExternalSecretProps = {}) {
    super(scope, id);
    checkProps(this, props, []);
    checkStoreRef(this, 'store', props.store);
    checkItems(this, 'data', props.data, 'a SecretValue', 'use SecretValue.fromProperty(secretKey, key, property) or SecretValue.fromKey(...)');
    checkItems(this, 'dataFrom', props.dataFrom, 'a SecretSource', 'use SecretSource.extract(key), SecretSource.find({...}) or SecretSource.generator(gen)');
    this.spec = new ExternalSecretSpecBuilder(props);
    this.store = props.store;
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: EXTERNAL_SECRETS_API_VERSION,
      kind: 'ExternalSecret',
      metadata: props.metadata,
      spec: Lazy.any({ produce: () => this.spec.render(this.targetName) }),
    });
    this.targetName = props.target?.name ?? this.apiObject.name;
    this.targetManifest = props.target?.manifest;
    this.spec.attach(this.apiObject);
    EsoValidation.of(this);
  }

  /**
   * The produced Secret, for workloads: `kplus.Volume.fromSecret(scope, 'creds', es.targetSecret)`,
   * `kplus.EnvValue.fromSecretValue({ secret: es.targetSecret, key: 'password' })`.
   * Made on first use (an app of thousands of ExternalSecrets does not pay a construct per Secret it never mounts).
   */
  public get targetSecret(): kplus.ISecret {
    if (this.targetManifest && !this.targetManifest.isSecret) {
      throw new Error(`${this.node.path}: the ExternalSecret writes a ${this.targetManifest.kind} (target.manifest), not a Secret`
        + (this.targetManifest.kind === 'ConfigMap' && this.targetManifest.apiVersion === 'v1' ? '; use targetConfigMap' : ''));
    }
    if (!this._targetSecret) this._targetSecret = kplus.Secret.fromSecretName(this, 'TargetSecret', this.targetName);
    return this._targetSecret;
  }

  /**
   * The produced ConfigMap of an ExternalSecret with `target.manifest: TargetManifest.configMap()`, for workloads:
   * `kplus.Volume.fromConfigMap(scope, 'config', es.targetConfigMap)`. Throws for any other target.
   */
  public get targetConfigMap(): kplus.IConfigMap {
    if (!this.targetManifest || this.targetManifest.apiVersion !== 'v1' || this.targetManifest.kind !== 'ConfigMap') {
      throw new Error(`${this.node.path}: the ExternalSecret writes a ${this.targetManifest?.kind ?? 'Secret'}, not a ConfigMap; `
        + 'set target.manifest: TargetManifest.configMap() (or use targetSecret)');
    }
    if (!this._targetConfigMap) this._targetConfigMap = kplus.ConfigMap.fromConfigMapName(this, 'TargetConfigMap', this.targetName);
    return this._targetConfigMap;
  }

  /**
   * The refresh policy emitted: the one given, or CreatedOnce when a `dataFrom` source is a generator that
   * makes a new value on every run.
   * @default - not emitted (ESO refreshes periodically)
   */
  public get refreshPolicy(): RefreshPolicy | undefined {
    return this.spec.refreshPolicy;
  }

  /** Adds single keys (`spec.data[]`). */
  public addData(...values: SecretValue[]): void {
    this.spec.addData(values);
  }

  /** Adds sources of many keys (`spec.dataFrom[]`), applied after the existing ones. */
  public addDataFrom(...sources: SecretSource[]): void {
    this.spec.addDataFrom(sources);
  }
}
