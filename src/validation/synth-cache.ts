import { ApiObject } from 'cdk8s';

/**
 * Manifests resolved during the current `app.synth()`. Constructs whose output derives from the rest of the
 * app (the derived Vault policy) and the validation read every object's manifest; with this cache each
 * object is resolved once per synth. Outside a synth there is no cache: `resolve` is just `toJson()`.
 * Internal.
 */
let current: WeakMap<ApiObject, any> | undefined;

/**
 * Values derived from lists of manifests during a synth pass (e.g. the accesses the derived Vault policy
 * computes), keyed by the first manifest of their inputs: the validation of the same pass, which sees the very
 * same (cached) manifest objects in the same order, reuses them instead of deriving them again.
 */
const derived = new WeakMap<object, Map<string, { deps: ReadonlyArray<readonly unknown[]>; value: unknown }>>();

function sameDeps(a: ReadonlyArray<readonly unknown[]>, b: ReadonlyArray<readonly unknown[]>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return false;
  }
  return true;
}

export const synthCache = {
  /** Starts a synth pass (a fresh cache). */
  begin(): void {
    current = new WeakMap();
  },
  /** Ends the synth pass. */
  end(): void {
    current = undefined;
  },
  /**
   * `build()`, shared between indexes of the same synth pass: `build` must be a pure function of the
   * manifests in `deps` (lists of manifest objects, e.g. `index.ofKind(kind)`). A value is only remembered
   * while a synth pass is running (manifests resolved by the pass are never mutated); any other call, or
   * different manifests (different objects, order or count), builds anew.
   */
  shared<T>(key: string, deps: ReadonlyArray<readonly object[]>, build: () => T): T {
    let anchor: object | undefined;
    for (const d of deps) if (d.length) { anchor = d[0]; break; }
    if (!anchor) return build();
    const slot = derived.get(anchor)?.get(key);
    if (slot && sameDeps(slot.deps, deps)) return slot.value as T;
    const value = build();
    if (current) {
      let byKey = derived.get(anchor);
      if (!byKey) derived.set(anchor, (byKey = new Map()));
      byKey.set(key, { deps: deps.map(d => d.slice()), value });
    }
    return value;
  },
  /** The object's manifest: from the cache during a synth pass, else resolved now. */
  resolve(o: ApiObject): any {
    if (!current) return o.toJson();
    let json = current.get(o);
    if (json === undefined) {
      json = o.toJson();
      current.set(o, json);
    }
    return json;
  },
};
