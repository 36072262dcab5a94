// Internal helper of the Vault/OpenBao-aware ExternalSecret rules: each remote read with its KV store.
import { EsSpec, KvStore, arr, entryStoreRef, firstNamespace, kvStoreOf, resolveStore } from './es-model';
import { ManifestIndex } from '../../manifest-index';

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

/** Every read of every spec that goes to a Vault/OpenBao store of the app, built once per run. */
export function kvReads(index: ManifestIndex, specs: EsSpec[]): KvRead[] {
  return index.memo('external-secrets:kv-reads', () => {
    const out: KvRead[] = [];
    for (const es of specs) {
      const ns = firstNamespace(es);
      const visit = (entry: any, field: string, via: KvRead['via']) => {
        const ref = entryStoreRef(es, entry);
        if (!ref) return;
        const store = kvStoreOf(resolveStore(index, ref, ns));
        if (store) out.push({ es, store, storeName: ref.name, via, field, entry });
      };
      arr(es.spec.data).forEach((d, i) => visit(d, `${es.prefix}.data[${i}]`, 'data'));
      arr(es.spec.dataFrom).forEach((d, i) => {
        if (d?.extract) visit(d, `${es.prefix}.dataFrom[${i}]`, 'extract');
        else if (d?.find) visit(d, `${es.prefix}.dataFrom[${i}]`, 'find');
      });
    }
    return out;
  });
}
