import { ApiObject, Names } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { IVaultAuthMount, VaultAuthMount } from './auth-mount';
import { VaultConfigTarget, VaultTargetOptions } from './config-target';
import { VaultKubernetesAuthRole, VaultKubernetesAuthRoleOptions } from './kubernetes-auth-role';
import { IVaultPolicy, PathCollapse, VaultPolicy } from './policy';
import { reuseOrCreate } from './private/mount-resolve';
import { isObjectName, toObjectName } from './private/names';
import { DEFAULT_OPERATOR_ROLE } from './private/target-object';
import { IVaultSecretsMount, VaultSecretsEngine, VaultSecretsMount } from './secrets-mount';
import { TokenReviewer, VaultTokenReviewerBinding } from './token-reviewer';
import { checkProps } from '../base/private/prop-checks';
import { consumerNamespaces } from '../model/vault/derive';
import { VAULT_STORE_ANNOTATION, storeAnnotationValue } from '../model/vault/objects';
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
   * is `VaultKubernetesAuthConfig`). `TokenReviewer.clientJwt()` binds the role's service accounts. When the app
   * has a `VaultKubernetesAuthConfig` for the mount, give the reviewer there only: it emits the binding.
   * @default - no binding (e.g. vault-helm's `server.authDelegator.enabled` or the auth config creates it)
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
  /** The store whose access this is. */
  public readonly store: ISecretStore;
  /** Where the Vault objects land ("vault-config-operator at https://...", see `VaultConfigTarget.destination`). */
  public readonly destination: string;
  private readonly storeAnnotation: string;
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
    this.store = props.store;
    this.storeAnnotation = storeAnnotationValue(props.store.storeKind, store?.namespace, props.store.storeName);
    const where = `${this.node.path}: VaultStoreAccess for ${props.store.storeKind} "${props.store.storeName}"`;
    const roleName = props.roleName ?? store?.login?.role;
    if (!roleName) {
      throw new Error(`${where}: the store has no auth.kubernetes.role${store ? '' : ' (it is not defined in this app)'}; pass roleName`);
    }
    const target = props.target ?? VaultConfigTarget.vaultConfigOperator(DEFAULT_OPERATOR_ROLE);
    this.destination = target.destination;
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

    const policyName = props.policyName ?? roleName;
    const names = this.distinctNames(where, target, roleName, mountPath, policyName, props.store.storeName);

    this.policy = VaultPolicy.forStore(this, 'Policy', props.store, {
      policyName,
      objectName: names.policy,
      target,
      collapse: props.collapse,
    });

    this.role = new VaultKubernetesAuthRole(this, 'Role', {
      ...props,
      roleName,
      objectName: names.role,
      mountPath,
      mount: this.authMount,
      serviceAccounts,
      boundServiceAccountNames: [...(props.boundServiceAccountNames ?? []), ...(referent ? [store!.serviceAccount!.name] : [])],
      audience: props.audience ?? store?.serviceAccount?.audiences[0],
      policies: [this.policy, ...(props.additionalPolicies ?? [])],
      target,
    });
    if (names.peers.length) {
      // several stores' objects in one namespace: say which store each role and policy is for
      for (const a of [this, ...names.peers]) a.markStore();
    }
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

  /**
   * Object names that do not collide with another VaultStoreAccess of the app in the same namespace: the store's
   * name is appended only on a collision (a single store keeps the plain names). Two accesses that would write the
   * same role or policy of the same Vault are an error: one store would silently lose its access.
   */
  private distinctNames(where: string, target: VaultConfigTarget, roleName: string, mountPath: string, policyName: string, storeName: string) {
    const peers = this.node.root.node.findAll()
      .filter((c): c is VaultStoreAccess => c instanceof VaultStoreAccess && c !== this && c.role !== undefined);
    const ns = target.namespaceFor(this);
    const key = target._controller.destinationKey;
    const asObject = (n: string) => (isObjectName(n) ? n : toObjectName(n, n));
    const clashing: VaultStoreAccess[] = [];
    let role: string | undefined;
    let policy: string | undefined;
    for (const p of peers) {
      const sameVault = p.role.target._controller.destinationKey === key;
      const other = `${p.node.path} (for ${p.storeLabel})`;
      if (sameVault && p.role.roleName.toLowerCase() === roleName.toLowerCase() && p.role.mountPath === mountPath) {
        throw new Error(`${where}: role "${roleName}" on auth/${mountPath} is already written by ${other} to the same Vault (${target.destination}): `
          + 'the two definitions overwrite each other and one store loses its access. Give this store its own role (VaultAuth.kubernetes({ role }) in the store, or roleName), '
          + 'or write the Vault objects of each store to its own Vault (target: VaultConfigOperator.authenticateAs(role, { address: "<the store\'s server>" }))');
      }
      if (sameVault && p.policy.policyName === policyName) {
        throw new Error(`${where}: policy "${policyName}" is already written by ${other} to the same Vault (${target.destination}): the two derived policies overwrite each other. `
          + 'Pass a policyName of its own for this store');
      }
      if (p.role.target.type !== target.type || p.role.target.namespaceFor(p.role) !== ns) continue;
      if (p.role.objectName === asObject(roleName)) {
        role = toObjectName(`${roleName}-${storeName}`, Names.toDnsLabel(this));
        clashing.push(p);
      }
      if (p.policy.objectName === asObject(policyName)) {
        policy = toObjectName(`${policyName}-${storeName}`, Names.toDnsLabel(this));
        if (!clashing.includes(p)) clashing.push(p);
      }
    }
    return { role, policy, peers: clashing };
  }

  /** Annotates the role and policy with the store they are for (rules then pair them with that store). */
  private markStore(): void {
    for (const x of [this.role, this.policy]) objectOf(x).metadata.addAnnotation(VAULT_STORE_ANNOTATION, this.storeAnnotation);
  }

  private get storeLabel(): string {
    return `${this.store.storeKind} "${this.store.storeName}"`;
  }

}

/** A Vault object of an access, as its object name and its Vault-side identity. */
function objectOf(x: VaultPolicy | VaultKubernetesAuthRole): ApiObject {
  return x.node.findChild('Resource') as ApiObject;
}
