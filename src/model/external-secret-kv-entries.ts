// Internal helper of the Vault/OpenBao-aware ExternalSecret rules: each remote read with its KV store.
import { esReads, storeResolver } from './external-secret-reads';
import { EsSpec, KvStore, firstNamespace } from './external-secrets';
import { ManifestIndex } from './manifest-index';

/** One remote read of a spec whose store is a Vault/OpenBao store declared in the app. */
export interface KvRead {
  readonly es: EsSpec;
  readonly store: KvStore;
  readonly storeName: string;
  /** `data` / `extract` / `find`. */
  readonly via: 'data' | 'extract' | 'find';
  /** Field of the entry, e.g. `spec.data[0]`. */
  readonly field: string;
  readonly entry: any;
}

/**
 * Every read of every spec that goes to a Vault/OpenBao store of the app, built once per run from the
 * shared read model (`esReads`). `specs` is kept for callers; the model covers every ES / CES spec.
 */
export function kvReads(index: ManifestIndex, _specs?: EsSpec[]): KvRead[] {
  return index.memo('external-secrets:kv-reads', () => {
    const out: KvRead[] = [];
    const resolve = storeResolver(index);
    for (const { es, entries } of esReads(index)) {
      const ns = firstNamespace(es);
      for (const e of entries) {
        let via: KvRead['via'];
        if (e.section === 'data') via = 'data';
        else if (e.entry?.extract) via = 'extract';
        else if (e.entry?.find) via = 'find';
        else continue;
        const ref = e.storeRef;
        if (!ref) continue;
        // es-model resolveStore: only SecretStore (with a namespace) and ClusterSecretStore resolve
        const kind = ref.kind ?? 'SecretStore';
        if (kind !== 'ClusterSecretStore' && !(kind === 'SecretStore' && ns)) continue;
        const store = resolve(kind, ns, ref.name).kv;
        if (store) out.push({ es, store, storeName: ref.name, via, field: e.field, entry: e.entry });
      }
    }
    return out;
  });
}
