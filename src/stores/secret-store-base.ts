import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { ClusterSecretStoreCondition } from './cluster-secret-store';
import type { SecretStoreProps } from './secret-store';
import { SecretStoreProvider } from './secret-store-provider';
import { createStoreObject, markObjectReadOnly } from './store-spec';
import { checkObject, checkProps } from '../base/private/prop-checks';
import { Resource } from '../base/resource';
import { SecretStoreKind, ISecretStore, SecretStoreRef } from '../refs/secret-store-ref';
import { VaultProviderConfig } from '../refs/vault-provider-config';
import { VaultStoreAccess, VaultStoreAccessOptions } from '../vault/store-access';

/**
 * What `SecretStore` and `ClusterSecretStore` share: the rendered `external-secrets.io/v1` object, the
 * provider, read-only marking and `grantVaultAccess()`. Use one of the two subclasses.
 */
export abstract class SecretStoreBase extends Resource implements ISecretStore {
  public readonly storeKind: SecretStoreKind;
  public readonly provider: SecretStoreProvider;
  /**
   * The underlying ApiObject.
   * @deprecated use `ApiObject.of(store)`
   */
  public readonly apiObject: ApiObject;
  /**
   * Namespace of a namespaced SecretStore.
   * @default - cluster-scoped (ClusterSecretStore), or the namespace of the chart
   */
  public abstract readonly storeNamespace?: string;
  private _readOnly = false;

  /**
   * @param kind the kind of store to render
   * @param conditions namespaces allowed to use a ClusterSecretStore (none for a SecretStore)
   */
  protected constructor(scope: Construct, id: string, kind: SecretStoreKind, props: SecretStoreProps,
    conditions?: ClusterSecretStoreCondition[]) {
    super(scope, id);
    checkProps(this, props, ['provider']);
    checkObject(this.node.path, 'provider', props.provider, 'a SecretStoreProvider', 'use SecretStoreProvider.vault({ server, kv, auth }) or another SecretStoreProvider factory',
      p => typeof p.providerKey === 'string' && typeof p._annotations === 'function');
    this.storeKind = kind;
    this.provider = props.provider;
    this.apiObject = createStoreObject(this, kind, props, conditions);
  }

  /**
   * `metadata.name` of the store (the `ISecretStore` member, for stores made here and referenced alike).
   * @deprecated use `name` on a store construct; `storeName` stays the member of `ISecretStore`
   */
  public get storeName(): string {
    return this.name;
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
