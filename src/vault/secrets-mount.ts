import { Construct, IConstruct } from 'constructs';
import { VaultConfigTarget, VaultTargetOptions } from './config-target';
import { VaultMountTuneOptions } from './mount-options';
import { emitMountObject, mountTuneInput, normMountPath } from './private/mount-input';
import { DEFAULT_OPERATOR_ROLE } from './private/target-object';
import { checkProps } from '../base/private/prop-checks';
import { EsoValidation } from '../synth/eso-validation';

/** The engine of a secrets mount: its `type` and the type's `options`. */
export class VaultSecretsEngine {
  /** KV version 2 (`type: kv`, `options.version: "2"`; what `vault secrets enable kv-v2` mounts). */
  public static kvV2(): VaultSecretsEngine {
    return new VaultSecretsEngine('kv', { version: '2' }, '2');
  }

  /** KV version 1 (`type: kv`, `options.version: "1"`). */
  public static kvV1(): VaultSecretsEngine {
    return new VaultSecretsEngine('kv', { version: '1' }, '1');
  }

  /**
   * Any other engine type (`database`, `pki`, `transit`, ...).
   * @param engineType the engine type, as `vault secrets enable <type>` takes it
   * @param options the type's mount options (`options`)
   */
  public static of(engineType: string, options?: { [key: string]: string }): VaultSecretsEngine {
    const type = engineType;
    if (typeof type !== 'string' || !type.trim()) throw new Error('VaultSecretsEngine.of: type must be a non-empty engine type, e.g. "database"');
    if (type === 'kv-v2' || type === 'kv-v1') {
      throw new Error(`VaultSecretsEngine.of: "${type}" is the CLI's shorthand; use VaultSecretsEngine.${type === 'kv-v2' ? 'kvV2' : 'kvV1'}() (type kv with options.version)`);
    }
    const kvVersion = type === 'kv' ? (options?.version ?? '1') : undefined;
    return new VaultSecretsEngine(type, options ? { ...options } : undefined, kvVersion);
  }

  /** The engine type (`spec.type`). */
  public readonly type: string;
  /**
   * The mount options (`spec.options`).
   * @default - none
   */
  public readonly options?: { [key: string]: string };
  /**
   * KV version ("1" or "2") when the engine is KV.
   * @default - not a KV engine
   */
  public readonly kvVersion?: string;

  private constructor(type: string, options: { [key: string]: string } | undefined, kvVersion: string | undefined) {
    this.type = type;
    this.options = options;
    this.kvVersion = kvVersion;
  }
}

/** A Vault secrets-engine mount, made in this app or existing in Vault. */
export interface IVaultSecretsMount extends IConstruct {
  /** The mount path (`kv`, `team-a/kv`), without leading or trailing `/`. */
  readonly mountPath: string;
  /**
   * KV version ("1" or "2") of the mount when known.
   * @default - unknown (an existing mount) or not KV
   */
  readonly kvVersion?: string;
}

/** Options of `VaultSecretsMount.fromMountPath()`. */
export interface FromSecretsMountPathOptions {
  /**
   * KV version ("1" or "2") of the existing mount, when it is KV.
   * @default - unknown
   */
  readonly kvVersion?: string;
}

/** Properties of `VaultSecretsMount`. */
export interface VaultSecretsMountProps extends VaultMountTuneOptions, VaultTargetOptions {
  /** Mount path (`sys/mounts/<path>`), e.g. "kv"; leading and trailing `/` are dropped. */
  readonly path: string;
  /** The engine: `VaultSecretsEngine.kvV2()`, `kvV1()` or `of(type, options)`. */
  readonly engine: VaultSecretsEngine;
  /**
   * Human-friendly description of the mount.
   * @default - none
   */
  readonly description?: string;
  /**
   * Local mount: not replicated to (nor removed by) performance secondaries.
   * @default false
   */
  readonly local?: boolean;
  /**
   * Seal-wrap the stored values.
   * @default false
   */
  readonly sealWrap?: boolean;
  /**
   * Let the engine use Vault's external entropy source.
   * @default false
   */
  readonly externalEntropyAccess?: boolean;
  /**
   * Disable caching for the mount (`force_no_cache`).
   * @default false
   */
  readonly forceNoCache?: boolean;
  /**
   * Let Flux delete the object when it leaves Git. vault-config-operator disables the mount when its object is
   * deleted, which destroys every secret in it, so by default the object carries
   * `kustomize.toolkit.fluxcd.io/prune: disabled` and only a deliberate `kubectl delete` removes the mount.
   * @default false
   */
  readonly allowPrune?: boolean;
  /**
   * Kubernetes `metadata.name` of the emitted object (the Vault path is set by `path`).
   * @default - generated from the construct path
   */
  readonly objectName?: string;
}

class ImportedSecretsMount extends Construct implements IVaultSecretsMount {
  constructor(scope: Construct, id: string, public readonly mountPath: string, public readonly kvVersion?: string) {
    super(scope, id);
  }
}

/**
 * A secrets-engine mount as a vault-config-operator `SecretEngineMount` (`sys/mounts/<path>`), e.g. the KV v2
 * mount the stores read from: `new VaultSecretsMount(chart, 'kv', { path: 'kv', engine: VaultSecretsEngine.kvV2() })`.
 * An existing mount the operator finds is adopted and only tuned.
 *
 * Crossplane provider-vault has a `Mount` kind, but this library does not pin its CRD, so that target refuses
 * a secrets mount: create it with vault-config-operator or outside the app (`fromMountPath`).
 */
export class VaultSecretsMount extends Construct implements IVaultSecretsMount {
  /**
   * References a mount that exists in Vault (or is made elsewhere).
   * @param mountPath its path, e.g. "kv"
   */
  public static fromMountPath(scope: Construct, id: string, mountPath: string, options: FromSecretsMountPathOptions = {}): IVaultSecretsMount {
    const path = normMountPath(`${scope.node.path}/${id}`, mountPath);
    if (options.kvVersion !== undefined && options.kvVersion !== '1' && options.kvVersion !== '2') {
      throw new Error(`${scope.node.path}/${id}: kvVersion must be "1" or "2", got ${JSON.stringify(options.kvVersion)}`);
    }
    return new ImportedSecretsMount(scope, id, path, options.kvVersion);
  }

  public readonly mountPath: string;
  public readonly kvVersion?: string;
  /** The engine. */
  public readonly engine: VaultSecretsEngine;
  /** The controller that applies it. */
  public readonly target: VaultConfigTarget;

  public constructor(scope: Construct, id: string, props: VaultSecretsMountProps) {
    super(scope, id);
    checkProps(this, props, ['path', 'engine'], ['path', 'description', 'objectName']);
    EsoValidation.of(this);
    if (!(props.engine instanceof VaultSecretsEngine) && typeof (props.engine as any)?.type !== 'string') {
      throw new Error(`${this.node.path}: engine must be a VaultSecretsEngine; use VaultSecretsEngine.kvV2(), kvV1() or of(type, options)`);
    }
    this.target = props.target ?? VaultConfigTarget.vaultConfigOperator(DEFAULT_OPERATOR_ROLE);
    this.mountPath = normMountPath(this.node.path, props.path);
    this.engine = props.engine;
    this.kvVersion = props.engine.kvVersion;
    const rendered = this.target._controller.secretsMount(this, {
      mountPath: this.mountPath,
      type: props.engine.type,
      options: props.engine.options,
      description: props.description,
      local: props.local,
      sealWrap: props.sealWrap,
      externalEntropyAccess: props.externalEntropyAccess,
      forceNoCache: props.forceNoCache,
      tune: mountTuneInput(this.node.path, props),
    });
    emitMountObject(this, props, rendered);
  }
}
