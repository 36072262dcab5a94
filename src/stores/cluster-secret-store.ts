import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { SecretStoreProps } from './secret-store';
import { SecretStoreProvider, VaultProviderConfig } from './secret-store-provider';
import { SecretStoreKind, ISecretStore, SecretStoreRef } from './secret-store-ref';
import { ImportedStore, createStoreObject, markObjectReadOnly } from './store-spec';
import { VaultStoreAccess, VaultStoreAccessOptions } from '../vault/store-access';

/**
 * Which namespaces may use a ClusterSecretStore. Every name, selector and regex of every condition is
 * ORed; no condition admits every namespace.
 */
export interface ClusterSecretStoreCondition {
  /**
   * Namespaces by name.
   * @default - none
   */
  readonly namespaces?: string[];
  /**
   * Namespaces by label.
   * @default - none
   */
  readonly namespaceSelector?: kplus.LabelSelector;
  /**
   * Namespaces by Go regular expression. ESO matches them **unanchored**: write `^team-a-.*$`, not `team-a`.
   * @default - none
   */
  readonly namespaceRegexes?: string[];
}

/** Properties of a `ClusterSecretStore`. */
export interface ClusterSecretStoreProps extends SecretStoreProps {
  /**
   * Namespaces allowed to use the store.
   * @default - every namespace
   */
  readonly conditions?: ClusterSecretStoreCondition[];
}

/**
 * A cluster-scoped `ClusterSecretStore` (`external-secrets.io/v1`): usable from every namespace its
 * `conditions` admit.
 */
export class ClusterSecretStore extends Construct implements ISecretStore {
  /**
   * Reference a ClusterSecretStore made elsewhere ("bring your own store", seed 002).
   * @param name `metadata.name` of the store
   */
  public static fromClusterSecretStoreName(scope: Construct, id: string, name: string): ISecretStore {
    return new ImportedStore(scope, id, name, SecretStoreKind.CLUSTER_SECRET_STORE);
  }

  public readonly storeKind = SecretStoreKind.CLUSTER_SECRET_STORE;
  /** Always undefined: a ClusterSecretStore is cluster-scoped. */
  public readonly storeNamespace?: string = undefined;
  public readonly provider: SecretStoreProvider;
  /** The underlying ApiObject. */
  public readonly apiObject: ApiObject;
  private _readOnly = false;

  constructor(scope: Construct, id: string, props: ClusterSecretStoreProps) {
    super(scope, id);
    this.provider = props.provider;
    // Cluster-scoped: never inherit the chart's namespace.
    this.apiObject = createStoreObject(this, 'ClusterSecretStore', props, props.conditions);
  }

  public get storeName(): string {
    return this.apiObject.name;
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
