/** Helpers shared by the vault rules (internal). */
import { appAccesses, consumerNamespaces } from './derive';
import { RoleInfo, StoreInfo, loginKey, vaultModel } from './objects';
import type { ManifestIndex } from '../manifest-index';

export const VAULT_CONFIG_GROUPS = [
  'redhatcop.redhat.io', 'kubernetes.vault.m.upbound.io', 'kubernetes.vault.upbound.io',
  'vault.vault.m.upbound.io', 'vault.vault.upbound.io',
];

/** `[a, b]` for messages. */
export function list(xs: readonly string[]): string {
  return `[${xs.join(', ')}]`;
}

/** A service account a store presents to Vault. */
export interface Identity {
  readonly name: string;
  readonly namespace: string;
  /** Set for referent auth: the namespace comes from this consumer namespace. */
  readonly referent: boolean;
}

/**
 * The (SA, namespace) pairs a store logs in with (pitfalls.md P13): the SA of `serviceAccountRef` in
 * the store's namespace (SecretStore), in `serviceAccountRef.namespace` (ClusterSecretStore), or — for
 * a ClusterSecretStore without it (referent auth) — in every namespace that uses the store. `known` is
 * false when the identity cannot be computed (controller token, secretRef, unknown consumers).
 */
export function presentedIdentities(index: ManifestIndex, store: StoreInfo): { identities: Identity[]; known: boolean } {
  const ref = store.serviceAccount;
  if (!ref) return { identities: [], known: false };
  if (store.kind === 'SecretStore') {
    return { identities: [{ name: ref.name, namespace: store.namespace ?? 'default', referent: false }], known: true };
  }
  if (ref.namespace) return { identities: [{ name: ref.name, namespace: ref.namespace, referent: false }], known: true };
  const c = consumerNamespaces(index, store);
  return { identities: c.namespaces.map(ns => ({ name: ref.name, namespace: ns, referent: true })), known: !c.unknown };
}

/** Roles of the app that ESO logs in with (stores and VaultDynamicSecrets), by login key. */
export function esoRoles(index: ManifestIndex): Map<RoleInfo, Set<string>> {
  return index.memo('vault.esoRoles', () => {
    const model = vaultModel(index);
    const out = new Map<RoleInfo, Set<string>>();
    const add = (key: string, via: string) => {
      for (const r of model.rolesByLogin.get(key) ?? []) (out.get(r) ?? out.set(r, new Set()).get(r)!).add(via);
    };
    for (const s of model.stores) if (s.login) add(loginKey(s.login), `store "${s.name}"`);
    for (const a of appAccesses(index)) if (!a.store && a.login) add(loginKey(a.login), `${a.consumer.kind} "${a.consumer.metadata?.name}"`);
    return out;
  });
}
