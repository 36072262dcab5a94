import { ApiObject } from 'cdk8s';

/**
 * Manifests resolved during the current `app.synth()`. Constructs whose output derives from the rest of the
 * app (the derived Vault policy) and the validation read every object's manifest; with this cache each
 * object is resolved once per synth. Outside a synth there is no cache: `resolve` is just `toJson()`.
 * Internal.
 */
let current: WeakMap<ApiObject, any> | undefined;

export const synthCache = {
  /** Starts a synth pass (a fresh cache). */
  begin(): void {
    current = new WeakMap();
  },
  /** Ends the synth pass. */
  end(): void {
    current = undefined;
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
