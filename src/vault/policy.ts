import { Lazy, Names } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { VaultCapability } from './capability';
import { VaultConfigTarget, VaultTargetOptions } from './config-target';
import { checkObjectName, isObjectName, toObjectName } from './private/names';
import { DEFAULT_OPERATOR_ROLE, emitTargetObject } from './private/target-object';
import { checkProps, checkString } from '../base/private/prop-checks';
import { NEW_CAPABILITIES } from '../model/vault/acl';
import { CollapseSpec, TOKEN_SELF_RULES, accessesForStore, deriveRules, unsafeAccesses, unsafeKeyProblem } from '../model/vault/derive';
import { AclRule, mergeRules, renderHcl } from '../model/vault/hcl';
import { rolesForStore, vaultModel } from '../model/vault/objects';
import { ISecretStore } from '../refs/secret-store-ref';
import { appIndex, storeFromIndex, storeNow } from '../synth/app-manifests';
import { EsoValidation } from '../synth/eso-validation';
import { SynthPass } from '../synth/synth-pass';

/** A Vault ACL policy, made in this app or referenced by name. */
export interface IVaultPolicy extends IConstruct {
  /** Name of the policy in Vault (what a role's `token_policies` lists). */
  readonly policyName: string;
}

/** One `path` block of a policy. */
export interface VaultPolicyRule {
  /**
   * Path pattern: `*` only as the last character (prefix match), `+` as a whole segment (one segment).
   * For KV v2 include `data/` or `metadata/` after the mount (`kv/data/app/*`).
   */
  readonly path: string;
  /** Capabilities granted on the path. */
  readonly capabilities: VaultCapability[];
}

/**
 * How `VaultPolicy.forStore` turns the keys the app touches into paths. Only read and list grants are
 * ever widened; create/update/delete grants always stay on the exact keys.
 */
export class PathCollapse {
  /** One rule per exact key (least privilege; the default). */
  public static exactKeys(): PathCollapse {
    return new PathCollapse({ mode: 'exact' });
  }

  /**
   * Read/list grants with the same capabilities under the same mount section are merged into one
   * `<common folder>/*` rule (never the mount root).
   */
  public static commonPrefix(): PathCollapse {
    return new PathCollapse({ mode: 'common-prefix' });
  }

  /**
   * Read/list grants for keys below one of these mount-relative folders become `<folder>/*`
   * (e.g. `under('external-secrets')` → `kv/data/external-secrets/*`).
   */
  public static under(...folders: string[]): PathCollapse {
    if (folders.length === 0 || folders.some(f => !f.replace(/^\/+|\/+$/g, ''))) {
      throw new Error('PathCollapse.under: give at least one non-empty mount-relative folder, e.g. "external-secrets"');
    }
    for (const f of folders) {
      const problem = unsafeKeyProblem(f);
      if (problem) throw new Error(`PathCollapse.under: folder ${JSON.stringify(f)} ${problem}; give a literal mount-relative folder, e.g. "external-secrets"`);
    }
    return new PathCollapse({ mode: 'under', prefixes: folders });
  }

  /** @internal */
  public readonly _spec: CollapseSpec;

  private constructor(spec: CollapseSpec) {
    this._spec = spec;
  }
}

/** Options shared by hand-written and derived policies. */
export interface VaultPolicyOptions extends VaultTargetOptions {
  /**
   * Name of the policy in Vault: lower-case letters, digits, "_", "-" and "." (Vault lower-cases policy names).
   * It is also the Kubernetes object name when it is a valid one; otherwise (e.g. "eso_read") the object is
   * named after it and the Vault name goes to `spec.name`.
   * @default - generated from the construct path
   */
  readonly policyName?: string;
  /**
   * Kubernetes `metadata.name` of the emitted object, when it must differ from the Vault name (vault-config-operator
   * then gets `spec.name: <policyName>`).
   * @default - policyName when it is a valid object name, else policyName with every other character as "-"
   */
  readonly objectName?: string;
  /**
   * Allow the `subscribe` and `recover` capabilities (Vault ≥ 1.21; older servers reject the policy).
   * @default false
   */
  readonly allowSubscribeAndRecover?: boolean;
}

/** Properties of a hand-written `VaultPolicy`. */
export interface VaultPolicyProps extends VaultPolicyOptions {
  /**
   * The path blocks. More can be added with `addRule()`.
   * @default - none
   */
  readonly rules?: VaultPolicyRule[];
}

/** Options of `VaultPolicy.forStore`. */
export interface VaultPolicyForStoreOptions extends VaultPolicyOptions {
  /**
   * How keys become paths.
   * @default PathCollapse.exactKeys()
   */
  readonly collapse?: PathCollapse;
  /**
   * Rules added to the derived ones (e.g. for a consumer outside this app).
   * @default - none
   */
  readonly additionalRules?: VaultPolicyRule[];
}

/** What a derived policy computes from the app once per synth. */
interface PolicyDerivation {
  readonly rules: AclRule[];
  /** One message per key the policy syntax cannot grant literally. */
  readonly unsafe: string[];
}

/** A Vault policy name this library writes: lower-case (Vault lower-cases them), with a letter or digit. */
const POLICY_NAME = /^[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?$/;

class ImportedVaultPolicy extends Construct implements IVaultPolicy {
  constructor(scope: Construct, id: string, public readonly policyName: string) {
    super(scope, id);
  }
}

/**
 * A Vault ACL policy, emitted as a vault-config-operator `Policy` (type acl) or a Crossplane
 * provider-vault `Policy`. The HCL text is available with `toHcl()` for the `vault` CLI or Terraform.
 *
 * `VaultPolicy.forStore()` derives the minimal policy from what the app's ExternalSecrets,
 * ClusterExternalSecrets, PushSecrets and VaultDynamicSecrets touch through a store, read from the
 * synthesized manifests (so raw ApiObjects count too).
 */
export class VaultPolicy extends Construct implements IVaultPolicy {
  /** References a policy that exists in Vault (or is made elsewhere) by name. */
  public static fromPolicyName(scope: Construct, id: string, policyName: string): IVaultPolicy {
    return new ImportedVaultPolicy(scope, id, policyName);
  }

  /**
   * The least-privilege policy for a store, computed at synth from the manifests of the app:
   * `read` on `<mount>/data/<key>` (KV v2) or `<mount>/<key>` (v1) for every key read; + `read` on
   * metadata for `metadataPolicy: Fetch` and `find.tags`; + `list` on metadata for `dataFrom.find`
   * (the mount root without `find.path`); `create`/`read`/`update` on data and metadata for every
   * PushSecret key (+ `delete` with `deletionPolicy: Delete`); the VaultDynamicSecret paths logging
   * in with the same role (capability per method); and `auth/token/lookup-self` + `revoke-self` when
   * the store's role sets `tokenNoDefaultPolicy`.
   */
  public static forStore(scope: Construct, id: string, store: ISecretStore, options: VaultPolicyForStoreOptions = {}): VaultPolicy {
    const policy = new VaultPolicy(scope, id, {
      policyName: options.policyName,
      objectName: options.objectName,
      target: options.target,
      allowSubscribeAndRecover: options.allowSubscribeAndRecover,
      rules: options.additionalRules,
    });
    policy.derivedFrom = { store, collapse: (options.collapse ?? PathCollapse.exactKeys())._spec };
    // computed once per synth by the synth hook's derivation pass (not by the Lazy that renders it)
    EsoValidation.of(policy)._addDerivation(policy, () => policy.derive());
    return policy;
  }

  /** Name of the policy in Vault. */
  public readonly policyName: string;
  /** Kubernetes `metadata.name` of the emitted object. */
  public readonly objectName: string;
  /** The controller that applies it. */
  public readonly target: VaultConfigTarget;
  /** True when the policy is derived from a store's usage (`forStore`). */
  public get derived(): boolean {
    return this.derivedFrom !== undefined;
  }

  private readonly manualRules: AclRule[] = [];
  private readonly allowNewCapabilities: boolean;
  private derivedFrom?: { store: ISecretStore; collapse: CollapseSpec };

  public constructor(scope: Construct, id: string, props: VaultPolicyProps = {}) {
    super(scope, id);
    checkProps(this, props, []);
    EsoValidation.of(this);
    this.target = props.target ?? VaultConfigTarget.vaultConfigOperator(DEFAULT_OPERATOR_ROLE);
    if (props.policyName !== undefined && (typeof props.policyName !== 'string' || !POLICY_NAME.test(props.policyName) || !/[a-z0-9]/.test(props.policyName) || props.policyName.length > 253)) {
      throw new Error(`${this.node.path}: policyName ${JSON.stringify(props.policyName)} is not a valid name: Vault lower-cases policy names, so use lower-case letters, digits, "_", "-" and "." (at most 253 characters, with a letter or digit, starting and ending with a letter, digit or "_"), e.g. "eso-read"`);
    }
    checkObjectName(this.node.path, props.objectName);
    this.policyName = props.policyName ?? Names.toDnsLabel(this);
    this.objectName = props.objectName ?? (isObjectName(this.policyName) ? this.policyName : toObjectName(this.policyName, Names.toDnsLabel(this)));
    this.allowNewCapabilities = props.allowSubscribeAndRecover ?? false;
    for (const r of props.rules ?? []) this.addRule(r.path, ...r.capabilities);

    const policy = Lazy.any({ produce: () => this.toHcl() });
    const renamed = this.objectName !== this.policyName;
    emitTargetObject(this, this.objectName, this.target._controller.policy(this, { policyName: this.policyName, policy, renamed }));
    this.node.addValidation({ validate: () => this.validateDerivation() });
  }

  /**
   * Adds a path block (merged with an existing block of the same path).
   * @param path path pattern, e.g. `kv/data/app/*`
   * @param capabilities capabilities to grant
   */
  public addRule(path: string, ...capabilities: VaultCapability[]): VaultPolicy {
    checkString(this.node.path, 'rule path', path, { required: true, fix: 'give a Vault path pattern, e.g. "kv/data/app/*"' });
    if (capabilities.length === 0) throw new Error(`${this.node.path}: addRule("${path}") needs at least one capability`);
    const gated = capabilities.filter(c => NEW_CAPABILITIES.includes(c));
    if (gated.length && !this.allowNewCapabilities) {
      throw new Error(`${this.node.path}: capability "${gated[0]}" on "${path}" needs Vault >= 1.21 (older servers reject the whole policy); set allowSubscribeAndRecover: true if your Vault supports it`);
    }
    this.manualRules.push({ path, capabilities: [...capabilities] });
    return this;
  }

  /**
   * The path blocks as of now (a derived policy computes them from the app's current manifests).
   */
  public get rules(): VaultPolicyRule[] {
    return this.currentRules().map(r => ({ path: r.path, capabilities: r.capabilities.map(c => c as VaultCapability) }));
  }

  /** The policy as Vault ACL HCL (deterministic: same rules, same text). */
  public toHcl(): string {
    return renderHcl(this.currentRules());
  }

  private currentRules(): AclRule[] {
    if (!this.derivedFrom) return mergeRules(this.manualRules);
    return this.derivation().rules;
  }

  /** This synth's derivation (run by the synth hook's pass), or one computed now outside a synth. */
  private derivation(): PolicyDerivation {
    return (SynthPass.of(this)?.derivedBy(this) as PolicyDerivation | undefined) ?? this.derive();
  }

  /** The rules derived from what the app's manifests touch through the store, and the keys that cannot be granted. */
  private derive(): PolicyDerivation {
    const index = appIndex(this);
    const store = this.derivedFrom ? storeFromIndex(index, this.derivedFrom.store) : undefined;
    if (!this.derivedFrom || !store) return { rules: mergeRules(this.manualRules), unsafe: [] };
    const extra: AclRule[] = [...this.manualRules];
    if (rolesForStore(vaultModel(index), store).some(r => r.noDefaultPolicy)) {
      extra.push(...TOKEN_SELF_RULES);
    }
    const accesses = accessesForStore(index, store);
    // least privilege that cannot widen: a key Vault's policy syntax cannot express literally is refused
    const unsafe = unsafeAccesses(accesses).map(({ access: a, problem }) => {
      const c = a.consumer;
      const who = `${c.kind} "${c.metadata?.namespace ? `${c.metadata.namespace}/` : ''}${c.metadata?.name ?? '?'}"`;
      return `VaultPolicy.forStore (policy "${this.policyName}"): ${who} ${a.field}: key ${JSON.stringify(a.key)} ${problem}, so the derived grant would cover other keys than this one. `
        + 'Use the literal key (Vault paths have no escape for "*" and "+"), or grant it by hand with new VaultPolicy(..., { rules }) and review that grant';
    });
    return { rules: deriveRules(accesses, this.derivedFrom.collapse, extra), unsafe };
  }

  private validateDerivation(): string[] {
    if (!this.derivedFrom) return [];
    const s = this.derivedFrom.store;
    // runs on every cdk8s validation pass (once per chart): look at the store itself, not the whole app
    if (!storeNow(s)) {
      return [`VaultPolicy.forStore: ${s.storeKind} "${s.storeName}" is not defined in this app with a vault provider, so its KV mount and version are unknown and nothing can be derived. Define the store in this app, or write the policy with new VaultPolicy(..., { rules })`];
    }
    return this.derivation().unsafe;
  }
}
