import { Manifest, SourcedManifest, parseApiVersion } from './manifest';

/** group|kind → namespace → name → manifest: no key string per manifest (an index of 10 000 objects kept 10 000). */
type ByKey = Map<string, Map<string, Map<string, Manifest>>>;

function sameList(a: readonly Manifest[], b: readonly Manifest[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Every manifest of the app, indexed once so cross-resource rules look objects up in O(1)
 * instead of re-scanning the app per object.
 */
export class ManifestIndex {
  private readonly byKind = new Map<string, Manifest[]>();
  private readonly byKey: ByKey = new Map();
  private readonly sources = new Map<Manifest, SourcedManifest>();
  private readonly memos = new Map<string, unknown>();
  private readonly byKindAndGroup = new Map<string, Manifest[]>();

  /**
   * @param items the manifests
   * @param reuse an index of an earlier pass over (mostly) the same manifests, e.g. the app without its derived
   *   Vault policies: values memoized there with `kinds` are reused when those kinds hold the very same manifests
   */
  constructor(public readonly items: readonly SourcedManifest[], private readonly reuse?: ManifestIndex) {
    for (const item of items) {
      const m = item.manifest;
      this.sources.set(m, item);
      const kind = m.kind ?? '';
      let list = this.byKind.get(kind);
      if (!list) this.byKind.set(kind, (list = []));
      list.push(m);
      const { group } = parseApiVersion(m.apiVersion);
      const gk = `${group}|${kind}`;
      let byNs = this.byKey.get(gk);
      if (!byNs) this.byKey.set(gk, (byNs = new Map()));
      const ns = `${m.metadata?.namespace ?? ''}`;
      let byName = byNs.get(ns);
      if (!byName) byNs.set(ns, (byName = new Map()));
      byName.set(`${m.metadata?.name ?? ''}`, m);
    }
  }

  /** All manifests of a kind (optionally of one API group). The list is shared: never mutate it. */
  public ofKind(kind: string, group?: string): Manifest[] {
    const list = this.byKind.get(kind) ?? [];
    if (group === undefined) return list;
    // filtered once per kind and group (several rules ask for the same list)
    const key = `${kind}|${group}`;
    let filtered = this.byKindAndGroup.get(key);
    if (!filtered) {
      filtered = list.filter(m => parseApiVersion(m.apiVersion).group === group);
      this.byKindAndGroup.set(key, filtered);
    }
    return filtered;
  }

  /** One object by group, kind, namespace (undefined for cluster-scoped) and name. */
  public get(group: string, kind: string, namespace: string | undefined, name: string | undefined): Manifest | undefined {
    return this.byKey.get(`${group}|${kind}`)?.get(`${namespace ?? ''}`)?.get(`${name ?? ''}`);
  }

  /** Where a manifest came from (construct path or file). */
  public source(m: Manifest): SourcedManifest | undefined {
    return this.sources.get(m);
  }

  /**
   * A derived index built once per validation run and shared by rules (e.g. "owners of each target
   * Secret"). `key` must be unique to the builder. With `kinds` (the kinds whose manifests the value is a pure
   * function of), an index built with `reuse` takes the value from there when those kinds hold the same manifests.
   */
  public memo<T>(key: string, build: () => T, kinds?: readonly string[]): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    let value: T;
    if (kinds && this.reuse && this.reuse.memos.has(key) && kinds.every(k => sameList(this.ofKind(k), this.reuse!.ofKind(k)))) {
      value = this.reuse.memos.get(key) as T;
    } else {
      value = build();
    }
    this.memos.set(key, value);
    return value;
  }
}
