import { Chart, Duration, Lazy, Names } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import { IVaultAuthMount } from './auth-mount';
import { VaultConfigTarget, VaultTargetOptions } from './config-target';
import { IVaultPolicy } from './policy';
import { EsoValidation } from '../synth/eso-validation';
import { resolveAuthMount } from './private/mount-resolve';
import { checkObjectName, isObjectName, toObjectName } from './private/names';
import { DEFAULT_OPERATOR_ROLE, emitTargetObject } from './private/target-object';
import { checkProps } from '../base/private/prop-checks';

/** `token_type` of a Kubernetes auth role (only these three parse for auth roles). */
export enum VaultTokenType {
  /** The mount's tuning (normally service). */
  DEFAULT = 'default',
  /** Renewable, revocable service tokens (recommended for ESO). */
  SERVICE = 'service',
  /** Lightweight batch tokens: no `token_period`, no `token_num_uses`; ESO logs in on every reconcile. */
  BATCH = 'batch',
}

/** `alias_name_source`: what the entity alias of a login is named after. */
export enum VaultAliasNameSource {
  /** The service account UID (default; survives renames, not re-creation). */
  SERVICEACCOUNT_UID = 'serviceaccount_uid',
  /** `<namespace>/<name>` of the service account. */
  SERVICEACCOUNT_NAME = 'serviceaccount_name',
}

/** Role fields shared by `VaultKubernetesAuthRole` and `VaultStoreAccess`. */
export interface VaultKubernetesAuthRoleOptions {
  /**
   * Role name in Vault (`auth/<mount>/role/<name>`; Vault lower-cases it, so write it in lower case). It is also
   * the Kubernetes object name when it is a valid one; otherwise (e.g. "eso_reader") the object is named after it
   * and the Vault name goes to `spec.name`.
   * @default - generated from the construct path (VaultStoreAccess: the store's `auth.kubernetes.role`)
   */
  readonly roleName?: string;
  /**
   * Extra `bound_service_account_names` entries; a leading and/or trailing `*` glob is allowed, `*` alone
   * means any (and must not be mixed with other names).
   * @default - only the names of `serviceAccounts`
   */
  readonly boundServiceAccountNames?: string[];
  /**
   * Extra `bound_service_account_namespaces` entries (globs as for names).
   * @default - only the namespaces of `serviceAccounts`
   */
  readonly boundServiceAccountNamespaces?: string[];
  /**
   * Namespaces selected by labels (`matchLabels`), ORed with the namespace list. provider-vault sends it
   * to Vault (`bound_service_account_namespace_selector`, evaluated at login; needs a reviewer JWT and
   * `get namespaces`); vault-config-operator resolves it at reconcile time (`targetNamespaceSelector`) and
   * cannot be combined with a namespace list.
   * @default - no selector
   */
  readonly namespaceSelectorLabels?: { [key: string]: string };
  /**
   * Namespaces selected by label expressions (`matchExpressions`, ANDed with `namespaceSelectorLabels`), e.g.
   * `[kplus.LabelExpression.in('tier', ['prod', 'staging'])]`. vault-config-operator only: Vault's own login-time
   * selector (provider-vault) rejects expressions.
   * @default - no expressions
   */
  readonly namespaceSelectorExpressions?: kplus.LabelExpression[];
  /**
   * `audience`: the JWT `aud` must contain it. Set it to what the store requests in
   * `serviceAccountRef.audiences` (e.g. "vault").
   * @default - no audience check (Vault warns)
   */
  readonly audience?: string;
  /**
   * `alias_name_source`.
   * @default VaultAliasNameSource.SERVICEACCOUNT_UID
   */
  readonly aliasNameSource?: VaultAliasNameSource;
  /**
   * `token_ttl`; must not exceed `tokenMaxTtl`.
   * @default - the mount's default TTL
   */
  readonly tokenTtl?: Duration;
  /**
   * `token_max_ttl`.
   * @default - the mount's maximum TTL
   */
  readonly tokenMaxTtl?: Duration;
  /**
   * `token_explicit_max_ttl`: a hard cap not re-evaluated on renewal.
   * @default - none
   */
  readonly tokenExplicitMaxTtl?: Duration;
  /**
   * `token_period`: makes tokens periodic (not with batch tokens).
   * @default - not periodic
   */
  readonly tokenPeriod?: Duration;
  /**
   * `token_num_uses` (0 = unlimited; not with batch tokens).
   * @default 0
   */
  readonly tokenNumUses?: number;
  /**
   * `token_bound_cidrs`: CIDRs allowed to log in and use the token.
   * @default - any address
   */
  readonly tokenBoundCidrs?: string[];
  /**
   * `token_no_default_policy`. When true, ESO still needs `auth/token/lookup-self` (read) and
   * `auth/token/revoke-self` (update): `VaultPolicy.forStore` adds them; ESO-VAULT-ROLE-DEFAULT-POLICY
   * checks hand-written policies.
   * @default false
   */
  readonly tokenNoDefaultPolicy?: boolean;
  /**
   * `token_type`.
   * @default VaultTokenType.DEFAULT
   */
  readonly tokenType?: VaultTokenType;
}

/** Properties of `VaultKubernetesAuthRole`. */
export interface VaultKubernetesAuthRoleProps extends VaultKubernetesAuthRoleOptions, VaultTargetOptions {
  /**
   * Kubernetes auth mount path (without `auth/`).
   * @default - the path of `mount`, else "kubernetes"
   */
  readonly mountPath?: string;
  /**
   * The auth mount the role is defined on: a `VaultAuthMount` of the app (the role then comes after it) or
   * `VaultAuthMount.fromMountPath()`.
   * @default - an existing mount at `mountPath`
   */
  readonly mount?: IVaultAuthMount;
  /**
   * Kubernetes `metadata.name` of the emitted object, when it must differ from the Vault name (vault-config-operator
   * then gets `spec.name: <roleName>`).
   * @default - roleName when it is a valid object name, else roleName with every other character as "-"
   */
  readonly objectName?: string;
  /**
   * Service accounts allowed to log in: their names become `bound_service_account_names` and their
   * namespaces `bound_service_account_namespaces` (Vault allows every name × namespace combination).
   * Pass the same object as the store's `serviceAccountRef`. More with `addServiceAccount()`.
   * @default - none (give `boundServiceAccountNames` then)
   */
  readonly serviceAccounts?: kplus.IServiceAccount[];
  /**
   * Policies attached to issued tokens (`token_policies`). More with `addPolicy()`.
   * @default - none (vault-config-operator requires at least one)
   */
  readonly policies?: IVaultPolicy[];
}

/** A Vault Kubernetes auth role, made in this app or referenced by name. */
export interface IVaultKubernetesAuthRole extends IConstruct {
  /** Role name in Vault. */
  readonly roleName: string;
  /** Auth mount path (without `auth/`). */
  readonly mountPath: string;
}

/** Options of `VaultKubernetesAuthRole.fromRoleName()`. */
export interface FromRoleNameOptions {
  /**
   * Kubernetes auth mount path of the role (without `auth/`; leading and trailing slashes are dropped).
   * @default "kubernetes"
   */
  readonly mountPath?: string;
}

function namespaceOf(sa: kplus.IServiceAccount): string {
  const ns = sa.toSubjectConfiguration().namespace;
  if (ns) return ns;
  try {
    return Chart.of(sa).namespace ?? 'default';
  } catch {
    return 'default';
  }
}

const uniq = (xs: string[]) => [...new Set(xs)];

/**
 * A Vault Kubernetes auth role (every field of `auth/<mount>/role/<name>`), emitted as a
 * vault-config-operator `KubernetesAuthEngineRole` or a provider-vault `AuthBackendRole`.
 * Durations are rendered as integer seconds. Field rules (TTL order, batch restrictions, globs,
 * name) are checked by ESO-VAULT-ROLE-FIELDS at synth and in the CLI. Every field of the pinned kinds is typed
 * (the CRDs mark none deprecated; Vault's deprecated aliases `policies`, `ttl`, ... are never written).
 */
export class VaultKubernetesAuthRole extends Construct implements IVaultKubernetesAuthRole {
  /**
   * References a role made elsewhere.
   * @param roleName role name in Vault
   * @param options its auth mount
   */
  public static fromRoleName(scope: Construct, id: string, roleName: string, options: FromRoleNameOptions = {}): IVaultKubernetesAuthRole {
    const mountPath = options.mountPath ?? 'kubernetes';
    class Imported extends Construct implements IVaultKubernetesAuthRole {
      public readonly roleName = roleName;
      public readonly mountPath = mountPath.replace(/^\/+|\/+$/g, '');
    }
    return new Imported(scope, id);
  }

  public readonly roleName: string;
  public readonly mountPath: string;
  public readonly target: VaultConfigTarget;
  /** Kubernetes `metadata.name` of the emitted object. */
  public readonly objectName: string;
  /**
   * The auth mount the role needs, when given.
   * @default - an existing mount, not part of the app
   */
  public readonly mount?: IVaultAuthMount;
  /** Token type (resolved default). */
  public readonly tokenType: VaultTokenType;
  /** Whether tokens drop Vault's `default` policy. */
  public readonly tokenNoDefaultPolicy: boolean;

  private readonly serviceAccounts: kplus.IServiceAccount[] = [];
  private readonly policies: IVaultPolicy[] = [];
  private readonly namespaceProducers: Array<() => string[]> = [];

  public constructor(scope: Construct, id: string, props: VaultKubernetesAuthRoleProps = {}) {
    super(scope, id);
    checkProps(this, props, [], ['roleName', 'audience']);
    EsoValidation.of(this);
    this.target = props.target ?? VaultConfigTarget.vaultConfigOperator(DEFAULT_OPERATOR_ROLE);
    this.roleName = props.roleName ?? Names.toDnsLabel(this);
    checkObjectName(this.node.path, props.objectName);
    this.objectName = props.objectName ?? (isObjectName(this.roleName) ? this.roleName : toObjectName(this.roleName, Names.toDnsLabel(this)));
    this.mount = resolveAuthMount(this, this.target, props.mountPath, props.mount, false);
    this.mountPath = this.mount?.mountPath ?? (props.mountPath ?? 'kubernetes').replace(/^\/+|\/+$/g, '');
    this.tokenType = props.tokenType ?? VaultTokenType.DEFAULT;
    this.tokenNoDefaultPolicy = props.tokenNoDefaultPolicy ?? false;
    for (const sa of props.serviceAccounts ?? []) this.addServiceAccount(sa);
    for (const p of props.policies ?? []) this.addPolicy(p);

    const seconds = (d: Duration | undefined) => (d === undefined ? undefined : d.toSeconds());
    const role = this.target._controller.kubernetesAuthRole(this, {
      mountPath: this.mountPath,
      roleName: this.roleName,
      renamed: this.objectName !== this.roleName,
      serviceAccountNames: Lazy.any({ produce: () => uniq([...this.serviceAccounts.map(sa => sa.name), ...(props.boundServiceAccountNames ?? [])]) }),
      namespaces: () => uniq([
        ...this.serviceAccounts.map(namespaceOf),
        ...(props.boundServiceAccountNamespaces ?? []),
        ...this.namespaceProducers.flatMap(p => p()),
      ]),
      namespaceListGiven: !!(props.boundServiceAccountNamespaces?.length || props.serviceAccounts?.length),
      namespaceSelectorLabels: props.namespaceSelectorLabels,
      namespaceSelectorExpressions: props.namespaceSelectorExpressions?.length
        ? props.namespaceSelectorExpressions.map(e => ({ key: e.key, operator: e.operator, ...(e.values?.length ? { values: [...e.values] } : {}) }))
        : undefined,
      audience: props.audience,
      aliasNameSource: props.aliasNameSource ?? VaultAliasNameSource.SERVICEACCOUNT_UID,
      policies: Lazy.any({ produce: () => uniq(this.policies.map(p => p.policyName)) }),
      tokenTtl: seconds(props.tokenTtl),
      tokenMaxTtl: seconds(props.tokenMaxTtl),
      tokenExplicitMaxTtl: seconds(props.tokenExplicitMaxTtl),
      tokenPeriod: seconds(props.tokenPeriod),
      tokenNumUses: props.tokenNumUses,
      tokenBoundCidrs: props.tokenBoundCidrs,
      tokenNoDefaultPolicy: props.tokenNoDefaultPolicy,
      tokenType: this.tokenType,
    });
    emitTargetObject(this, this.objectName, role);
  }

  /** Allows a service account to log in (adds its name and namespace). */
  public addServiceAccount(serviceAccount: kplus.IServiceAccount): void {
    this.serviceAccounts.push(serviceAccount);
  }

  /** Attaches a policy to issued tokens. */
  public addPolicy(policy: IVaultPolicy): void {
    this.policies.push(policy);
  }

  /** Names of the attached policies (a copy). */
  public get policyNames(): string[] {
    return uniq(this.policies.map(p => p.policyName));
  }

  /**
   * Adds namespaces computed at synth (e.g. the consumers of a referent ClusterSecretStore).
   * @internal
   */
  public _addNamespaceProducer(produce: () => string[]): void {
    this.namespaceProducers.push(produce);
  }
}
