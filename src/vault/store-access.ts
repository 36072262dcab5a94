import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { IVaultAuthMount, VaultAuthMount } from './auth-mount';
import { VaultConfigTarget, VaultTargetOptions } from './config-target';
import { VaultKubernetesAuthRole, VaultKubernetesAuthRoleOptions } from './kubernetes-auth-role';
import { IVaultPolicy, PathCollapse, VaultPolicy } from './policy';
import { DEFAULT_OPERATOR_ROLE } from './private/target-object';
import { IVaultSecretsMount, VaultSecretsEngine, VaultSecretsMount } from './secrets-mount';
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
   * The Kubernetes auth mount the role is defined on: a `VaultAuthMount` of the app (the role then comes
   * after it) or `VaultAuthMount.fromMountPath()`. Its path must be the store's `auth.kubernetes.mountPath`.
   * @default - the existing mount the store logs in at (nothing is emitted for it)
   */
  readonly authMount?: IVaultAuthMount;
  /**
   * The KV mount the store reads from: a `VaultSecretsMount` of the app or `VaultSecretsMount.fromMountPath()`.
   * Its path (and KV version, when known) must be the store's.
   * @default - the existing KV mount of the store (nothing is emitted for it)
   */
  readonly kvMount?: IVaultSecretsMount;
  /**
   * Emit the mounts the store needs that are not given: a `VaultAuthMount` (Kubernetes auth) at the store's
   * auth mount and a `VaultSecretsMount` (KV v1 or v2, as the store says) at its KV path, with the same
   * target. A mount of the app at the same path for the same Vault is reused, so two stores on one mount
   * share it.
   * @default false
   */
  readonly createMounts?: boolean;
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
  /**
   * The auth mount of the role, when given or created.
   * @default - an existing mount, not part of the app
   */
  public readonly authMount?: IVaultAuthMount;
  /**
   * The KV mount of the store, when given or created.
   * @default - an existing mount, not part of the app
   */
  public readonly kvMount?: IVaultSecretsMount;

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
    const target = props.target ?? VaultConfigTarget.vaultConfigOperator(DEFAULT_OPERATOR_ROLE);
    const mountPath = (props.mountPath ?? props.authMount?.mountPath ?? store?.login?.mountPath ?? 'kubernetes').replace(/^\/+|\/+$/g, '');
    const loginMount = store?.login?.mountPath;
    if (props.authMount && loginMount !== undefined && props.authMount.mountPath !== loginMount) {
      throw new Error(`${where}: authMount is auth/${props.authMount.mountPath}, but the store logs in at auth/${loginMount}; pass the mount the store logs in at (or change the store's mountPath)`);
    }
    this.authMount = props.authMount ?? (props.createMounts ? reuseOrCreate(this, VaultAuthMount, mountPath, target, () => new VaultAuthMount(this, 'AuthMount', { path: mountPath, target })) : undefined);
    if (props.kvMount) {
      if (store?.mount !== undefined && props.kvMount.mountPath !== store.mount) {
        throw new Error(`${where}: kvMount is "${props.kvMount.mountPath}", but the store reads from KV mount "${store.mount}"; pass the store's mount`);
      }
      const v = store ? (store.version === 'v1' ? '1' : '2') : undefined;
      if (v && props.kvMount.kvVersion && props.kvMount.kvVersion !== v) {
        throw new Error(`${where}: kvMount "${props.kvMount.mountPath}" is KV version ${props.kvMount.kvVersion}, but the store reads it as KV v${v}: every read fails. Make the two agree (VaultKv.v${props.kvMount.kvVersion} in the store, or VaultSecretsEngine.kvV${v}() in the mount)`);
      }
      this.kvMount = props.kvMount;
    } else if (props.createMounts) {
      if (!store?.mount) throw new Error(`${where}: createMounts needs the store's KV mount (provider path), and the store has none${store ? '' : ' (it is not defined in this app)'}; pass kvMount, or set the store's kv`);
      const kvPath = store.mount;
      const engine = store.version === 'v1' ? VaultSecretsEngine.kvV1() : VaultSecretsEngine.kvV2();
      this.kvMount = reuseOrCreate(this, VaultSecretsMount, kvPath, target, () => new VaultSecretsMount(this, 'KvMount', { path: kvPath, engine, target }));
    }

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
      target,
      collapse: props.collapse,
    });

    this.role = new VaultKubernetesAuthRole(this, 'Role', {
      ...props,
      roleName,
      mountPath,
      mount: this.authMount,
      serviceAccounts,
      boundServiceAccountNames: [...(props.boundServiceAccountNames ?? []), ...(referent ? [store!.serviceAccount!.name] : [])],
      audience: props.audience ?? store?.serviceAccount?.audiences[0],
      policies: [this.policy, ...(props.additionalPolicies ?? [])],
      target,
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

/** A mount construct of the app at `path` for the same Vault as `target`, else a new one. */
function reuseOrCreate<T extends VaultAuthMount | VaultSecretsMount>(
  scope: Construct, type: new (...a: any[]) => T, path: string, target: VaultConfigTarget, create: () => T,
): T {
  const found = scope.node.root.node.findAll().find((c): c is T => c instanceof type
    && (c as T).mountPath === path && (c as T).target._controller.destinationKey === target._controller.destinationKey);
  return found ?? create();
}
