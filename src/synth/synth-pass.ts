import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ManifestIndex } from '../model/manifest-index';

/**
 * One `app.synth()` of an app with `EsoValidation`: each object is resolved once, and the manifests that feed
 * derived output (the derived Vault policies, referent roles) are indexed once. The validation of the same pass
 * reuses what was derived on that index (`ManifestIndex` reuse), so nothing is computed twice.
 *
 * A pass exists only while the synth hook runs; outside it (`chart.toJson()`, `Testing.synth`) every call
 * resolves anew. Internal.
 */
export class SynthPass {
  /** The pass of the app `scope` belongs to, if its synth is running. */
  public static of(scope: IConstruct): SynthPass | undefined {
    return ACTIVE_PASSES.get(scope.node.root);
  }

  /** Starts a pass for the app; `end()` it in a `finally`. */
  public static begin(app: IConstruct): SynthPass {
    const pass = new SynthPass();
    ACTIVE_PASSES.set(app.node.root, pass);
    return pass;
  }

  private readonly resolved = new WeakMap<ApiObject, any>();
  private base?: ManifestIndex;
  private buildingBase = false;
  private readonly derived = new Map<IConstruct, unknown>();

  private constructor() {}

  /** The object's manifest, resolved once per pass. */
  public resolve(o: ApiObject): any {
    let json = this.resolved.get(o);
    if (json === undefined) {
      json = o.toJson();
      this.resolved.set(o, json);
    }
    return json;
  }

  /**
   * The index that derivations read (built on first use by `build`); undefined while it is being built, so a
   * derivation reached from inside the build falls back to an index of its own.
   */
  public baseIndex(build: () => ManifestIndex): ManifestIndex | undefined {
    if (this.base) return this.base;
    if (this.buildingBase) return undefined;
    this.buildingBase = true;
    try {
      this.base = build();
    } finally {
      this.buildingBase = false;
    }
    return this.base;
  }

  /** Records what `owner` derived from the app in this pass (the synth hook runs each derivation once). */
  public setDerived(owner: IConstruct, value: unknown): void {
    this.derived.set(owner, value);
  }

  /** What `owner` derived in this pass, if its derivation ran. */
  public derivedBy(owner: IConstruct): unknown {
    return this.derived.get(owner);
  }

  /** The derivations' index, if one was built in this pass (the validation reuses its values). */
  public get derivationIndex(): ManifestIndex | undefined {
    return this.base;
  }

  /** Ends the pass of `app`. */
  public end(app: IConstruct): void {
    if (ACTIVE_PASSES.get(app.node.root) === this) ACTIVE_PASSES.delete(app.node.root);
  }
}

/** App root → its running pass (synth/ is the only layer that keeps state across calls). */
const ACTIVE_PASSES = new WeakMap<IConstruct, SynthPass>();
