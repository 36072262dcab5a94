import { Construct, IConstruct } from 'constructs';
import { VaultConfigTarget, VaultTargetOptions } from './config-target';
import { VaultMountTokenType, VaultMountTuneOptions } from './mount-options';
import { emitMountObject, mountTuneInput, normMountPath } from './private/mount-input';
import { DEFAULT_OPERATOR_ROLE } from './private/target-object';
import { checkProps } from '../base/private/prop-checks';
import { EsoValidation } from '../synth/eso-validation';

/** A Vault auth-method mount (`auth/<path>`), made in this app or existing in Vault. */
export interface IVaultAuthMount extends IConstruct {
  /** The mount path without `auth/` (`kubernetes`, `clusters/prod`). */
  readonly mountPath: string;
}

/** Properties of `VaultAuthMount`. */
export interface VaultAuthMountProps extends VaultMountTuneOptions, VaultTargetOptions {
  /**
   * Mount path without `auth/` (`sys/auth/<path>`); leading and trailing `/` are dropped.
   * @default "kubernetes"
   */
  readonly path?: string;
  /**
   * The auth method type, as `vault auth enable <type>` takes it.
   * @default "kubernetes"
   */
  readonly methodType?: string;
  /**
   * Human-friendly description of the auth method.
   * @default - none
   */
  readonly description?: string;
  /**
   * Local mount: not replicated, and its logins get no identity entity.
   * @default false
   */
  readonly local?: boolean;
  /**
   * Seal-wrap the mount's storage (vault-config-operator only).
   * @default false
   */
  readonly sealWrap?: boolean;
  /**
   * Token type the mount's roles issue (`token_type` tuning).
   * @default - the system default (default-service)
   */
  readonly tokenType?: VaultMountTokenType;
  /**
   * Description set by tuning (`config.description`; vault-config-operator only).
   * @default - none
   */
  readonly tuneDescription?: string;
  /**
   * Mount options set by tuning (`config.options`; vault-config-operator only).
   * @default - none
   */
  readonly tuneOptions?: { [key: string]: string };
  /**
   * Do not migrate the mount when its path changes (`disable_remount`; provider-vault only).
   * @default false
   */
  readonly disableRemount?: boolean;
  /**
   * Key that signs identity tokens of the mount (`identity_token_key`; provider-vault only).
   * @default - none
   */
  readonly identityTokenKey?: string;
  /**
   * Let Flux delete the object when it leaves Git. Deleting it disables the auth method, which deletes every
   * role on it (and every login through it fails), so by default the object carries
   * `kustomize.toolkit.fluxcd.io/prune: disabled`.
   * @default false
   */
  readonly allowPrune?: boolean;
  /**
   * Kubernetes `metadata.name` of the emitted object (the Vault path is set by `path`).
   * @default - generated from the construct path
   */
  readonly objectName?: string;
}

class ImportedAuthMount extends Construct implements IVaultAuthMount {
  constructor(scope: Construct, id: string, public readonly mountPath: string) {
    super(scope, id);
  }
}

/**
 * An auth-method mount, by default the Kubernetes auth method at `auth/kubernetes`, as a vault-config-operator
 * `AuthEngineMount` or a provider-vault `Backend` (`auth.vault.m.upbound.io`). An existing mount the operator
 * finds is adopted and only tuned. Pass it as `mount` to `VaultKubernetesAuthConfig` and
 * `VaultKubernetesAuthRole` (or `authMount` to `grantVaultAccess`): they then use its path and come after it.
 *
 * Never declare the mount vault-config-operator itself logs in through (ESO-VAULT-MOUNT-BOOTSTRAP): it must
 * exist before the operator can do anything, and deleting the object would lock the operator out.
 */
export class VaultAuthMount extends Construct implements IVaultAuthMount {
  /**
   * References an auth mount that exists in Vault (or is made elsewhere).
   * @param mountPath its path without `auth/`, e.g. "kubernetes"
   */
  public static fromMountPath(scope: Construct, id: string, mountPath: string): IVaultAuthMount {
    return new ImportedAuthMount(scope, id, normMountPath(`${scope.node.path}/${id}`, mountPath));
  }

  public readonly mountPath: string;
  /** The auth method type. */
  public readonly methodType: string;
  /** The controller that applies it. */
  public readonly target: VaultConfigTarget;

  public constructor(scope: Construct, id: string, props: VaultAuthMountProps = {}) {
    super(scope, id);
    checkProps(this, props, [], ['path', 'methodType', 'description', 'tuneDescription', 'identityTokenKey', 'objectName']);
    EsoValidation.of(this);
    this.target = props.target ?? VaultConfigTarget.vaultConfigOperator(DEFAULT_OPERATOR_ROLE);
    this.mountPath = normMountPath(this.node.path, props.path ?? 'kubernetes');
    this.methodType = props.methodType ?? 'kubernetes';
    const rendered = this.target._controller.authMount(this, {
      mountPath: this.mountPath,
      type: this.methodType,
      description: props.description,
      local: props.local,
      sealWrap: props.sealWrap,
      tokenType: props.tokenType,
      tuneDescription: props.tuneDescription,
      tuneOptions: props.tuneOptions,
      disableRemount: props.disableRemount,
      identityTokenKey: props.identityTokenKey,
      tune: mountTuneInput(this.node.path, props),
    });
    emitMountObject(this, props, rendered);
  }
}
