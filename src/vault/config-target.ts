import { Construct } from 'constructs';
import { CrossplaneProviderVaultOptions, VaultConfigOperatorOptions, VaultConfigTargetType } from './config-target-options';
import { VaultController } from './private/controller';
import { CrossplaneProviderVaultController } from './private/crossplane-provider-vault';
import { VaultConfigOperatorController } from './private/vault-config-operator';

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
 * Where the Vault side (policies, roles, auth config, mounts) is emitted: vault-config-operator CRs (the
 * default: one lightweight operator, one CR per Vault object, no Vault token in the cluster) or Crossplane
 * provider-vault managed resources.
 */
export class VaultConfigTarget {
  /**
   * vault-config-operator CRs (`Policy`, `KubernetesAuthEngineRole`, `KubernetesAuthEngineConfig`,
   * `SecretEngineMount`, `AuthEngineMount`) that the operator applies after logging in as `role`. That role, its
   * auth mount (`authMountPath`) and its policy are bootstrap: they must exist in Vault before the first CR.
   * @param role the Vault role the operator logs in with (`spec.authentication.role`)
   */
  public static vaultConfigOperator(role: string, options: VaultConfigOperatorOptions = {}): VaultConfigTarget {
    if (!role) throw new Error('VaultConfigTarget.vaultConfigOperator: role must not be empty');
    return new VaultConfigTarget(new VaultConfigOperatorController(role, options));
  }

  /** Crossplane provider-vault managed resources (`Policy`, `AuthBackendRole`, `AuthBackendConfig`, auth `Backend`). */
  public static crossplane(options: CrossplaneProviderVaultOptions = {}): VaultConfigTarget {
    return new VaultConfigTarget(new CrossplaneProviderVaultController(options));
  }

  /** The controller that applies the objects. */
  public readonly type: VaultConfigTargetType;
  /**
   * vault-config-operator: the Vault role it logs in with.
   * @default - none (Crossplane provider-vault)
   */
  public readonly operatorRole?: string;
  /**
   * What the controller renders for each Vault construct (one implementation per controller).
   * @internal
   */
  public readonly _controller: VaultController;

  private constructor(controller: VaultController) {
    this._controller = controller;
    this.type = controller.type;
    this.operatorRole = controller.operatorRole;
  }

  /**
   * Where the objects land, in words: "vault-config-operator at https://vault...:8200" (or "at the operator's
   * VAULT_ADDR"), "provider-vault ClusterProviderConfig/default". Two targets with the same destination write to
   * the same Vault.
   */
  public get destination(): string {
    return this._controller.destination;
  }

  /**
   * Namespace the objects go to, for a construct in `scope`.
   * @returns undefined for cluster-scoped legacy Crossplane kinds
   */
  public namespaceFor(scope: Construct): string | undefined {
    return this._controller.namespaceFor(scope);
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
