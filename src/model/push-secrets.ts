// Shared, internal helpers of the PushSecret rules (not a rule; not re-exported from the package).
import { READ_ONLY_ANNOTATION } from './api';
import { ResolvedStore, esReads, storeResolver } from './external-secret-reads';
import { EsSpec, arr, creationPolicyOf, esSpecsByTargetName, isSecretTarget, kvStoreOf, producedKeys, targetNameOf } from './external-secrets';
import { clusterGeneratorSpecField } from './generator-kinds';
import { isObject } from './json';
import { ESO_GROUP, GENERATORS_GROUP, Manifest, displayName, parseApiVersion } from './manifest';
import { ManifestIndex } from './manifest-index';
import { addTo } from './multimap';
import { resolveStoreRef, storeKey } from './stores';
export { isObject };

/** A PushSecret spec: a PushSecret's `spec`, or a ClusterPushSecret's `pushSecretSpec`. */
export interface PsSpec {
  readonly manifest: Manifest;
  readonly spec: Record<string, any>;
  /** `spec` or `spec.pushSecretSpec`. */
  readonly prefix: string;
  /** Namespace of the PushSecret (undefined for a ClusterPushSecret: it fans out). */
  readonly namespace?: string;
  /** `PushSecret "ns/name"` / `ClusterPushSecret "name"`. */
  readonly label: string;
}

export function psSpecOf(m: Manifest): PsSpec | undefined {
  if (parseApiVersion(m.apiVersion).group !== ESO_GROUP) return undefined;
  if (m.kind === 'PushSecret') {
    return { manifest: m, spec: isObject(m.spec) ? m.spec : {}, prefix: 'spec', namespace: m.metadata?.namespace, label: `PushSecret "${displayName(m)}"` };
  }
  if (m.kind === 'ClusterPushSecret') {
    const s = isObject(m.spec?.pushSecretSpec) ? m.spec.pushSecretSpec : {};
    return { manifest: m, spec: s, prefix: 'spec.pushSecretSpec', namespace: undefined, label: `ClusterPushSecret "${displayName(m)}"` };
  }
  return undefined;
}

/** Every PS / CPS spec of the app, in input order, built once per run. */
export function allPsSpecs(index: ManifestIndex): PsSpec[] {
  return index.memo('push-secrets:specs', () => {
    const out: PsSpec[] = [];
    for (const item of index.items) {
      const s = psSpecOf(item.manifest);
      if (s) out.push(s);
    }
    return out;
  });
}

/** `store "name"` for messages. */
export function storeLabel(kind: string, name: string): string {
  return `${kind} "${name}"`;
}

/** True when a store manifest carries the read-only (replica) annotation. */
export function isReadOnly(store: Manifest | undefined): boolean {
  return store?.metadata?.annotations?.[READ_ONLY_ANNOTATION] === 'true';
}

/** One store a PushSecret writes to, from one `secretStoreRefs[]` entry. */
export interface StoreTarget {
  /** Field of the ref, e.g. `spec.secretStoreRefs[0]`. */
  readonly field: string;
  readonly kind: string;
  readonly name: string;
  readonly id: string;
  /** The store object, when the app defines it. */
  readonly store?: Manifest;
  /** True when the store was selected by label. */
  readonly viaSelector: boolean;
}

/** Resolves one store ref (`{name|labelSelector, kind}`, kind defaulting to SecretStore) of a PS spec. */
export function resolveRef(index: ManifestIndex, ps: PsSpec, ref: any, field: string): StoreTarget[] {
  if (!isObject(ref)) return [];
  const kind = typeof ref.kind === 'string' && ref.kind ? ref.kind : 'SecretStore';
  if (typeof ref.name === 'string' && ref.name) {
    const ns = kind === 'ClusterSecretStore' ? undefined : ps.namespace;
    const store = resolveStoreRef(index, ref, ps.namespace)[0];
    return [{ field, kind, name: ref.name, id: storeKey(kind, ns, ref.name), store, viaSelector: false }];
  }
  return resolveStoreRef(index, ref, ps.namespace)
    .map(s => ({ field, kind, name: s.metadata?.name ?? '', id: storeKey(kind, s.metadata?.namespace, s.metadata?.name ?? ''), store: s, viaSelector: true }));
}

/** Every store a PS spec writes to (its `secretStoreRefs`), memoized per spec. */
export function storeTargets(index: ManifestIndex, ps: PsSpec): StoreTarget[] {
  const memo = index.memo('push-secrets:targets', () => new Map<PsSpec, StoreTarget[]>());
  let t = memo.get(ps);
  if (!t) {
    t = arr(ps.spec.secretStoreRefs).flatMap((ref, i) => resolveRef(index, ps, ref, `${ps.prefix}.secretStoreRefs[${i}]`));
    memo.set(ps, t);
  }
  return t;
}

/**
 * A remote key as the Vault provider's data path sees it: without a leading `/`, without the mount
 * prefix ESO strips (`<path>/`), and on KV v2 without the `data/` that follows it. Other providers: as is.
 */
export function normalizeKey(key: string, store: Manifest | undefined): string {
  const kv = kvStoreOf(store);
  let k = key.charCodeAt(0) === 47 ? key.replace(/^\/+/, '') : key;
  if (!kv) return k;
  // = k.startsWith(`${kv.mount}/`), without building the prefix per key
  if (kv.mount && k.length > kv.mount.length && k.charCodeAt(kv.mount.length) === 47 && k.startsWith(kv.mount)) {
    k = k.slice(kv.mount.length + 1);
    if (kv.version === 'v2' && k.startsWith('data/')) k = k.slice('data/'.length);
  }
  return k;
}

/** One remote write of a PushSecret: one `data[]` (or `dataTo[]` with remoteKey) entry × one target store. */
export interface PushWrite {
  readonly ps: PsSpec;
  readonly target: StoreTarget;
  /** Field of the remote key, e.g. `spec.data[0].match.remoteRef.remoteKey`. */
  readonly field: string;
  /** Field of the entry, e.g. `spec.data[0]`. */
  readonly entryField: string;
  readonly remoteKey: string;
  /** Normalized key (see normalizeKey). */
  readonly key: string;
  readonly property?: string;
  /** Source key (undefined: the whole Secret). */
  readonly secretKey?: string;
  readonly dataTo: boolean;
}

/** Every remote write of the app, built once per run. */
export function allPushWrites(index: ManifestIndex): PushWrite[] {
  return index.memo('push-secrets:writes', () => {
    const out: PushWrite[] = [];
    for (const ps of allPsSpecs(index)) {
      const targets = storeTargets(index, ps);
      arr(ps.spec.data).forEach((d, i) => {
        const rr = d?.match?.remoteRef;
        if (!isObject(rr) || typeof rr.remoteKey !== 'string' || !rr.remoteKey) return;
        const property = typeof rr.property === 'string' && rr.property ? rr.property : undefined;
        const secretKey = typeof d.match.secretKey === 'string' && d.match.secretKey ? d.match.secretKey : undefined;
        for (const target of targets) {
          out.push({
            ps,
            target,
            field: `${ps.prefix}.data[${i}].match.remoteRef.remoteKey`,
            entryField: `${ps.prefix}.data[${i}]`,
            remoteKey: rr.remoteKey,
            key: normalizeKey(rr.remoteKey, target.store),
            property,
            secretKey,
            dataTo: false,
          });
        }
      });
      arr(ps.spec.dataTo).forEach((d, i) => {
        if (typeof d?.remoteKey !== 'string' || !d.remoteKey) return;
        const ids = new Set(resolveRef(index, ps, d.storeRef, '').map(t => t.id));
        for (const target of targets.filter(t => ids.has(t.id))) {
          out.push({
            ps,
            target,
            field: `${ps.prefix}.dataTo[${i}].remoteKey`,
            entryField: `${ps.prefix}.dataTo[${i}]`,
            remoteKey: d.remoteKey,
            key: normalizeKey(d.remoteKey, target.store),
            dataTo: true,
          });
        }
      });
    }
    return out;
  });
}

/** The writes of one PS / CPS manifest. */
export function writesOf(index: ManifestIndex, m: Manifest): PushWrite[] {
  const byManifest = index.memo('push-secrets:writes-by-manifest', () => {
    const map = new Map<Manifest, PushWrite[]>();
    for (const w of allPushWrites(index)) addTo(map, w.ps.manifest, w);
    return map;
  });
  return byManifest.get(m) ?? [];
}

/** One remote read of an ExternalSecret (data[].remoteRef or dataFrom[].extract). */
export interface EsRead {
  readonly es: EsSpec;
  readonly field: string;
  readonly storeKind: string;
  readonly storeName: string;
  readonly storeId: string;
  readonly store?: Manifest;
  readonly key: string;
  readonly property?: string;
  /** Namespace of the produced Secret (undefined when not known). */
  readonly targetNamespace?: string;
  readonly targetName: string;
  /** False when the ExternalSecret writes another kind (`target.manifest`): `targetName` is then no Secret. */
  readonly targetIsSecret: boolean;
}

/** Every remote read of the app's ExternalSecrets (and ClusterExternalSecrets), built once per run from the shared read model. */
export function allEsReads(index: ManifestIndex): EsRead[] {
  return index.memo('push-secrets:es-reads', () => esReadsOf(index));
}

/** The remote reads of the app's ES / CES specs; with `keys`, only those of a normalized key in it. */
function esReadsOf(index: ManifestIndex, keys?: ReadonlySet<string>): EsRead[] {
  const out: EsRead[] = [];
  const resolve = storeResolver(index);
  const ids = new Map<ResolvedStore, string>();
  for (const { es, entries } of esReads(index)) {
    const namespaces: Array<string | undefined> = es.namespaces.length ? es.namespaces : [undefined];
    let targetName: string | undefined;
    for (const e of entries) {
      const ref = e.storeRef;
      if (!ref) continue;
      const rr = e.section === 'data' ? e.entry?.remoteRef : e.entry?.extract;
      const key = rr?.key;
      if (typeof key !== 'string' || !key) continue;
      const property = rr?.property;
      const kind = ref.kind ?? 'SecretStore';
      for (const ns of namespaces) {
        const sns = kind === 'ClusterSecretStore' ? undefined : ns;
        const resolved = resolve(kind, sns, ref.name);
        const store = resolved.store;
        const normalized = normalizeKey(key, store);
        if (keys && !keys.has(normalized)) continue;
        let id = ids.get(resolved);
        if (id === undefined) ids.set(resolved, (id = storeKey(kind, sns, ref.name)));
        targetName ??= targetNameOf(es);
        out.push({
          es,
          field: e.section === 'data' ? `${e.field}.remoteRef.key` : `${e.field}.extract.key`,
          storeKind: kind,
          storeName: ref.name,
          storeId: id,
          store,
          key: normalized,
          property: typeof property === 'string' && property ? property : undefined,
          targetNamespace: ns,
          targetName,
          targetIsSecret: isSecretTarget(es.spec),
        });
      }
    }
  }
  return out;
}

/**
 * ES reads grouped by normalized key (across stores), for the keys some PushSecret writes (what the rules that
 * compare reads with writes look up): an app of 10 000 ExternalSecrets and a few PushSecrets keeps a few reads.
 */
export function esReadsByKey(index: ManifestIndex): Map<string, EsRead[]> {
  return index.memo('push-secrets:es-reads-by-key', () => {
    const map = new Map<string, EsRead[]>();
    const written = new Set(allPushWrites(index).map(w => w.key));
    if (written.size === 0) return map;
    for (const r of esReadsOf(index, written)) addTo(map, r.key, r);
    return map;
  });
}

/** Two writes/reads of one remote secret touch the same value unless both name different properties. */
export function propertiesOverlap(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/** `<mount>/<key>` when the store is a Vault/OpenBao KV store, else the key. */
export function displayKey(key: string, store: Manifest | undefined): string {
  const kv = kvStoreOf(store);
  return kv?.mount ? `${kv.mount}/${key}` : key;
}

/** `es.label` of an ES read, plus the store it reads through. */
export function readLabel(r: EsRead): string {
  return `${r.es.label} (${r.field}) reads it through ${storeLabel(r.storeKind, r.storeName)}`;
}

/** The keys a PushSecret's source surely holds, and what the source is (for messages). */
export interface PushSourceKeys {
  /** Every key the source holds (known for sure). */
  readonly keys: ReadonlySet<string>;
  /** `generator UUID "name"` / `Secret "db-credentials" (written by ExternalSecret "ns/db")`. */
  readonly label: string;
  /** Field of the source: `…selector.generatorRef` or `…selector.secret.name`. */
  readonly field: string;
}

/** The keys a generator manifest (or a ref to a kind whose keys never vary) produces; undefined when not known for sure. */
export function generatorOutputKeys(kind: string | undefined, generator: Manifest | undefined): string[] | undefined {
  // the kind that runs, and its spec (a ClusterGenerator wraps one)
  let runs = kind;
  let spec: any = generator?.spec;
  if (kind === 'ClusterGenerator') {
    runs = typeof generator?.spec?.kind === 'string' ? generator.spec.kind : undefined;
    const g = generator?.spec?.generator;
    spec = isObject(g) && runs ? g[clusterGeneratorSpecField(runs)] : undefined;
  }
  switch (runs) {
    case 'UUID': return ['uuid'];
    case 'Password': {
      if (!generator || !isObject(spec)) return undefined;
      const keys = Array.isArray(spec.secretKeys) ? spec.secretKeys.filter((k: unknown): k is string => typeof k === 'string' && k !== '') : [];
      return keys.length ? keys : ['password'];
    }
    case 'Fake': return generator && isObject(spec) && isObject(spec.data) ? Object.keys(spec.data) : undefined;
    default: return undefined; // other kinds: their keys depend on the provider's answer
  }
}

/** `target.template.type` values for which the API server adds keys of its own to the Secret. */
const SERVER_FILLED_TYPES = ['kubernetes.io/service-account-token'];

/**
 * The keys a PushSecret's source surely holds: its generator's output keys, or the keys of the Secret
 * ExternalSecrets of the app write (when every writer's keys are known). Undefined when not known: a
 * label-selected source, a Secret the app does not make (or also declares itself), a `dataFrom`, an
 * external template, a Merge into a Secret made elsewhere.
 */
export function pushSourceKeys(index: ManifestIndex, ps: PsSpec): PushSourceKeys | undefined {
  const sel = ps.spec.selector;
  if (!isObject(sel)) return undefined;
  const gen = sel.generatorRef;
  if (isObject(gen)) {
    const kind = typeof gen.kind === 'string' ? gen.kind : undefined;
    const name = typeof gen.name === 'string' ? gen.name : '';
    let manifest: Manifest | undefined;
    if (kind === 'ClusterGenerator') manifest = index.get(GENERATORS_GROUP, kind, undefined, name);
    else if (kind && ps.namespace !== undefined) manifest = index.get(GENERATORS_GROUP, kind, ps.namespace, name);
    const keys = generatorOutputKeys(kind, manifest);
    if (!keys) return undefined;
    const runs = kind === 'ClusterGenerator' ? `ClusterGenerator "${name}" (${manifest?.spec?.kind})` : `generator ${kind} "${name}"`;
    return { keys: new Set(keys), label: runs, field: `${ps.prefix}.selector.generatorRef` };
  }
  const name = sel.secret?.name;
  if (typeof name !== 'string' || !name || ps.namespace === undefined) return undefined;
  if (index.get('', 'Secret', ps.namespace, name)) return undefined;
  const keys = new Set<string>();
  const writers: string[] = [];
  let creates = false;
  for (const es of esSpecsByTargetName(index).get(name) ?? []) {
    if (!es.namespaces.includes(ps.namespace)) {
      if (!es.exhaustive) return undefined; // a ClusterExternalSecret selecting by label may write it here too
      continue;
    }
    const policy = creationPolicyOf(es.spec);
    if (policy === 'None') continue;
    if (!isSecretTarget(es.spec)) continue;
    if (SERVER_FILLED_TYPES.includes(es.spec?.target?.template?.type)) return undefined;
    const produced = producedKeys(es);
    if (!produced.complete) return undefined;
    if (policy === 'Owner' || policy === 'Orphan') creates = true;
    produced.keys.forEach(k => keys.add(k));
    writers.push(es.label);
  }
  if (!creates) return undefined; // made elsewhere (or only merged into): its other keys are unknown
  return { keys, label: `Secret "${name}" (written by ${writers.join(', ')})`, field: `${ps.prefix}.selector.secret.name` };
}
