/**
 * THE path-derivation module: which Vault API paths, with which capabilities, the ESO objects of an app
 * touch through each store (ExternalSecret, ClusterExternalSecret, PushSecret, ClusterPushSecret) or
 * with their own login (VaultDynamicSecret, ClusterGenerator). Shared by `VaultPolicy.forStore` (to emit
 * the minimal policy) and by ESO-VAULT-POLICY-COVERAGE (to check hand-written policies), so both always
 * agree. Key → path mapping follows ESO v2.9.0 `buildPath` / `buildMetadataPath`
 * (../shared/reference/eso-api.md §9.1); capabilities follow vault-auth.md §4.1–4.2 and eso-api.md §9.2.
 * Internal.
 */
import { StoreRefLike, resolveStoreRef } from '../stores';
import { patternMatches } from './acl';
import { AclRule, mergeRules } from './hcl';
import {
  Login, StoreInfo, VaultModel, VaultProviderInfo, loginKey, providerInfo, vaultModel,
} from './objects';
import { EsEntryRead, esReads } from '../external-secret-reads';
import { fieldName } from '../field-names';
import { ESO_GROUP, GENERATORS_GROUP, Manifest, parseApiVersion } from '../manifest';
import type { ManifestIndex } from '../manifest-index';
import { addTo } from '../multimap';

/** One thing an ESO object does in Vault. */
export interface Access {
  /** The ESO object that causes the call (the finding target). */
  readonly consumer: Manifest;
  /** Field of the consumer that causes it. */
  readonly field: string;
  /** The store it goes through (undefined for generators, which log in themselves). */
  readonly store?: StoreInfo;
  /** The login used (store's or generator's Kubernetes auth). */
  readonly login?: Login;
  /** The key / path as written by the user. */
  readonly key: string;
  /** Vault API path; a trailing `*` means "every path below" (find). */
  readonly path: string;
  readonly capabilities: string[];
  /** What the call is, for messages: "reads", "reads metadata of", "lists", "pushes to", "calls". */
  readonly verb: string;
  /** Mount + section + mount-relative rest, for prefix collapsing (undefined outside KV). */
  readonly kv?: { mount: string; section: string; rel: string };
}

// fast path: nothing to clean (no `//`, no leading `/`) → the same string, no regex
const clean = (p: string) => (p.indexOf('//') < 0 && p.charCodeAt(0) !== 47 ? p : p.replace(/\/{2,}/g, '/').replace(/^\//, ''));

/**
 * Why a key (or path) cannot be written literally into a Vault policy path, or undefined when it can.
 * Vault's policy syntax has no escape: `*` is a prefix glob, a `+` segment matches any one segment, so a
 * key holding them would grant far more than that key; `.`/`..` segments, backslashes and control
 * characters do not name one stable path either.
 */
export function unsafeKeyProblem(key: string): string | undefined {
  if (!UNSAFE_KEY.test(key)) return undefined; // fast path: one test for every literal key
  if (key.indexOf('*') >= 0) return 'contains "*", which a Vault policy path reads as a glob (every path starting with the text before it)';
  if (key.indexOf('+') >= 0) return 'contains "+", which a Vault policy path reads as a wildcard for a whole segment (or refuses inside one)';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(key)) return 'contains a control character';
  if (key.indexOf('\\') >= 0) return 'contains a backslash';
  if (key.split('/').some(s => s === '..' || s === '.')) return 'has a "." or ".." segment';
  return undefined;
}

/** Anything `unsafeKeyProblem` looks for. */
// eslint-disable-next-line no-control-regex
const UNSAFE_KEY = /[*+\\\u0000-\u001f\u007f]|(^|\/)\.\.?(\/|$)/;

/** An access whose key cannot be granted literally (see `unsafeKeyProblem`). */
export interface UnsafeAccess {
  readonly access: Access;
  readonly problem: string;
}

/** The accesses whose keys a derived policy refuses to turn into paths. */
export function unsafeAccesses(accesses: readonly Access[]): UnsafeAccess[] {
  const out: UnsafeAccess[] = [];
  const seen = new Set<string>();
  for (const a of accesses) {
    const problem = unsafeKeyProblem(a.key);
    if (!problem) continue;
    const id = `${a.consumer.kind}|${a.consumer.metadata?.namespace ?? ''}|${a.consumer.metadata?.name ?? ''}|${a.field}|${a.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ access: a, problem });
  }
  return out;
}

/** KV data path of a key (ESO `buildPath`). */
export function dataPath(store: VaultProviderInfo, key: string): { path: string; kv?: Access['kv'] } {
  const mount = store.mount;
  if (mount) {
    let out = key;
    if (out.startsWith(`${mount}/`)) {
      out = out.slice(mount.length + 1);
      if (store.version === 'v2' && out.startsWith('data/')) out = out.slice(5);
    }
    const section = store.version === 'v2' ? 'data' : '';
    const rel = clean(out);
    // = clean([mount, section, rel].filter(s => s !== '').join('/')), without the arrays
    let joined = mount;
    if (section !== '') joined = joined === '' ? section : `${joined}/${section}`;
    if (rel !== '') joined = joined === '' ? rel : `${joined}/${rel}`;
    return { path: clean(joined), kv: { mount, section, rel } };
  }
  if (store.version === 'v2' && !key.includes('/data/')) {
    const [first, ...rest] = key.split('/');
    return { path: clean([first, 'data', ...rest].join('/')) };
  }
  return { path: clean(key) };
}

/** KV v2 metadata path of a key (ESO v2.9.0 `buildMetadataPath`: the key is used verbatim when `path` is set). */
export function metadataPath(store: VaultProviderInfo, key: string): { path: string; kv?: Access['kv'] } | undefined {
  if (store.version === 'v1') return undefined;
  if (store.mount) {
    const rel = clean(key);
    return { path: clean(`${store.mount}/metadata/${rel}`), kv: { mount: store.mount, section: 'metadata', rel } };
  }
  if (!key.includes('data')) return undefined;
  return { path: clean(key.replace('/data/', '/metadata/')) };
}

function subtree(store: VaultProviderInfo, section: string, findPath: string): { path: string; kv: Access['kv'] } {
  const rel = clean(findPath).replace(/\/+$/, '');
  const mount = store.mount!;
  const sec = store.version === 'v2' ? section : '';
  const base = [mount, sec, rel].filter(s => s !== '').join('/');
  return { path: `${base}/*`, kv: { mount, section: sec, rel: rel === '' ? '*' : `${rel}/*` } };
}

/** The Vault stores a consumer's reference resolves to (`resolveStoreRef`, every namespace for cluster-scoped consumers). */
type StoreResolver = (ref: unknown, namespace: string | undefined) => StoreInfo[];

function storeResolverOf(index: ManifestIndex, model: VaultModel): StoreResolver {
  const byManifest = new Map(model.stores.map(s => [s.manifest, s]));
  const NO_STORES: StoreInfo[] = [];
  return (ref, namespace) => {
    const found = resolveStoreRef(index, ref as StoreRefLike, namespace, { anyNamespace: true });
    if (found.length === 0) return NO_STORES;
    const out: StoreInfo[] = [];
    for (const m of found) {
      const info = byManifest.get(m);
      if (info) out.push(info);
    }
    return out;
  };
}

/** Shared by every read access (never mutated). */
const READ: string[] = ['read'];

/** Read accesses of one key; `base` is the field of the ref, e.g. `spec.data[0].remoteRef` (`keyField` = `${base}.key`). */
function readAccesses(out: Access[], consumer: Manifest, base: string, store: StoreInfo, key: string, metadataPolicy: unknown, keyField: string) {
  const d = dataPath(store, key);
  out.push({ consumer, field: keyField, store, login: store.login, key, path: d.path, kv: d.kv, capabilities: READ, verb: 'reads' });
  if (metadataPolicy === 'Fetch') {
    const md = metadataPath(store, key);
    if (md) out.push({ consumer, field: `${base}.metadataPolicy`, store, login: store.login, key, path: md.path, kv: md.kv, capabilities: READ, verb: 'reads metadata of' });
  }
}

function findAccesses(out: Access[], consumer: Manifest, field: string, store: StoreInfo, find: any) {
  if (!store.mount) return; // ESO needs provider.path for find; the stores rules report that
  const p = typeof find.path === 'string' ? find.path : '';
  const hasTags = find.tags && Object.keys(find.tags).length > 0;
  const base = { consumer, store, login: store.login, key: p };
  const list = subtree(store, 'metadata', p);
  out.push({ ...base, field: `${field}${find.path !== undefined ? '.path' : ''}`, path: list.path, kv: list.kv, capabilities: ['list'], verb: 'lists' });
  const data = subtree(store, 'data', p);
  out.push({ ...base, field: `${field}${find.path !== undefined ? '.path' : ''}`, path: data.path, kv: data.kv, capabilities: ['read'], verb: 'reads (keys found by dataFrom.find)' });
  if (hasTags && store.version === 'v2') {
    const md = subtree(store, 'metadata', p);
    out.push({ ...base, field: `${field}.tags`, path: md.path, kv: md.kv, capabilities: ['read'], verb: 'reads metadata of (find.tags)' });
  }
}

/** The accesses of one ES spec's entries (from the shared read model) for a consumer in `namespace`. */
function externalSecretSpec(
  out: Access[], resolveStores: StoreResolver, consumer: Manifest, entries: readonly EsEntryRead[], namespace: string | undefined,
) {
  for (const e of entries) {
    if (e.generator) continue;
    const d = e.entry;
    const stores = resolveStores(e.rawRef, namespace);
    if (stores.length === 0) continue;
    if (e.section === 'data') {
      const rr = d?.remoteRef;
      const key = rr?.key;
      if (typeof key !== 'string' || key === '') continue;
      const base = fieldName(e.field, '.remoteRef');
      const keyField = fieldName(base, '.key');
      for (const store of stores) readAccesses(out, consumer, base, store, key, rr.metadataPolicy, keyField);
    } else {
      for (const store of stores) {
        const key = d?.extract?.key;
        if (d?.extract && typeof key === 'string' && key !== '') {
          const base = fieldName(e.field, '.extract');
          readAccesses(out, consumer, base, store, key, d.extract.metadataPolicy, fieldName(base, '.key'));
        }
        if (d?.find) findAccesses(out, consumer, `${e.field}.find`, store, d.find);
      }
    }
  }
}

function pushAccesses(out: Access[], consumer: Manifest, field: string, store: StoreInfo, key: unknown, deleteToo: boolean) {
  if (typeof key !== 'string' || key === '') return;
  const caps = ['create', 'read', 'update', ...(deleteToo ? ['delete'] : [])];
  const d = dataPath(store, key);
  out.push({ consumer, field, store, login: store.login, key, path: d.path, kv: d.kv, capabilities: caps, verb: 'pushes to' });
  const md = metadataPath(store, key);
  if (md) out.push({ consumer, field, store, login: store.login, key, path: md.path, kv: md.kv, capabilities: caps, verb: 'writes the managed-by marker to' });
}

function pushSecretSpec(out: Access[], resolveStores: StoreResolver, consumer: Manifest, spec: any, prefix: string, namespace: string | undefined) {
  if (!spec) return;
  const deleteToo = spec.deletionPolicy === 'Delete';
  const stores = (Array.isArray(spec.secretStoreRefs) ? spec.secretStoreRefs : []).flatMap((r: any) => resolveStores(r, namespace));
  (Array.isArray(spec.data) ? spec.data : []).forEach((d: any, i: number) => {
    for (const store of stores) {
      pushAccesses(out, consumer, `${prefix}.data[${i}].match.remoteRef.remoteKey`, store, d?.match?.remoteRef?.remoteKey, deleteToo);
    }
  });
  (Array.isArray(spec.dataTo) ? spec.dataTo : []).forEach((d: any, i: number) => {
    // dataTo without remoteKey pushes each source key under its own (possibly rewritten) name: not derivable.
    for (const store of resolveStores(d?.storeRef, namespace)) {
      pushAccesses(out, consumer, `${prefix}.dataTo[${i}].remoteKey`, store, d?.remoteKey, deleteToo);
    }
  });
}

/** Capabilities of a VaultDynamicSecret call (ESO generators/v1/vault: GET/empty → read, LIST, DELETE, else write). */
export function dynamicSecretCapabilities(method: unknown): string[] {
  const m = typeof method === 'string' ? method.toUpperCase() : '';
  if (m === '' || m === 'GET') return ['read'];
  if (m === 'LIST') return ['list'];
  if (m === 'DELETE') return ['delete'];
  return ['create', 'update'];
}

function dynamicSecret(out: Access[], consumer: Manifest, spec: any, prefix: string) {
  if (!spec || typeof spec.path !== 'string' || spec.path === '') return;
  const info = providerInfo(spec.provider, `${prefix}.provider`, true);
  if (!info) return;
  const caps = dynamicSecretCapabilities(spec.method);
  let path = clean(spec.path);
  if (caps[0] === 'list' && !path.endsWith('/')) path = `${path}/`;
  out.push({
    consumer,
    field: `${prefix}.path`,
    login: info.login,
    key: spec.path,
    path,
    capabilities: caps,
    verb: `calls (method ${typeof spec.method === 'string' && spec.method ? spec.method : 'GET'})`,
  });
}

/** The kinds accesses are derived from. */
const ACCESS_KINDS = ['ExternalSecret', 'ClusterExternalSecret', 'PushSecret', 'ClusterPushSecret', 'VaultDynamicSecret', 'ClusterGenerator',
  'SecretStore', 'ClusterSecretStore'];

/** Every access of the app (built once per validation run). */
export function appAccesses(index: ManifestIndex): Access[] {
  // a pure function of these kinds: the validation index of a synth pass reuses the derived policies' value
  return index.memo('vault.accesses', () => {
    const model = vaultModel(index);
    const resolve = storeResolverOf(index, model);
    const out: Access[] = [];
    // ExternalSecrets, then ClusterExternalSecrets (the shared read model's order)
    for (const { es, entries } of esReads(index)) {
      const m = es.manifest;
      if (entries.length === 0) continue;
      if (m.kind === 'ExternalSecret') {
        externalSecretSpec(out, resolve, m, entries, m.metadata?.namespace ?? 'default');
        continue;
      }
      const nss: string[] | undefined = Array.isArray(m.spec?.namespaces) && m.spec.namespaces.length
        && !m.spec?.namespaceSelectors && !m.spec?.namespaceSelector ? m.spec.namespaces : undefined;
      if (nss) for (const ns of nss) externalSecretSpec(out, resolve, m, entries, ns);
      else externalSecretSpec(out, resolve, m, entries, undefined);
    }
    for (const m of index.ofKind('PushSecret', ESO_GROUP)) pushSecretSpec(out, resolve, m, m.spec, 'spec', m.metadata?.namespace ?? 'default');
    for (const m of index.ofKind('ClusterPushSecret', ESO_GROUP)) pushSecretSpec(out, resolve, m, m.spec?.pushSecretSpec, 'spec.pushSecretSpec', undefined);
    for (const m of index.ofKind('VaultDynamicSecret', GENERATORS_GROUP)) dynamicSecret(out, m, m.spec, 'spec');
    for (const m of index.ofKind('ClusterGenerator', GENERATORS_GROUP)) {
      if (m.spec?.kind === 'VaultDynamicSecret') dynamicSecret(out, m, m.spec?.generator?.vaultDynamicSecretSpec, 'spec.generator.vaultDynamicSecretSpec');
    }
    return dedupe(out);
  }, ACCESS_KINDS);
}

function sameCapabilities(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Drops repeated accesses (a CES over several namespaces, or a PushSecret naming one store twice, repeats
 * the same access): same consumer (kind, namespace, name), field, store, path and capabilities; the first
 * one stays. Consumers are grouped by identity first, so no key string is built per access.
 */
function dedupe(all: Access[]): Access[] {
  const kept: Access[] = [];
  // kind -> namespace -> name -> kept accesses of that consumer (plus a key set once the list grows)
  const byConsumer = new Map<string, Map<string, Map<string, { list: Access[]; keys?: Set<string> }>>>();
  const part = (x: unknown) => (x === undefined || x === null ? '' : String(x));
  const keyOf = (a: Access) => [a.field, a.store?.key, a.path, a.capabilities.join(',')].join('|');
  for (const a of all) {
    const c = a.consumer;
    const md = c.metadata;
    const kind = part(c.kind);
    const ns = part(md?.namespace);
    const name = part(md?.name);
    let byNs = byConsumer.get(kind);
    if (!byNs) byConsumer.set(kind, (byNs = new Map()));
    let byName = byNs.get(ns);
    if (!byName) byNs.set(ns, (byName = new Map()));
    let group = byName.get(name);
    if (!group) byName.set(name, (group = { list: [] }));
    if (group.keys) {
      const k = keyOf(a);
      if (group.keys.has(k)) continue;
      group.keys.add(k);
    } else {
      let dup = false;
      for (const b of group.list) {
        if (b.path === a.path && b.field === a.field && b.store?.key === a.store?.key && sameCapabilities(b.capabilities, a.capabilities)) {
          dup = true;
          break;
        }
      }
      if (dup) continue;
      if (group.list.length >= 16) group.keys = new Set([...group.list, a].map(keyOf));
    }
    group.list.push(a);
    kept.push(a);
  }
  return kept;
}

/** Accesses that a store's login must allow: through the store, plus generators logging in with the same role. */
export function accessesForStore(index: ManifestIndex, store: StoreInfo): Access[] {
  const lk = store.login ? loginKey(store.login) : undefined;
  return appAccesses(index).filter(a => (a.store ? a.store.key === store.key : lk !== undefined && !!a.login && loginKey(a.login) === lk));
}

/** Grants ESO needs when the role drops Vault's `default` policy (vault-auth.md §4.2 F). */
export const TOKEN_SELF_RULES: AclRule[] = [
  { path: 'auth/token/lookup-self', capabilities: ['read'] },
  { path: 'auth/token/revoke-self', capabilities: ['update'] },
];

/** How derived paths are widened. */
export interface CollapseSpec {
  readonly mode: 'exact' | 'common-prefix' | 'under';
  readonly prefixes?: readonly string[];
}

const WIDENABLE = new Set(['read', 'list']);

/** One path's capabilities (a list without repeats: a handful at most, and 10 000 paths would be 10 000 Sets). */
interface Req { path: string; caps: string[]; kv?: Access['kv'] }

function widen(reqs: Req[], collapse: CollapseSpec): Req[] {
  if (collapse.mode === 'exact') return reqs;
  const keep: Req[] = [];
  const widened: Req[] = [];
  const canWiden = (r: Req) => !!r.kv && r.caps.every(c => WIDENABLE.has(c));
  const globOf = (kv: NonNullable<Req['kv']>, prefix: string) => [kv.mount, kv.section, prefix].filter(s => s !== '').join('/') + '/*';
  if (collapse.mode === 'under') {
    const prefixes = (collapse.prefixes ?? []).map(p => clean(p).replace(/\/+$/, '')).filter(Boolean);
    for (const r of reqs) {
      const relBase = r.kv?.rel.replace(/\/?\*$/, '') ?? '';
      const p = canWiden(r) ? prefixes.find(x => relBase.startsWith(`${x}/`) || (r.kv!.rel.endsWith('*') && relBase === x)) : undefined;
      if (p) widened.push({ path: globOf(r.kv!, p), caps: r.caps });
      else keep.push(r);
    }
  } else {
    const groups = new Map<string, Req[]>();
    for (const r of reqs) {
      if (!canWiden(r)) { keep.push(r); continue; }
      const g = `${r.kv!.mount}|${r.kv!.section}|${[...r.caps].sort().join(',')}`;
      addTo(groups, g, r);
    }
    for (const group of groups.values()) {
      if (group.length < 2) { keep.push(...group); continue; }
      // folder segments only: an exact key's last segment is the key itself (`a/b/*` does not match `a/b`)
      const folders = group.map(r => {
        const glob = r.kv!.rel.endsWith('*');
        const segs = r.kv!.rel.replace(/\/?\*$/, '').split('/').filter(Boolean);
        return glob ? segs : segs.slice(0, -1);
      });
      const common: string[] = [];
      const max = Math.min(...folders.map(f => f.length));
      for (let i = 0; i < max && folders.every(f => f[i] === folders[0][i]); i++) common.push(folders[0][i]);
      if (common.length === 0) { keep.push(...group); continue; }
      widened.push({ path: globOf(group[0].kv!, common.join('/')), caps: [...new Set(group.flatMap(r => r.caps))] });
    }
  }
  return [...keep, ...widened];
}

/**
 * The minimal rules for a set of accesses: exact paths unless `collapse` widens read/list requirements
 * (write grants are never widened). Rules below a broader rule inherit its capabilities, so Vault's
 * "most specific pattern wins" never takes access away. Sorted by path.
 */
export function deriveRules(accesses: readonly Access[], collapse: CollapseSpec, extra: readonly AclRule[] = []): AclRule[] {
  const byPath = new Map<string, Req>();
  const add = (raw: string, caps: readonly string[], kv?: Access['kv']) => {
    const path = raw.charCodeAt(0) === 47 /* / */ ? raw.slice(1) : raw; // as mergeRules keys them
    let r = byPath.get(path);
    if (!r) byPath.set(path, (r = { path, caps: [], kv }));
    for (const c of caps) if (!r.caps.includes(c)) r.caps.push(c);
  };
  // a key that is not literal never becomes a path (VaultPolicy refuses it at synth, see unsafeAccesses)
  for (const a of accesses) if (unsafeKeyProblem(a.key) === undefined) add(a.path, a.capabilities, a.kv);
  for (const r of extra) add(r.path, r.capabilities);
  const reqs = [...byPath.values()];
  const widened = widen(reqs, collapse);
  // exact keys: one req per path already, so mergeRules would only sort (10 000 paths are not copied twice)
  const rules = widened === reqs
    ? reqs.map(r => ({ path: r.path, capabilities: r.caps.sort().slice() }))
    : mergeRules(widened.map(r => ({ path: r.path, capabilities: r.caps })));
  // inheritance: a more specific rule shadows a broader one in Vault, so give it the broader one's grants
  // Only glob rules can shadow others: compare against those (usually few), not every pair of rules.
  const globs = rules.filter(s => s.path.endsWith('*'));
  const out = globs.length === 0 ? rules : rules.map(r => {
    const caps = new Set(r.capabilities);
    const isGlob = r.path.endsWith('*');
    for (const s of globs) {
      if (s === r) continue;
      if (!isGlob && patternMatches(s.path, r.path)) s.capabilities.filter(c => c !== 'list').forEach(c => caps.add(c));
      if (isGlob && s.path.length < r.path.length && r.path.startsWith(s.path.slice(0, -1))) s.capabilities.forEach(c => caps.add(c));
    }
    return { path: r.path, capabilities: [...caps].sort() };
  });
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Consumers that present a referent ClusterSecretStore's SA: namespaces of its ES/PS (CES: listed namespaces). */
export function consumerNamespaces(index: ManifestIndex, store: StoreInfo): { namespaces: string[]; unknown: boolean } {
  const nss = new Set<string>();
  let unknown = false;
  for (const a of appAccesses(index)) {
    if (a.store?.key !== store.key) continue;
    const k = a.consumer.kind;
    if (k === 'ExternalSecret' || k === 'PushSecret') nss.add(a.consumer.metadata?.namespace ?? 'default');
    else if (k === 'ClusterExternalSecret' && Array.isArray(a.consumer.spec?.namespaces) && !a.consumer.spec?.namespaceSelectors) a.consumer.spec.namespaces.forEach((n: string) => nss.add(n));
    else unknown = true;
  }
  return { namespaces: [...nss].sort(), unknown };
}

/** `apiVersion` group of a manifest (shortcut). */
export function groupOf(m: Manifest): string {
  return parseApiVersion(m.apiVersion).group;
}
