import { Manifest, SourcedManifest, parseApiVersion } from './manifest';

function indexKey(group: string, kind: string, namespace: string | undefined, name: string | undefined) {
  return `${group}|${kind}|${namespace ?? ''}|${name ?? ''}`;
}

/**
 * Every manifest of the app, indexed once so cross-resource rules look objects up in O(1)
 * instead of re-scanning the app per object.
 */
export class ManifestIndex {
  private readonly byKind = new Map<string, Manifest[]>();
  private readonly byKey = new Map<string, Manifest>();
  private readonly sources = new Map<Manifest, SourcedManifest>();
  private readonly memos = new Map<string, unknown>();
  private readonly byKindAndGroup = new Map<string, Manifest[]>();

  constructor(public readonly items: readonly SourcedManifest[]) {
    for (const item of items) {
      const m = item.manifest;
      this.sources.set(m, item);
      const kind = m.kind ?? '';
      let list = this.byKind.get(kind);
      if (!list) this.byKind.set(kind, (list = []));
      list.push(m);
      const { group } = parseApiVersion(m.apiVersion);
      this.byKey.set(indexKey(group, kind, m.metadata?.namespace, m.metadata?.name), m);
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
    return this.byKey.get(indexKey(group, kind, namespace, name));
  }

  /** Where a manifest came from (construct path or file). */
  public source(m: Manifest): SourcedManifest | undefined {
    return this.sources.get(m);
  }

  /**
   * A derived index built once per validation run and shared by rules (e.g. "owners of each target
   * Secret"). `key` must be unique to the builder.
   */
  public memo<T>(key: string, build: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, build());
    return this.memos.get(key) as T;
  }
}
