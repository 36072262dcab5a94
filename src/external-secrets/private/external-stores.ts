// Internal: records stores made elsewhere (imported by name) in an annotation the rules read.
import { ApiObject } from 'cdk8s';
import { ISecretStore } from '../../refs/secret-store-ref';
import { ExternalSecretAnnotations } from '../annotations';

/** True when the store is not synthesized by this app (no ApiObject under it). */
function isImported(store: ISecretStore): boolean {
  return !store.node.findAll().some(c => ApiObject.isApiObject(c));
}

/** Keeps the external-stores annotation of `obj` up to date with the stores it reads from. */
export class ExternalStores {
  /** Made for the first imported store (most ExternalSecrets read from a store of the app: none). */
  private refs?: Set<string>;

  constructor(private readonly obj: ApiObject) {}

  public note(...stores: Array<ISecretStore | undefined>): void {
    let changed = false;
    for (const s of stores) {
      if (!s || !isImported(s)) continue;
      const ref = `${s.storeKind}/${s.storeName}`;
      this.refs ??= new Set<string>();
      if (!this.refs.has(ref)) {
        this.refs.add(ref);
        changed = true;
      }
    }
    if (changed) this.obj.metadata.addAnnotation(ExternalSecretAnnotations.EXTERNAL_STORES, [...this.refs!].sort().join(','));
  }
}
