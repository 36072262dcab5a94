import { ApiObject, ApiObjectMetadata, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { SecretStoreProvider, VaultProviderConfig } from './secret-store-provider';
import { SecretStoreKind, ISecretStore, SecretStoreRef } from './secret-store-ref';
import { ImportedStore, createStoreObject, markObjectReadOnly } from './store-spec';
import { VaultStoreAccess, VaultStoreAccessOptions } from '../vault/store-access';

/** HTTP retries of the provider client (`retrySettings`). */
export interface StoreRetrySettings {
  /**
   * Maximum retries. Note for Vault: when `retrySettings` is set without it, retries are 0.
   * @default - provider default
   */
  readonly maxRetries?: number;
  /**
   * Wait between retries.
   * @default - provider default
   */
  readonly retryInterval?: Duration;
}

/** Properties of a `SecretStore` (and, with `conditions`, of a `ClusterSecretStore`). */
export interface SecretStoreProps {
  /** The backend (exactly one): `SecretStoreProvider.vault(...)`, `.openBao(...)`, `.fake(...)`, `.custom(...)`. */
  readonly provider: SecretStoreProvider;
  /**
   * Metadata of the store (name, namespace, labels, annotations).
   * @default - a generated name, the chart's namespace
   */
  readonly metadata?: ApiObjectMetadata;
  /**
   * How often ESO re-validates the store (emitted as a Go duration, ESO ≥ 2.8).
   * @default - the controller's `--store-requeue-interval` (5m)
   */
  readonly refreshInterval?: Duration;
  /**
   * HTTP retries of the provider client.
   * @default - provider default
   */
  readonly retrySettings?: StoreRetrySettings;
  /**
   * Controller class: only an ESO started with a matching `--controller-class` handles the store.
   * @default - the default controller
   */
  readonly controller?: string;
}

/**
 * A namespaced `SecretStore` (`external-secrets.io/v1`): usable only by ExternalSecrets and PushSecrets
 * of its own namespace.
 */
export class SecretStore extends Construct implements ISecretStore {
  /**
   * Reference a SecretStore made elsewhere (e.g. by another team or a Helm chart).
   * @param name `metadata.name` of the store
   * @param namespace namespace of the store
   */
  public static fromSecretStoreName(scope: Construct, id: string, name: string, namespace: string): ISecretStore {
    return new ImportedStore(scope, id, name, SecretStoreKind.SECRET_STORE, namespace);
  }

  public readonly storeKind = SecretStoreKind.SECRET_STORE;
  public readonly provider: SecretStoreProvider;
  /** The underlying ApiObject. */
  public readonly apiObject: ApiObject;
  private _readOnly = false;

  constructor(scope: Construct, id: string, props: SecretStoreProps) {
    super(scope, id);
    this.provider = props.provider;
    this.apiObject = createStoreObject(this, 'SecretStore', props);
  }

  public get storeName(): string {
    return this.apiObject.name;
  }

  public get storeNamespace(): string | undefined {
    return this.apiObject.metadata.namespace;
  }

  public get readOnly(): boolean {
    return this._readOnly;
  }

  /**
   * Server, KV mount/version and login identity of a Vault/OpenBao store.
   * @default - undefined for other providers
   */
  public get vault(): VaultProviderConfig | undefined {
    return this.provider.vaultConfig;
  }

  /**
   * Wires the Vault side of this store in one call: the Kubernetes auth role ESO logs in with, a policy
   * derived from what the app reads and pushes through this store, and (optionally) the token-reviewer
   * RBAC — emitted as vault-config-operator resources by default. See `VaultStoreAccess`.
   * @param scope where the Vault objects go (e.g. an admin chart)
   */
  public grantVaultAccess(scope: Construct, id: string, options: VaultStoreAccessOptions = {}): VaultStoreAccess {
    return new VaultStoreAccess(scope, id, { ...options, store: this });
  }

  /**
   * Marks the store as a read-only replica: PushSecrets to it are refused at synth. Also written as the
   * annotation `cdk8s-external-secrets.io/read-only: "true"`, so the CLI sees it in YAML.
   */
  public markReadOnly(): void {
    if (this._readOnly) return;
    this._readOnly = true;
    markObjectReadOnly(this.apiObject);
  }

  public toStoreRef(): SecretStoreRef {
    return { name: this.storeName, kind: this.storeKind };
  }
}
