// Internal: the ONE read model of the app's ExternalSecret / ClusterExternalSecret remote reads, built once per
// validation run and shared by the ExternalSecret key rules (kv-entries), the PushSecret loop/overwrite rules
// (push-model) and the Vault path derivation + coverage rule (src/vault/internal/derive). Not a rule; not
// re-exported from the package.
import { EsSpec, allEsSpecs, ES_KINDS, kvStoreOf, KvStore } from './external-secrets';
import { itemField } from './field-names';
import { isObject } from './json';
import { Manifest } from './manifest';
import { ManifestIndex } from './manifest-index';
import { resolveStoreRef } from './stores';

/** One `data[]` or `dataFrom[]` entry of an ES spec, parsed once. */
export interface EsEntryRead {
  /** `data` or `dataFrom`. */
  readonly section: 'data' | 'dataFrom';
  /** Position in its section. */
  readonly i: number;
  /** Field of the entry, e.g. `spec.data[0]`. */
  readonly field: string;
  readonly entry: any;
  /** True when the entry reads from a generator (`sourceRef.generatorRef`): no store. */
  readonly generator: boolean;
  /**
   * The store ref as ESO would follow it, validated (`{name: string, kind?}`): the entry's own
   * `sourceRef.storeRef`, else the spec's `secretStoreRef`. Undefined for generators or invalid refs.
   */
  readonly storeRef?: { name: string; kind?: string };
  /** The store ref as written (`sourceRef.storeRef ?? secretStoreRef`, unvalidated; undefined for generators). */
  readonly rawRef?: any;
}

/** Every entry of one ES / CES spec. */
export interface EsReads {
  readonly es: EsSpec;
  readonly entries: readonly EsEntryRead[];
}

function validRef(ref: any): { name: string; kind?: string } | undefined {
  return isObject(ref) && typeof ref.name === 'string' ? ref as any : undefined;
}

/** The read model of the app (ES specs in `allEsSpecs` order; entries: `data[]` then `dataFrom[]`). */
export function esReads(index: ManifestIndex): EsReads[] {
  return index.memo('external-secrets:reads', () => {
    const out: EsReads[] = [];
    for (const es of allEsSpecs(index)) {
      const entries: EsEntryRead[] = [];
      const spec = es.spec;
      const specRef = spec.secretStoreRef;
      const specValid = validRef(specRef);
      const visit = (section: 'data' | 'dataFrom', list: unknown) => {
        if (!Array.isArray(list)) return;
        for (let i = 0; i < list.length; i++) {
          const entry = list[i];
          const sourceRef = entry?.sourceRef;
          const own = sourceRef?.storeRef;
          const generator = !!sourceRef?.generatorRef;
          const ownValid = validRef(own);
          entries.push({
            section,
            i,
            field: itemField(es.prefix, section, i),
            entry,
            generator,
            // es-model entryStoreRef: a valid own ref wins even next to a generatorRef
            storeRef: ownValid ?? (generator ? undefined : specValid),
            rawRef: generator ? undefined : own ?? specRef,
          });
        }
      };
      visit('data', spec.data);
      visit('dataFrom', spec.dataFrom);
      // slice: an exact-size copy (a list grown by push keeps room for 16 entries, per ExternalSecret)
      out.push({ es, entries: entries.slice() });
    }
    return out;
  }, ES_KINDS);
}

/** A store as an ES/PS consumer resolves it: the object (when the app defines it) and its KV settings. */
export interface ResolvedStore {
  readonly store?: Manifest;
  readonly kv?: KvStore;
}

/**
 * Resolves store refs of ESO consumers (`kind` defaulting to SecretStore; a SecretStore needs a namespace),
 * memoized per run in nested maps (no string keys per lookup).
 */
export function storeResolver(index: ManifestIndex): (kind: string, namespace: string | undefined, name: string) => ResolvedStore {
  const cache = index.memo('external-secrets:store-resolver', () => new Map<string, Map<string | undefined, Map<string, ResolvedStore>>>());
  return (kind, namespace, name) => {
    const ns = kind === 'ClusterSecretStore' ? undefined : namespace;
    let byNs = cache.get(kind);
    if (!byNs) cache.set(kind, (byNs = new Map()));
    let byName = byNs.get(ns);
    if (!byName) byNs.set(ns, (byName = new Map()));
    let r = byName.get(name);
    if (!r) {
      const store = resolveStoreRef(index, { kind, name }, ns || undefined)[0];
      // one object per (kind, namespace, name), so callers may key their own caches on it
      r = { store, kv: store ? kvStoreOf(store) : undefined };
      byName.set(name, r);
    }
    return r;
  };
}
