// Stores: how ESO consumers resolve a store reference (one resolution for the rules and the Vault derivation),
// one identity format, and readers of store manifests.
import { ESO_GROUP } from './api';
import { isObject } from './json';
import { labelSelectorMatches } from './label-selector';
import { Manifest } from './manifest';
import { ManifestIndex } from './manifest-index';
export { isObject };

/** Identity of a store, the one format used everywhere: `kind|namespace|name` (no namespace for a ClusterSecretStore). */
export function storeKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}|${kind === 'ClusterSecretStore' ? '' : (namespace ?? '')}|${name}`;
}

/** A `secretStoreRef` / `storeRef` as manifests hold it (values unchecked). */
export interface StoreRefLike {
  readonly name?: unknown;
  readonly kind?: unknown;
  readonly labelSelector?: unknown;
}

export interface ResolveStoreOptions {
  /**
   * How a SecretStore reference resolves for a consumer whose namespace is not known (a ClusterExternalSecret
   * or ClusterPushSecret over selected namespaces): `true` → the SecretStores of every namespace (what the
   * derived Vault policy must cover), `false` → none (a rule cannot judge).
   * @default false
   */
  readonly anyNamespace?: boolean;
}

const NONE: Manifest[] = [];

/**
 * The store objects of the app a consumer's reference resolves to, as ESO resolves it: `kind` defaults to
 * SecretStore; a SecretStore is looked up in the consumer's `namespace`, a ClusterSecretStore cluster-wide;
 * `name` wins over `labelSelector`. The returned lists are shared: never mutate them.
 */
export function resolveStoreRef(
  index: ManifestIndex, ref: StoreRefLike | undefined, namespace: string | undefined, options: ResolveStoreOptions = {},
): Manifest[] {
  if (!isObject(ref)) return NONE;
  const kind = typeof ref.kind === 'string' && ref.kind ? ref.kind : 'SecretStore';
  const cluster = kind === 'ClusterSecretStore';
  if (typeof ref.name === 'string' && ref.name) {
    const name = ref.name;
    if (cluster || namespace !== undefined) return named(index, kind, cluster ? undefined : namespace, name);
    if (!options.anyNamespace) return NONE;
    return index.ofKind(kind, ESO_GROUP).filter(s => s.metadata?.name === name);
  }
  if (isObject(ref.labelSelector)) {
    const all = index.ofKind(kind, ESO_GROUP);
    const visible = cluster || (namespace === undefined && options.anyNamespace) ? all
      : namespace === undefined ? NONE : all.filter(s => s.metadata?.namespace === namespace);
    return visible.filter(s => labelSelectorMatches(ref.labelSelector, s.metadata?.labels));
  }
  return NONE;
}

/** `[store]` or `[]` for a named ref, memoized per index in nested maps (no key string built per lookup). */
function named(index: ManifestIndex, kind: string, namespace: string | undefined, name: string): Manifest[] {
  const cache = index.memo('stores:named', () => new Map<string, Map<string | undefined, Map<string, Manifest[]>>>());
  let byNs = cache.get(kind);
  if (!byNs) cache.set(kind, (byNs = new Map()));
  let byName = byNs.get(namespace);
  if (!byName) byNs.set(namespace, (byName = new Map()));
  let found = byName.get(name);
  if (!found) {
    const s = index.get(ESO_GROUP, kind, namespace, name);
    found = s ? [s] : NONE;
    byName.set(name, found);
  }
  return found;
}

export const STORE_KINDS = ['SecretStore', 'ClusterSecretStore'];
export const ESO_GROUPS = [ESO_GROUP];

export function isClusterStore(m: Manifest): boolean {
  return m.kind === 'ClusterSecretStore';
}

/**
 * Calls `visit` for every entry of every `spec.conditions[].namespaceRegexes[]` of a store, with its field
 * path (`spec.conditions[i].namespaceRegexes[j]`).
 */
export function forEachNamespaceRegex(m: Manifest, visit: (regex: unknown, field: string) => void): void {
  const conditions = m.spec?.conditions;
  if (!Array.isArray(conditions)) return;
  conditions.forEach((c: any, i: number) => {
    const regexes = c?.namespaceRegexes;
    if (!Array.isArray(regexes)) return;
    regexes.forEach((r: unknown, j: number) => visit(r, `spec.conditions[${i}].namespaceRegexes[${j}]`));
  });
}

/** A Vault-API provider block of a store: `spec.provider.vault` or `spec.provider.openBao`. */
export interface VaultBlock {
  readonly key: 'vault' | 'openBao';
  readonly spec: Record<string, any>;
  /** `spec.provider.vault` / `spec.provider.openBao`. */
  readonly field: string;
}

/** The Vault-API provider blocks of a store (`vault`, `openBao`). */
export function vaultBlocks(m: Manifest, keys: ReadonlyArray<'vault' | 'openBao'> = ['vault', 'openBao']): VaultBlock[] {
  const provider = m.spec?.provider;
  if (!isObject(provider)) return [];
  const out: VaultBlock[] = [];
  for (const key of keys) {
    if (isObject(provider[key])) out.push({ key, spec: provider[key], field: `spec.provider.${key}` });
  }
  return out;
}

/** A reference to a Secret or service account inside a provider block. */
export interface ProviderRef {
  /** JSON path relative to the provider block, e.g. `auth.kubernetes.serviceAccountRef`. */
  readonly path: string;
  readonly ref: Record<string, any>;
  readonly kind: 'secret' | 'serviceAccount';
}

/** Every reference ESO namespace-checks (V-1, V-3, V-5, V-6, V-8) plus the openBao equivalents. */
export function providerRefs(block: VaultBlock): ProviderRef[] {
  const out: ProviderRef[] = [];
  const add = (path: string, kind: 'secret' | 'serviceAccount') => {
    let cur: any = block.spec;
    for (const p of path.split('.')) cur = isObject(cur) ? cur[p] : undefined;
    if (isObject(cur)) out.push({ path, ref: cur, kind });
  };
  add('auth.tokenSecretRef', 'secret');
  add('auth.appRole.secretRef', 'secret');
  add('auth.appRole.roleRef', 'secret');
  add('auth.userPass.secretRef', 'secret');
  if (block.key === 'vault') {
    add('auth.kubernetes.serviceAccountRef', 'serviceAccount');
    add('auth.kubernetes.secretRef', 'secret');
    add('auth.ldap.secretRef', 'secret');
    add('auth.jwt.secretRef', 'secret');
    add('auth.jwt.kubernetesServiceAccountToken.serviceAccountRef', 'serviceAccount');
    add('auth.cert.clientCert', 'secret');
    add('auth.cert.secretRef', 'secret');
    add('auth.iam.jwt.serviceAccountRef', 'serviceAccount');
    add('auth.iam.secretRef.accessKeyIDSecretRef', 'secret');
    add('auth.iam.secretRef.secretAccessKeySecretRef', 'secret');
    add('auth.iam.secretRef.sessionTokenSecretRef', 'secret');
    add('tls.certSecretRef', 'secret');
    add('tls.keySecretRef', 'secret');
  }
  return out;
}

/** The auth methods ESO knows per provider, in ESO's own priority order. */
export const VAULT_AUTH_METHODS = ['tokenSecretRef', 'appRole', 'kubernetes', 'ldap', 'userPass', 'jwt', 'cert', 'iam', 'gcp'];
export const OPENBAO_AUTH_METHODS = ['appRole', 'tokenSecretRef', 'userPass'];

/** Auth methods set in a provider block's `auth` (order of ESO's priority). */
export function authMethods(block: VaultBlock): string[] {
  const auth = block.spec.auth;
  if (!isObject(auth)) return [];
  const known = block.key === 'vault' ? VAULT_AUTH_METHODS : OPENBAO_AUTH_METHODS;
  return known.filter(k => auth[k] !== undefined && auth[k] !== null);
}

/** Splits a server URL into scheme and the rest (undefined when there is no `scheme://`). */
export function serverScheme(server: unknown): string | undefined {
  if (typeof server !== 'string') return undefined;
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(server.trim());
  return m ? m[1].toLowerCase() : undefined;
}
