// Shared, internal helpers of the ExternalSecret rules (not a rule; not re-exported from the package).
import { NAMESPACE_NAME_LABEL } from './api';
import { fieldName, itemField } from './field-names';
import { isObject } from './json';
import { ESO_GROUP, Manifest, displayName, parseApiVersion } from './manifest';
import { ManifestIndex } from './manifest-index';
import { addTo } from './multimap';

/** Label every Namespace carries with its own name (Kubernetes >= 1.21). */
import { resolveStoreRef } from './stores';
import { VaultProviderInfo, providerInfo } from './vault/objects';
export { NAMESPACE_NAME_LABEL };

/**
 * One ExternalSecret spec as ESO will see it: an ExternalSecret's `spec`, or the `externalSecretSpec` a
 * ClusterExternalSecret stamps into each selected namespace (those ExternalSecrets go through the same webhook).
 */
export interface EsSpec {
  /** The ExternalSecret or ClusterExternalSecret the findings are reported on. */
  readonly manifest: Manifest;
  /** The ExternalSecret spec (never undefined; `{}` when missing). */
  readonly spec: any;
  /** Field path of the spec: `spec` or `spec.externalSecretSpec`. */
  readonly prefix: string;
  /** Name of the (created) ExternalSecret. */
  readonly esName: string;
  /** Namespaces the ExternalSecret lives in, when known (a CES with label selectors also reaches others). */
  readonly namespaces: string[];
  /** True when `namespaces` lists every namespace the spec lands in. */
  readonly exhaustive: boolean;
  /** `ExternalSecret ns/name` or `ClusterExternalSecret name`, for messages. */
  readonly label: string;
}

/** Namespaces a label selector selects, when it only selects by the namespace-name label. */
function selectorNames(sel: any): string[] | undefined {
  if (!isObject(sel)) return undefined;
  const labels = isObject(sel.matchLabels) ? Object.keys(sel.matchLabels) : [];
  const exprs = Array.isArray(sel.matchExpressions) ? sel.matchExpressions : [];
  if (labels.length === 1 && labels[0] === NAMESPACE_NAME_LABEL && exprs.length === 0) return [String(sel.matchLabels[NAMESPACE_NAME_LABEL])];
  if (labels.length === 0 && exprs.length === 1 && exprs[0]?.key === NAMESPACE_NAME_LABEL && exprs[0]?.operator === 'In' && Array.isArray(exprs[0].values)) {
    return exprs[0].values.map(String);
  }
  return undefined;
}

/** An EsSpec whose `label` (only needed for messages) is built on demand, not per object per run. */
class Spec implements EsSpec {
  constructor(
    public readonly manifest: Manifest,
    public readonly spec: any,
    public readonly prefix: string,
    public readonly esName: string,
    public readonly namespaces: string[],
    public readonly exhaustive: boolean,
    private readonly kindName: string,
  ) {}

  public get label(): string {
    return `${this.kindName} "${displayName(this.manifest)}"`;
  }
}

/** The ExternalSecret spec of an ES or CES manifest (undefined for other kinds). */
export function esSpecOf(m: Manifest): EsSpec | undefined {
  if (parseApiVersion(m.apiVersion).group !== ESO_GROUP) return undefined;
  if (m.kind === 'ExternalSecret') {
    const ns = m.metadata?.namespace;
    return new Spec(m, isObject(m.spec) ? m.spec : {}, 'spec', m.metadata?.name ?? '', ns ? [ns] : [], !!ns, 'ExternalSecret');
  }
  if (m.kind === 'ClusterExternalSecret') {
    const s = isObject(m.spec) ? m.spec : {};
    const names = new Set<string>();
    let exhaustive = true;
    if (Array.isArray(s.namespaces)) s.namespaces.forEach((n: unknown) => names.add(String(n)));
    const selectors = [...(Array.isArray(s.namespaceSelectors) ? s.namespaceSelectors : []), ...(s.namespaceSelector ? [s.namespaceSelector] : [])];
    for (const sel of selectors) {
      const n = selectorNames(sel);
      if (n) n.forEach(x => names.add(x));
      else exhaustive = false;
    }
    return new Spec(m, isObject(s.externalSecretSpec) ? s.externalSecretSpec : {}, 'spec.externalSecretSpec',
      s.externalSecretName ?? m.metadata?.name ?? '', [...names], exhaustive, 'ClusterExternalSecret');
  }
  return undefined;
}

/** Every ES / CES spec of the app, built once per run. */
export function allEsSpecs(index: ManifestIndex): EsSpec[] {
  // reusable by the validation index of a synth pass (same ES / CES manifests as the derived Vault policy's)
  return index.memo('external-secrets:specs', () => {
    const out: EsSpec[] = [];
    for (const kind of ['ExternalSecret', 'ClusterExternalSecret']) {
      for (const m of index.ofKind(kind)) {
        const s = esSpecOf(m); // undefined outside the ESO group (= ofKind(kind, ESO_GROUP) without the filtered copy)
        if (s) out.push(s);
      }
    }
    return out;
  }, ES_KINDS);
}

/**
 * The spec of `m` as the run's read model has it (`allEsSpecs`: one object per ES / CES for every rule of the
 * run, instead of one per rule that asks); `esSpecOf(m)` for a manifest outside the index.
 */
export function esSpecIn(index: ManifestIndex, m: Manifest): EsSpec | undefined {
  // a WeakMap of its own rather than index.memo: this runs for every ES / CES in 14 rules (no closure per call)
  let byManifest = specsByManifest.get(index);
  if (!byManifest) {
    byManifest = new Map<Manifest, EsSpec>();
    for (const s of allEsSpecs(index)) byManifest.set(s.manifest, s);
    specsByManifest.set(index, byManifest);
  }
  return byManifest.get(m) ?? esSpecOf(m);
}

/** Each run's specs by manifest (a run's index dies with it, and so does its entry). */
const specsByManifest = new WeakMap<ManifestIndex, Map<Manifest, EsSpec>>();

/** The kinds every ES read model is derived from (`ManifestIndex.memo` reuse). */
export const ES_KINDS: readonly string[] = ['ExternalSecret', 'ClusterExternalSecret'];

/** One reference to a store from an ES spec. */
export interface StoreUse {
  /** Field of the ref, e.g. `spec.secretStoreRef` or `spec.data[1].sourceRef.storeRef`. */
  readonly field: string;
  readonly name: string;
  /** As written (ESO treats a missing kind as SecretStore). */
  readonly kind?: string;
}

/** Every store reference of a spec (not kept: three rules ask for every spec's, and it is cheaper made anew). */
export function storeUses(es: EsSpec): StoreUse[] {
  const out: StoreUse[] = [];
  const add = (ref: any, field: string) => {
    if (isObject(ref) && typeof ref.name === 'string') out.push({ field, name: ref.name, kind: typeof ref.kind === 'string' ? ref.kind : undefined });
  };
  add(es.spec.secretStoreRef, fieldName(es.prefix, '.secretStoreRef'));
  for (const list of ['data', 'dataFrom']) {
    const items = arr(es.spec[list]);
    for (let i = 0; i < items.length; i++) {
      const ref = items[i]?.sourceRef?.storeRef;
      if (isObject(ref)) add(ref, fieldName(itemField(es.prefix, list, i), '.sourceRef.storeRef'));
    }
  }
  return out;
}

/** `x` when it is an array, else `[]`. */
export function arr(x: unknown): any[] {
  return Array.isArray(x) ? x : [];
}

/** The store an entry reads from: its own `sourceRef.storeRef`, else the spec's `secretStoreRef`. */
export function entryStoreRef(es: EsSpec, entry: any): { name: string; kind?: string } | undefined {
  const own = entry?.sourceRef?.storeRef;
  if (isObject(own) && typeof own.name === 'string') return own as any;
  if (entry?.sourceRef?.generatorRef) return undefined;
  const ref = es.spec.secretStoreRef;
  return isObject(ref) && typeof ref.name === 'string' ? ref as any : undefined;
}

/** The store object a ref resolves to from `namespace` (ESO's default kind is SecretStore). */
export function resolveStore(index: ManifestIndex, ref: { name: string; kind?: string }, namespace: string | undefined): Manifest | undefined {
  return resolveStoreRef(index, ref.kind === undefined || ref.kind === 'SecretStore' || ref.kind === 'ClusterSecretStore' ? ref : undefined, namespace || undefined)[0];
}

/** SecretStores of the app by name (namespaced stores may share a name across namespaces). */
export function secretStoresByName(index: ManifestIndex): Map<string, Manifest[]> {
  return index.memo('external-secrets:secret-stores-by-name', () => {
    const m = new Map<string, Manifest[]>();
    for (const s of index.ofKind('SecretStore', ESO_GROUP)) {
      const name = s.metadata?.name ?? '';
      addTo(m, name, s);
    }
    return m;
  });
}

/** The Vault / OpenBao KV settings of a store (the one KV settings type: mount, version, provider key). */
export type KvStore = VaultProviderInfo;

/** kvStoreOf per store manifest (the PushSecret and ExternalSecret rules ask for the same stores per read). */
const kvStores = new WeakMap<Manifest, KvStore | undefined>();

/** The KV settings of a Vault / OpenBao store manifest (undefined for other providers). */
export function kvStoreOf(store: Manifest | undefined): KvStore | undefined {
  if (!store || typeof store !== 'object') return undefined;
  if (kvStores.has(store)) return kvStores.get(store);
  const kv = providerInfo(store.spec?.provider, 'spec.provider');
  kvStores.set(store, kv);
  return kv;
}

/** How a Vault/OpenBao key relates to the store's KV mount (shared by the ExternalSecret and PushSecret key rules). */
export interface KvKeyShape {
  /** The key without leading slashes. */
  readonly trimmed: string;
  /** The key is the mount or starts with `<mount>/`. */
  readonly repeatsMount: boolean;
  /** The first path segment of the trimmed key (`data`, `metadata`, …). */
  readonly firstSegment: string;
  /** The mount-relative form: mount prefix, then a `data/` or `metadata/` prefix removed ('' if nothing is left). */
  readonly relative: string;
}

export function kvKeyShape(key: string, mount: string | undefined): KvKeyShape {
  const trimmed = key.replace(/^\/+/, '');
  const repeatsMount = mount !== undefined && (trimmed === mount || trimmed.startsWith(`${mount}/`));
  let rel = trimmed;
  if (mount !== undefined && trimmed === mount) rel = '';
  else if (repeatsMount) rel = trimmed.slice(mount!.length + 1);
  return { trimmed, repeatsMount, firstSegment: trimmed.split('/')[0], relative: rel.replace(/^(data|metadata)\//, '') };
}

/** The Secret targets of a spec that writes a Secret (undefined for generic, non-Secret targets). */
export function isSecretTarget(spec: any): boolean {
  const mf = spec?.target?.manifest;
  if (!isObject(mf)) return true;
  return (mf.apiVersion === 'v1' || mf.apiVersion === undefined) && mf.kind === 'Secret';
}

/** Name of the produced Secret (`target.name`, defaulting to the ExternalSecret's name). */
export function targetNameOf(es: EsSpec): string {
  const n = es.spec?.target?.name;
  return typeof n === 'string' && n ? n : es.esName;
}

/** The ES / CES specs of the app by the name of the Secret they write (`targetNameOf`), built once per run. */
export function esSpecsByTargetName(index: ManifestIndex): ReadonlyMap<string, readonly EsSpec[]> {
  return index.memo('external-secrets:by-target-name', () => {
    const out = new Map<string, EsSpec[]>();
    for (const es of allEsSpecs(index)) addTo(out, targetNameOf(es), es);
    return out;
  }, ES_KINDS);
}

/** creationPolicy with ESO's default applied. */
export function creationPolicyOf(spec: any): string {
  const c = spec?.target?.creationPolicy;
  return typeof c === 'string' && c ? c : 'Owner';
}

/** deletionPolicy with ESO's default applied. */
export function deletionPolicyOf(spec: any): string {
  const d = spec?.target?.deletionPolicy;
  return typeof d === 'string' && d ? d : 'Retain';
}

/** Every template string of a spec's `target.template` (data values and literals), with its field. */
export function templateStrings(es: EsSpec): Array<{ field: string; text: string }> {
  const t = es.spec?.target?.template;
  const out: Array<{ field: string; text: string }> = [];
  if (!isObject(t)) return out;
  if (isObject(t.data)) {
    for (const [k, v] of Object.entries(t.data)) if (typeof v === 'string') out.push({ field: `${es.prefix}.target.template.data[${JSON.stringify(k)}]`, text: v });
  }
  arr(t.templateFrom).forEach((tf, i) => {
    if (typeof tf?.literal === 'string') out.push({ field: `${es.prefix}.target.template.templateFrom[${i}].literal`, text: tf.literal });
  });
  return out;
}

/** The `{{ ... }}` actions of a Go template (without the delimiters). */
export function templateActions(text: string): string[] {
  const out: string[] = [];
  const re = /\{\{-?([\s\S]*?)-?\}\}/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push(m[1]);
  return out;
}

/**
 * The fetched keys a set of templates reads: `.KEY`, `index . "KEY"`, and `"KEY"` string literals in actions.
 * `all` is true when a template uses the whole context (`range .`, `toJson .`, `$`), i.e. possibly every key.
 */
export function referencedKeys(texts: string[]): { keys: Set<string>; all: boolean } {
  const keys = new Set<string>();
  let all = false;
  for (const text of texts) {
    for (const action of templateActions(text)) {
      // `index . "tls.crt"` reads one key, not the whole context.
      const withoutStrings = action.replace(/\bindex\s+[.$]\s+(?=["`])/g, 'index CTX ').replace(/"(?:[^"\\]|\\.)*"|`[^`]*`/g, m => {
        try { keys.add(m.startsWith('`') ? m.slice(1, -1) : JSON.parse(m)); } catch { /* ignore */ }
        return ' ';
      });
      for (const mm of withoutStrings.matchAll(/(^|[^\w.)\]])\.([A-Za-z_][\w]*)/g)) keys.add(mm[2]);
      if (/(^|[\s(|,=])\.(?![\w.])|(^|[\s(|,=])\$(?![\w.])/.test(withoutStrings)) all = true;
    }
  }
  return { keys, all };
}

/**
 * The keys the produced Secret will have, as far as the manifest says (`complete` is false when a
 * dataFrom source or an external template adds keys nobody can know offline).
 * ESO: without template data/templateFrom the fetched keys are written; with them, only the templated
 * keys, plus the fetched keys when mergePolicy is Merge.
 */
export function producedKeys(es: EsSpec): { keys: Set<string>; complete: boolean } {
  const t = es.spec?.target?.template;
  const keys = new Set<string>();
  let complete = true;
  const fetched = () => {
    for (const d of arr(es.spec.data)) if (typeof d?.secretKey === 'string') keys.add(d.secretKey);
    if (arr(es.spec.dataFrom).length > 0) complete = false;
  };
  const tData = isObject(t) && isObject(t.data) ? Object.keys(t.data) : [];
  const tFrom = isObject(t) ? arr(t.templateFrom) : [];
  if (tData.length === 0 && tFrom.length === 0) {
    fetched();
    return { keys, complete };
  }
  tData.forEach(k => keys.add(k));
  for (const tf of tFrom) {
    const target = typeof tf?.target === 'string' ? tf.target.toLowerCase() : '';
    if (target === '' || target === 'data') complete = false;
  }
  if (t.mergePolicy === 'Merge') fetched();
  return { keys, complete };
}

/** The namespace to resolve a namespaced store from (the first known namespace of the spec). */
export function firstNamespace(es: EsSpec): string | undefined {
  return es.namespaces[0];
}
