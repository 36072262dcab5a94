import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { SecretStoreProps } from './secret-store';
import { SecretStoreBase } from './secret-store-base';
import { ImportedStore } from './store-spec';
import { SecretStoreKind, ISecretStore } from '../refs/secret-store-ref';

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
export class ClusterSecretStore extends SecretStoreBase implements ISecretStore {
  /**
   * Reference a ClusterSecretStore made elsewhere ("bring your own store": by a platform team, Terraform or another app).
   * @param name `metadata.name` of the store
   */
  public static fromClusterSecretStoreName(scope: Construct, id: string, name: string): ISecretStore {
    return new ImportedStore(scope, id, name, SecretStoreKind.CLUSTER_SECRET_STORE);
  }

  /** Always undefined: a ClusterSecretStore is cluster-scoped. */
  public readonly storeNamespace?: string = undefined;

  constructor(scope: Construct, id: string, props: ClusterSecretStoreProps) {
    // Cluster-scoped: never inherit the chart's namespace.
    super(scope, id, SecretStoreKind.CLUSTER_SECRET_STORE, props, props?.conditions);
  }
}
