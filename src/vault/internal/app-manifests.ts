/**
 * Reads the manifests of the whole app at synth time, for constructs whose output is derived from
 * other objects (the derived policy, the namespaces of a referent store's role). Internal.
 */
import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { OPERATOR_GROUP, StoreInfo, XP_POLICY_GROUPS, storeInfo, storeKey, vaultModel } from './model';
import { ISecretStore } from '../../stores/secret-store-ref';
import { SourcedManifest, parseApiVersion } from '../../validation/manifest';
import { ManifestIndex } from '../../validation/manifest-index';
import { synthCache } from '../../validation/synth-cache';

/** Objects whose manifest is being produced right now: never re-entered (no infinite recursion). */
const ACTIVE = new Set<IConstruct>();

function isVaultPolicy(o: ApiObject): boolean {
  if (o.kind !== 'Policy') return false;
  const g = parseApiVersion(o.apiVersion).group;
  return g === OPERATOR_GROUP || XP_POLICY_GROUPS.includes(g);
}

/**
 * Every manifest of the app except `self` and Vault policies (policies never feed a derivation, and
 * skipping them keeps derived policies from resolving each other).
 */
export function appManifests(self: IConstruct): SourcedManifest[] {
  ACTIVE.add(self);
  try {
    const out: SourcedManifest[] = [];
    for (const c of self.node.root.node.findAll()) {
      if (!ApiObject.isApiObject(c) || isVaultPolicy(c) || c.node.scopes.some(s => ACTIVE.has(s))) continue;
      out.push({ manifest: synthCache.resolve(c), constructPath: c.node.path });
    }
    return out;
  } finally {
    ACTIVE.delete(self);
  }
}

/** An index over the app's manifests (see `appManifests`). */
export function appIndex(self: IConstruct): ManifestIndex {
  return new ManifestIndex(appManifests(self));
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
