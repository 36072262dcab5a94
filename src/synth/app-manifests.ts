/**
 * Reads the manifests of the whole app at synth time, for constructs whose output is derived from
 * other objects (the derived policy, the namespaces of a referent store's role). Internal.
 */
import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { SynthPass } from './synth-pass';
import { OPERATOR_GROUP, XP_POLICY_GROUPS } from '../model/api';
import { SourcedManifest, parseApiVersion } from '../model/manifest';
import { ManifestIndex } from '../model/manifest-index';
import { StoreInfo, storeInfo, storeKey, vaultModel } from '../model/vault/objects';
import { ISecretStore } from '../refs/secret-store-ref';

/** Objects whose manifest is being produced right now: never re-entered (no infinite recursion). */
const ACTIVE = new Set<IConstruct>();

function isVaultPolicy(o: ApiObject): boolean {
  if (o.kind !== 'Policy') return false;
  const g = parseApiVersion(o.apiVersion).group;
  return g === OPERATOR_GROUP || XP_POLICY_GROUPS.includes(g);
}

function manifestsOf(root: IConstruct, pass: SynthPass | undefined, skip: (c: ApiObject) => boolean): SourcedManifest[] {
  const out: SourcedManifest[] = [];
  for (const c of root.node.findAll()) {
    if (!ApiObject.isApiObject(c) || isVaultPolicy(c) || skip(c)) continue;
    // no constructPath: a derivation reads manifests, it never reports on them (the validation does, with its own)
    out.push({ manifest: pass ? pass.resolve(c) : c.toJson() });
  }
  return out;
}

/**
 * An index over every manifest of the app except Vault policies (policies never feed a derivation, and
 * skipping them keeps derived policies from resolving each other) and except `self`'s own objects.
 * During a synth pass the index is built once and shared by every derivation.
 */
export function appIndex(self: IConstruct): ManifestIndex {
  const root = self.node.root;
  const pass = SynthPass.of(self);
  const ownIndex = () => {
    ACTIVE.add(self);
    try {
      return new ManifestIndex(manifestsOf(root, pass, c => c.node.scopes.some(s => ACTIVE.has(s))));
    } finally {
      ACTIVE.delete(self);
    }
  };
  // derived policies are Vault policies themselves, so the shared index (which has none) never contains them
  if (pass && isPolicyOwner(self)) return pass.baseIndex(() => new ManifestIndex(manifestsOf(root, pass, () => false))) ?? ownIndex();
  return ownIndex();
}

/** True when every ApiObject of `c` is a Vault policy (so the shared index, which skips policies, excludes it). */
function isPolicyOwner(c: IConstruct): boolean {
  const objects = c.node.findAll().filter(ApiObject.isApiObject);
  return objects.length > 0 && objects.every(isVaultPolicy);
}

/** `kind|namespace|name` of a store construct. */
export function storeKeyOf(store: ISecretStore): string {
  let ns = store.storeNamespace;
  if (ns === undefined && store.storeKind !== 'ClusterSecretStore') {
    try {
      ns = Chart.of(store).namespace;
    } catch {
      ns = undefined;
    }
  }
  return storeKey(store.storeKind, ns, store.storeName);
}

/** The store's manifest info from an index of the app, if the store is defined in the app. */
export function storeFromIndex(index: ManifestIndex, store: ISecretStore): StoreInfo | undefined {
  return vaultModel(index).storesByKey.get(storeKeyOf(store));
}

/**
 * The store's manifest read now (for defaults taken at construction: auth role, mount, SA). Looks at
 * the store construct's own ApiObjects first, then at the whole app.
 */
export function storeNow(store: ISecretStore): StoreInfo | undefined {
  const key = storeKeyOf(store);
  const find = (candidates: IConstruct[]) => {
    for (const c of candidates) {
      if (!ApiObject.isApiObject(c) || (c.kind !== 'SecretStore' && c.kind !== 'ClusterSecretStore')) continue;
      if (c.name !== store.storeName) continue;
      const info = storeInfo(c.toJson());
      if (info && info.key === key) return info;
    }
    return undefined;
  };
  // the store's own subtree first: walking the whole app is only needed for stores made of raw ApiObjects
  return find(store.node.findAll()) ?? find(store.node.root.node.findAll());
}
