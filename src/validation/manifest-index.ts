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

  /** All manifests of a kind (optionally of one API group). */
  public ofKind(kind: string, group?: string): Manifest[] {
    const list = this.byKind.get(kind) ?? [];
    return group === undefined ? list : list.filter(m => parseApiVersion(m.apiVersion).group === group);
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
