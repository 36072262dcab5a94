import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { SecretStoreBase } from './secret-store-base';
import { SecretStoreProvider } from './secret-store-provider';
import { ImportedStore } from './store-spec';
import { ResourceProps } from '../base/resource';
import { SecretStoreKind, ISecretStore } from '../refs/secret-store-ref';

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

/**
 * Properties of a `SecretStore` (and, with `conditions`, of a `ClusterSecretStore`; ESO ignores `spec.conditions`
 * on a SecretStore, so it is not offered here).
 */
export interface SecretStoreProps extends ResourceProps {
  /** The backend (exactly one): `SecretStoreProvider.vault(...)`, `.openBao(...)`, `.fake(...)`, `.custom(...)`. */
  readonly provider: SecretStoreProvider;
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

/** Options of `SecretStore.fromSecretStoreName()`. */
export interface FromSecretStoreNameOptions {
  /**
   * Namespace of the store.
   * @default - the namespace of the chart the reference is made in (a SecretStore is only usable from its
   * own namespace)
   */
  readonly namespace?: string;
}

/**
 * A namespaced `SecretStore` (`external-secrets.io/v1`): usable only by ExternalSecrets and PushSecrets
 * of its own namespace.
 */
export class SecretStore extends SecretStoreBase implements ISecretStore {
  /**
   * Reference a SecretStore made elsewhere (e.g. by another team or a Helm chart).
   * @param name `metadata.name` of the store
   * @param options namespace of the store
   */
  public static fromSecretStoreName(scope: Construct, id: string, name: string, options: FromSecretStoreNameOptions = {}): ISecretStore {
    return new ImportedStore(scope, id, name, SecretStoreKind.SECRET_STORE, options.namespace);
  }

  constructor(scope: Construct, id: string, props: SecretStoreProps) {
    super(scope, id, SecretStoreKind.SECRET_STORE, props);
  }

  public get storeNamespace(): string | undefined {
    return this.apiObject.metadata.namespace;
  }
}
