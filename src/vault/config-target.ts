import { ApiObject, Chart, Duration, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { toGoDuration } from '../model/go-duration';
import { TargetObject } from './private/target-object';

/** Which controller turns the Vault objects of this library into Vault API calls. */
export enum VaultConfigTargetType {
  /** redhat-cop/vault-config-operator (`redhatcop.redhat.io/v1alpha1`): one CR per Vault object. */
  VAULT_CONFIG_OPERATOR = 'vault-config-operator',
  /** Crossplane upbound/provider-vault managed resources. */
  CROSSPLANE_PROVIDER_VAULT = 'crossplane-provider-vault',
}

/** Kind of the Crossplane provider config a managed resource uses. */
export enum CrossplaneProviderConfigKind {
  /** Cluster-scoped `ClusterProviderConfig` (the provider's default). */
  CLUSTER_PROVIDER_CONFIG = 'ClusterProviderConfig',
  /** Namespaced `ProviderConfig` in the managed resource's namespace. */
  PROVIDER_CONFIG = 'ProviderConfig',
}

/** How vault-config-operator logs in to Vault for the objects it manages. */
export interface VaultConfigOperatorOptions {
  /**
   * Admin namespace the CRs are written to. The operator logs in with a token of `serviceAccount`
   * from this namespace, so anyone who can create CRs here can use the admin role: never a tenant
   * namespace (ESO-VAULT-CONFIG-NAMESPACE warns).
   * @default - the namespace of the chart
   */
  readonly namespace?: string;
  /**
   * Kubernetes auth mount the operator logs in at (`spec.authentication.path`).
   * @default "kubernetes"
   */
  readonly authMountPath?: string;
  /**
   * Service account (in `namespace`) whose token the operator presents.
   * @default - the service account named "default" (the operator's own default)
   */
  readonly serviceAccount?: kplus.IServiceAccount;
  /**
   * Vault Enterprise namespace to log in to (`spec.authentication.namespace`).
   * @default - the root namespace
   */
  readonly vaultNamespace?: string;
  /**
   * Vault address for these CRs (`spec.connection.address`).
   * @default - the operator's VAULT_ADDR environment
   */
  readonly address?: string;
  /**
   * Secret with the CA bundle (`ca.crt`) for the connection (`spec.connection.tLSConfig.tlsSecret`).
   * @default - the operator's VAULT_CACERT environment
   */
  readonly tlsSecret?: kplus.ISecret;
  /**
   * TLS server name for the connection.
   * @default - the host of the address
   */
  readonly tlsServerName?: string;
  /**
   * Timeout of Vault calls.
   * @default - the operator's default
   */
  readonly timeout?: Duration;
  /**
   * Retries of Vault calls.
   * @default - the operator's default
   */
  readonly maxRetries?: number;
}

/** Crossplane provider-vault options. */
export interface CrossplaneProviderVaultOptions {
  /**
   * Namespace of the managed resources (Crossplane v2 `.m.` kinds are namespaced).
   * @default - the namespace of the chart
   */
  readonly namespace?: string;
  /**
   * Name of the provider config.
   * @default "default"
   */
  readonly providerConfigName?: string;
  /**
   * Kind of the provider config.
   * @default CrossplaneProviderConfigKind.CLUSTER_PROVIDER_CONFIG
   */
  readonly providerConfigKind?: CrossplaneProviderConfigKind;
  /**
   * Use the legacy cluster-scoped groups (`vault.vault.upbound.io`, `kubernetes.vault.upbound.io`)
   * instead of the Crossplane v2 namespaced `.m.` groups.
   * @default false
   */
  readonly legacyClusterScoped?: boolean;
  /**
   * Vault Enterprise namespace of the objects (`forProvider.namespace`).
   * @default - the provider config's namespace
   */
  readonly vaultNamespace?: string;
}

/** Where a Vault-side construct (`VaultPolicy`, `VaultKubernetesAuthRole`, ...) is emitted. */
export interface VaultTargetOptions {
  /**
   * Controller that applies the Vault objects: vault-config-operator CRs or Crossplane provider-vault
   * managed resources.
   * @default - vault-config-operator, logging in as role "vault-admin" in the chart's namespace
   */
  readonly target?: VaultConfigTarget;
}

/**
 * Where the Vault side (policies, roles, auth config) is emitted: vault-config-operator CRs (the
 * default, ../shared/reference/vault-auth.md §6) or Crossplane provider-vault managed resources.
 */
export class VaultConfigTarget {
  /**
   * vault-config-operator CRs (`Policy`, `KubernetesAuthEngineRole`, `KubernetesAuthEngineConfig`)
   * that the operator applies after logging in as `role`.
   * @param role the Vault role the operator logs in with (`spec.authentication.role`)
   */
  public static vaultConfigOperator(role: string, options: VaultConfigOperatorOptions = {}): VaultConfigTarget {
    if (!role) throw new Error('VaultConfigTarget.vaultConfigOperator: role must not be empty');
    return new VaultConfigTarget(VaultConfigTargetType.VAULT_CONFIG_OPERATOR, role, options, {});
  }

  /** Crossplane provider-vault managed resources (`Policy`, `AuthBackendRole`, `AuthBackendConfig`). */
  public static crossplane(options: CrossplaneProviderVaultOptions = {}): VaultConfigTarget {
    return new VaultConfigTarget(VaultConfigTargetType.CROSSPLANE_PROVIDER_VAULT, undefined, {}, options);
  }

  /** The controller that applies the objects. */
  public readonly type: VaultConfigTargetType;
  /** vault-config-operator: the Vault role it logs in with. */
  public readonly operatorRole?: string;

  private constructor(
    type: VaultConfigTargetType,
    operatorRole: string | undefined,
    private readonly operator: VaultConfigOperatorOptions,
    private readonly crossplaneOptions: CrossplaneProviderVaultOptions,
  ) {
    this.type = type;
    this.operatorRole = operatorRole;
  }

  /**
   * Namespace the objects go to, for a construct in `scope`.
   * @returns undefined for cluster-scoped legacy Crossplane kinds
   */
  public namespaceFor(scope: Construct): string | undefined {
    if (this.type === VaultConfigTargetType.CROSSPLANE_PROVIDER_VAULT) {
      if (this.crossplaneOptions.legacyClusterScoped) return undefined;
      return this.crossplaneOptions.namespace ?? Chart.of(scope).namespace;
    }
    return this.operator.namespace ?? Chart.of(scope).namespace;
  }

  /** @internal */
  public _isCrossplane(): boolean {
    return this.type === VaultConfigTargetType.CROSSPLANE_PROVIDER_VAULT;
  }

  /** @internal */
  public _legacy(): boolean {
    return !!this.crossplaneOptions.legacyClusterScoped;
  }

  /** vault-config-operator `authentication` + `connection`. @internal */
  public _operatorCommon(scope: Construct): any {
    const o = this.operator;
    const ns = this.namespaceFor(scope);
    let saName = 'default';
    if (o.serviceAccount) {
      const subj = o.serviceAccount.toSubjectConfiguration();
      if (subj.namespace && ns && subj.namespace !== ns) {
        throw new Error(`${scope.node.path}: vault-config-operator authentication.serviceAccount "${subj.namespace}/${subj.name}" must be in the namespace of the CRs ("${ns}"): the operator requests its token there. Pass a service account of namespace "${ns}"`);
      }
      saName = o.serviceAccount.name;
    }
    const authentication: any = { path: (o.authMountPath ?? 'kubernetes').replace(/^\/+|\/+$/g, ''), role: this.operatorRole, serviceAccount: { name: saName } };
    if (o.vaultNamespace) authentication.namespace = o.vaultNamespace;
    const out: any = { authentication };
    if (o.address || o.tlsSecret || o.tlsServerName || o.timeout || o.maxRetries !== undefined) {
      if (!o.address) throw new Error(`${scope.node.path}: vault-config-operator connection options need "address" (spec.connection.address is required)`);
      const connection: any = { address: o.address };
      const tls: any = {};
      if (o.tlsSecret) tls.tlsSecret = { name: o.tlsSecret.name };
      if (o.tlsServerName) tls.tlsServerName = o.tlsServerName;
      if (Object.keys(tls).length) connection.tLSConfig = tls;
      if (o.timeout) connection.timeOut = toGoDuration(o.timeout);
      if (o.maxRetries !== undefined) connection.maxRetries = o.maxRetries;
      out.connection = connection;
    }
    return out;
  }

  /** provider-vault `providerConfigRef` and `forProvider.namespace`. @internal */
  public _crossplaneCommon(): { providerConfigRef: any; vaultNamespace?: string } {
    const x = this.crossplaneOptions;
    const providerConfigRef: any = x.legacyClusterScoped
      ? { name: x.providerConfigName ?? 'default' }
      : { kind: x.providerConfigKind ?? CrossplaneProviderConfigKind.CLUSTER_PROVIDER_CONFIG, name: x.providerConfigName ?? 'default' };
    return { providerConfigRef, vaultNamespace: x.vaultNamespace };
  }

  /** Creates the L1 for an object of this target. @internal */
  public _emit(scope: Construct, name: string, obj: TargetObject, annotations?: Record<string, string>): ApiObject {
    const o = new ApiObject(scope, 'Resource', {
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      metadata: {
        name,
        ...(obj.namespace ? { namespace: obj.namespace } : {}),
        ...(annotations && Object.keys(annotations).length ? { annotations } : {}),
      },
      spec: obj.spec,
    });
    // legacy provider-vault kinds are cluster-scoped: drop the namespace a namespaced chart stamps on them
    if (!obj.namespace && Chart.of(scope).namespace) o.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
    return o;
  }
}

/**
 * Shorthand for the vault-config-operator target, reading like the operator's own
 * `spec.authentication` block: `VaultConfigOperator.authenticateAs('vault-admin', { namespace: 'vault-admin' })`.
 */
export class VaultConfigOperator {
  /**
   * vault-config-operator CRs, applied by the operator after it logs in to Vault as `role`.
   * @param role the Vault role the operator logs in with (`spec.authentication.role`)
   */
  public static authenticateAs(role: string, options: VaultConfigOperatorOptions = {}): VaultConfigTarget {
    return VaultConfigTarget.vaultConfigOperator(role, options);
  }

  private constructor() {}
}
