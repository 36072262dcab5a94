import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { VaultTargetOptions } from './config-target';
import { VaultKubernetesAuthRole, VaultKubernetesAuthRoleOptions } from './kubernetes-auth-role';
import { IVaultPolicy, PathCollapse, VaultPolicy } from './policy';
import { TokenReviewer, VaultTokenReviewerBinding } from './token-reviewer';
import { checkProps } from '../base/private/prop-checks';
import { consumerNamespaces } from '../model/vault/derive';
import { ISecretStore } from '../refs/secret-store-ref';
import { appIndex, storeFromIndex, storeNow } from '../synth/app-manifests';
import { EsoValidation } from '../synth/eso-validation';

/** Options of `VaultStoreAccess` (and of `store.grantVaultAccess()`), everything but the store. */
export interface VaultStoreAccessOptions extends VaultKubernetesAuthRoleOptions, VaultTargetOptions {
  /**
   * Service accounts bound by the role.
   * @default - the store's `serviceAccountRef` (for a ClusterSecretStore without its namespace: that
   * name in every namespace whose ExternalSecrets/PushSecrets use the store, computed at synth)
   */
  readonly serviceAccounts?: kplus.IServiceAccount[];
  /**
   * Kubernetes auth mount of the role.
   * @default - the store's `auth.kubernetes.mountPath`
   */
  readonly mountPath?: string;
  /**
   * Name of the derived policy.
   * @default - the role name
   */
  readonly policyName?: string;
  /**
   * How keys become policy paths.
   * @default PathCollapse.exactKeys()
   */
  readonly collapse?: PathCollapse;
  /**
   * Further policies attached to the role.
   * @default - only the derived policy
   */
  readonly additionalPolicies?: IVaultPolicy[];
  /**
   * Token reviewer whose `system:auth-delegator` ClusterRoleBinding is emitted (the auth config itself
   * is `VaultKubernetesAuthConfig`). `TokenReviewer.clientJwt()` binds the role's service accounts.
   * @default - no binding (e.g. vault-helm's `server.authDelegator.enabled` creates it)
   */
  readonly tokenReviewer?: TokenReviewer;
  /**
   * Name of the auth-delegator ClusterRoleBinding.
   * @default - generated from the construct path
   */
  readonly bindingName?: string;
}

/** Properties of `VaultStoreAccess`. */
export interface VaultStoreAccessProps extends VaultStoreAccessOptions {
  /** The store whose Vault access is wired (a store of this app with `auth.kubernetes`). */
  readonly store: ISecretStore;
}

/**
 * Everything Vault needs for one store, in one call: the least-privilege policy derived from the app
 * (`VaultPolicy.forStore`), the Kubernetes auth role the store logs in with (bound to the store's
 * service account, audience from `serviceAccountRef.audiences`), and optionally the token-reviewer RBAC.
 * Role name, mount and service account default to what the store's manifest says, so they cannot drift.
 */
export class VaultStoreAccess extends Construct {
  public readonly policy: VaultPolicy;
  public readonly role: VaultKubernetesAuthRole;
  public readonly reviewerBinding?: VaultTokenReviewerBinding;

  public constructor(scope: Construct, id: string, props: VaultStoreAccessProps) {
    super(scope, id);
    checkProps(this, props, ['store']);
    EsoValidation.of(this);
    const store = storeNow(props.store);
    const where = `${this.node.path}: VaultStoreAccess for ${props.store.storeKind} "${props.store.storeName}"`;
    const roleName = props.roleName ?? store?.login?.role;
    if (!roleName) {
      throw new Error(`${where}: the store has no auth.kubernetes.role${store ? '' : ' (it is not defined in this app)'}; pass roleName`);
    }
    const mountPath = props.mountPath ?? store?.login?.mountPath ?? 'kubernetes';

    let serviceAccounts = props.serviceAccounts;
    let referent = false;
    if (!serviceAccounts) {
      const ref = store?.serviceAccount;
      if (!ref) {
        throw new Error(`${where}: the store has no auth.kubernetes.serviceAccountRef, so the identity ESO presents is not known here; pass serviceAccounts (e.g. ESO's controller service account)`);
      }
      if (store!.kind === 'SecretStore' || ref.namespace) {
        serviceAccounts = [kplus.ServiceAccount.fromServiceAccountName(this, 'ServiceAccount', ref.name, { namespaceName: ref.namespace ?? store!.namespace ?? 'default' })];
      } else {
        referent = true;
        serviceAccounts = [];
      }
    }

    this.policy = VaultPolicy.forStore(this, 'Policy', props.store, {
      policyName: props.policyName ?? roleName,
      target: props.target,
      collapse: props.collapse,
    });

    this.role = new VaultKubernetesAuthRole(this, 'Role', {
      ...props,
      roleName,
      mountPath,
      serviceAccounts,
      boundServiceAccountNames: [...(props.boundServiceAccountNames ?? []), ...(referent ? [store!.serviceAccount!.name] : [])],
      audience: props.audience ?? store?.serviceAccount?.audiences[0],
      policies: [this.policy, ...(props.additionalPolicies ?? [])],
      target: props.target,
    });
    if (referent) {
      // referent auth: ESO presents the SA of each consumer's namespace
      this.role._addNamespaceProducer(() => {
        const index = appIndex(this.role);
        const info = storeFromIndex(index, props.store);
        return info ? consumerNamespaces(index, info).namespaces : [];
      });
    }

    if (props.tokenReviewer) {
      const reviewer = props.tokenReviewer._withClients(serviceAccounts);
      if (reviewer.serviceAccounts.length === 0) {
        throw new Error(`${where}: TokenReviewer.clientJwt() with a referent store: the reviewing service accounts are per namespace; pass them to clientJwt(...)`);
      }
      this.reviewerBinding = new VaultTokenReviewerBinding(this, 'TokenReviewer', {
        serviceAccounts: reviewer.serviceAccounts,
        bindingName: props.bindingName,
      });
    }
  }
}
