import { ApiObject, Chart, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { checkProps } from '../base/private/prop-checks';
import { EsoValidation } from '../synth/eso-validation';

/** Who calls the Kubernetes TokenReview API for Vault's Kubernetes auth (verifying every login JWT). */
export enum TokenReviewerMode {
  /** Vault runs in this cluster and reviews with its own pod token (Vault ≥ 1.9.3 reloads it). */
  VAULT_IN_CLUSTER = 'vault-in-cluster',
  /** An external Vault uses each client's login JWT as the reviewer token (no selectors). */
  CLIENT_JWT = 'client-jwt',
  /** An external Vault uses a dedicated reviewer service account's token. */
  DEDICATED_SERVICE_ACCOUNT = 'dedicated-service-account',
}

/**
 * The token-reviewer choice. Each option needs a `ClusterRoleBinding` to `system:auth-delegator`
 * (a RoleBinding does not work: TokenReview is cluster-scoped) for a different service account.
 */
export class TokenReviewer {
  /**
   * Recommended when true: Vault runs in this cluster; its server service account reviews tokens.
   * The auth config sets only `kubernetes_host`.
   * @param vaultServiceAccount Vault's server service account (vault-helm: `<release>` in Vault's namespace)
   */
  public static vaultInCluster(vaultServiceAccount: kplus.IServiceAccount): TokenReviewer {
    return new TokenReviewer(TokenReviewerMode.VAULT_IN_CLUSTER, [vaultServiceAccount]);
  }

  /**
   * An external Vault uses each client's login JWT to call TokenReview, so every service account
   * that logs in needs auth-delegator, and the JWT must also carry the API server's audience.
   * Namespace selectors do not work. With `VaultStoreAccess`, the store's service account is added.
   * @param serviceAccounts the service accounts that log in
   */
  public static clientJwt(...serviceAccounts: kplus.IServiceAccount[]): TokenReviewer {
    return new TokenReviewer(TokenReviewerMode.CLIENT_JWT, serviceAccounts);
  }

  /**
   * An external Vault uses a dedicated reviewer service account's token (a long-lived credential in
   * Vault's config: rotate it). It must live in the namespace of the auth config object.
   * @param serviceAccount the reviewer service account (e.g. `vault-auth`)
   */
  public static dedicatedServiceAccount(serviceAccount: kplus.IServiceAccount): TokenReviewer {
    return new TokenReviewer(TokenReviewerMode.DEDICATED_SERVICE_ACCOUNT, [serviceAccount]);
  }

  /** Which option. */
  public readonly mode: TokenReviewerMode;
  private readonly accounts: kplus.IServiceAccount[];

  private constructor(mode: TokenReviewerMode, accounts: kplus.IServiceAccount[]) {
    this.mode = mode;
    this.accounts = accounts;
  }

  /** Service accounts that need `system:auth-delegator` (a copy). */
  public get serviceAccounts(): kplus.IServiceAccount[] {
    return [...this.accounts];
  }

  /** The same choice with more reviewing service accounts (client JWT: the clients). @internal */
  public _withClients(clients: kplus.IServiceAccount[]): TokenReviewer {
    if (this.mode !== TokenReviewerMode.CLIENT_JWT) return this;
    const known = new Set(this.accounts);
    return new TokenReviewer(this.mode, [...this.accounts, ...clients.filter(c => !known.has(c))]);
  }
}

/** Properties of `VaultTokenReviewerBinding`. */
export interface VaultTokenReviewerBindingProps {
  /** Service accounts that call TokenReview for Vault. */
  readonly serviceAccounts: kplus.IServiceAccount[];
  /**
   * Name of the ClusterRoleBinding (unique in the app: a second binding of the same name is refused).
   * @default - generated from the construct path
   */
  readonly bindingName?: string;
}

/**
 * `ClusterRoleBinding` of the token reviewer(s) to `system:auth-delegator` (create tokenreviews and
 * subjectaccessreviews), so Vault's Kubernetes auth can verify login JWTs.
 */
export class VaultTokenReviewerBinding extends Construct {
  /** The binding (cdk8s-plus). */
  public readonly binding: kplus.ClusterRoleBinding;

  public constructor(scope: Construct, id: string, props: VaultTokenReviewerBindingProps) {
    super(scope, id);
    checkProps(this, props, ['serviceAccounts']);
    EsoValidation.of(this);
    if (props.serviceAccounts.length === 0) {
      throw new Error(`${this.node.path}: give at least one service account to bind to system:auth-delegator`);
    }
    if (props.bindingName !== undefined) {
      const other = this.node.root.node.findAll()
        .find((c): c is VaultTokenReviewerBinding => c instanceof VaultTokenReviewerBinding && c !== this && c.binding?.name === props.bindingName);
      if (other) {
        throw new Error(`${this.node.path}: ClusterRoleBinding "${props.bindingName}" is already written by ${other.node.path}: two objects with one name `
          + '(kustomize refuses the folder, a plain apply keeps only the last one). Pass tokenReviewer to only one of VaultKubernetesAuthConfig and '
          + 'grantVaultAccess / VaultStoreAccess (the auth config\'s binding already lets the reviewer review every login of its mount), or give each a different bindingName');
      }
    }
    const role = kplus.ClusterRole.fromClusterRoleName(this, 'AuthDelegator', 'system:auth-delegator');
    this.binding = new kplus.ClusterRoleBinding(this, 'Resource', {
      role,
      metadata: props.bindingName ? { name: props.bindingName } : undefined,
    });
    this.binding.addSubjects(...props.serviceAccounts);
    // cluster-scoped: drop the namespace a namespaced chart stamps on every object
    if (Chart.of(this).namespace) ApiObject.of(this.binding).addJsonPatch(JsonPatch.remove('/metadata/namespace'));
  }
}
