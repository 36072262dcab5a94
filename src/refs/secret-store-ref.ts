import { IConstruct } from 'constructs';
import type { VaultProviderConfig } from './vault-provider-config';

/** The two kinds of store an ESO object can reference. */
export enum SecretStoreKind {
  /** A namespaced `SecretStore`: usable only from its own namespace. */
  SECRET_STORE = 'SecretStore',
  /** A cluster-scoped `ClusterSecretStore`: usable from every namespace its `conditions` admit. */
  CLUSTER_SECRET_STORE = 'ClusterSecretStore',
}

/** `secretStoreRef` as emitted into ExternalSecret / PushSecret specs (kind always set). */
export interface SecretStoreRef {
  /** Name of the store. */
  readonly name: string;
  /** Kind of the store. */
  readonly kind: SecretStoreKind;
}

/**
 * A SecretStore or ClusterSecretStore, made in this app or referenced by name.
 *
 * Other constructs take an `ISecretStore`, never a string, so `secretStoreRef.kind` is always right.
 */
export interface ISecretStore extends IConstruct {
  /** `metadata.name` of the store. */
  readonly storeName: string;
  /** SecretStore or ClusterSecretStore. */
  readonly storeKind: SecretStoreKind;
  /**
   * Namespace of a namespaced SecretStore.
   * @default - cluster-scoped (ClusterSecretStore), or the namespace of the chart
   */
  readonly storeNamespace?: string;
  /** True when the store is a read-only replica: PushSecrets to it are refused at synth. */
  readonly readOnly: boolean;
  /**
   * Server, KV mount/version and login identity, when the store is a Vault/OpenBao store made in this app.
   * @default - unknown (other providers, or a store referenced by name)
   */
  readonly vault?: VaultProviderConfig;
  /** The `secretStoreRef` that points at this store. */
  toStoreRef(): SecretStoreRef;
}
