// The secret flow of an app as a graph: generators -> Secrets -> PushSecrets -> remote paths in stores ->
// ExternalSecrets -> Secrets -> workloads; Vault policies -> auth roles -> stores. Pure: read from manifests.
// It never carries a value: names, remote paths, servers and mounts only; a name only the cluster knows is
// shown as FROM_CLUSTER.
import { esReads, storeResolver } from './external-secret-reads';
import { isSecretTarget, kvStoreOf, targetNameOf } from './external-secrets';
import { fluxModel } from './flux';
import { FROM_CLUSTER } from './inventory';
import { isObject } from './json';
import { ESO_GROUP, GENERATORS_GROUP, Manifest, SourcedManifest, parseApiVersion } from './manifest';
import { ManifestIndex } from './manifest-index';
import { addTo } from './multimap';
import { WORKLOAD_KINDS, podSecretRefs } from './pod-secrets';
import { printable, withoutUserinfo } from './printable';
import { allPsSpecs, normalizeKey, storeTargets } from './push-secrets';
import { storeKey } from './stores';
import { isUnknownString } from './unknown';
import { loginKey, providerInfo, vaultModel } from './vault/objects';

export type GraphNodeKind = 'generator' | 'secret' | 'push-secret' | 'store' | 'remote-path' | 'external-secret' | 'workload'
| 'vault-policy' | 'vault-role' | 'group';

/** What an edge does: generate a value, be the source of a push, push, read, write (sync) a Secret, be used by a workload, grant a policy, authenticate a store. */
export type GraphEdgeLabel = 'generate' | 'source' | 'push' | 'read' | 'sync' | 'env' | 'mount' | 'pull-image' | 'substitute' | 'grant' | 'auth';

export interface GraphNode {
  /** Stable key, e.g. `secret:databases/db-credentials`. */
  readonly id: string;
  readonly kind: GraphNodeKind;
  /** `PushSecret databases/push-db-credentials`, `secret/databases/db-credentials` (a remote path). */
  readonly label: string;
  /** More lines for the label: a store's provider, server and mount. */
  readonly details?: readonly string[];
  /** The object's namespace ('' for cluster-scoped objects and remote paths). */
  readonly namespace: string;
  /** `namespace/name` of the Flux Kustomization that applies the object, when known. */
  readonly layer?: string;
  /** A remote path's store (node id). */
  readonly parent?: string;
  /** A collapsed group: how many nodes it stands for. */
  readonly members?: number;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly label: GraphEdgeLabel;
}

export interface SecretGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

const shown = (s: unknown): string => (typeof s === 'string' && s ? (isUnknownString(s) ? FROM_CLUSTER : printable(s)) : '<unnamed>');
const nsName = (ns: string | undefined, name: unknown) => `${ns ? `${shown(ns)}/` : ''}${shown(name)}`;

/** The secret flow of the manifests. */
export function secretGraph(items: readonly SourcedManifest[], options: { appliedBy?: (m: Manifest) => string | undefined } = {}): SecretGraph {
  const index = new ManifestIndex(items);
  const flux = fluxModel({ index });
  const layerOf = (m: Manifest) => options.appliedBy?.(m) ?? index.source(m)?.appliedBy ?? flux.layerOf(m)?.key;
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const node = (n: GraphNode) => {
    const had = nodes.get(n.id);
    if (!had || (n.details && !had.details)) nodes.set(n.id, { ...had, ...n });
    return n.id;
  };
  const edge = (from: string, to: string, label: GraphEdgeLabel) => {
    edges.set(`${from}\u0000${to}\u0000${label}`, { from, to, label });
  };
  const objectNode = (m: Manifest, kind: GraphNodeKind) => node({
    id: `${kind}:${m.kind}/${m.metadata?.namespace ?? ''}/${m.metadata?.name ?? ''}`,
    kind,
    label: `${shown(m.kind)} ${nsName(m.metadata?.namespace, m.metadata?.name)}`,
    namespace: m.metadata?.namespace ? shown(m.metadata.namespace) : '',
    ...(layerOf(m) ? { layer: layerOf(m) } : {}),
  });
  const secretNode = (namespace: string | undefined, name: string) => node({
    id: `secret:${namespace ?? ''}/${name}`, kind: 'secret', label: `Secret ${nsName(namespace, name)}`, namespace: namespace ? shown(namespace) : '',
  });
  const storeNode = (kind: string, namespace: string | undefined, name: string, store: Manifest | undefined) => {
    const id = `store:${storeKey(kind, kind === 'ClusterSecretStore' ? undefined : namespace, name)}`;
    const details: string[] = [];
    if (store) {
      const provider = isObject(store.spec?.provider) ? store.spec.provider : {};
      const key = Object.keys(provider)[0];
      const info = providerInfo(provider, 'spec.provider');
      if (info) {
        details.push(`${info.providerKey === 'openBao' ? 'OpenBao' : 'Vault'} ${info.server ? withoutUserinfo(shown(info.server)) : '(no server)'}`);
        const kv = kvStoreOf(store);
        if (kv?.mount) details.push(`KV ${kv.version} mount ${shown(kv.mount)}`);
      } else if (key) {
        details.push(`provider ${shown(key)}`);
      }
    } else {
      details.push('(not in the input)');
    }
    return node({
      id,
      kind: 'store',
      label: `${kind} ${nsName(kind === 'ClusterSecretStore' ? undefined : namespace, name)}`,
      details,
      namespace: kind === 'ClusterSecretStore' || !namespace ? '' : shown(namespace),
      ...(store && layerOf(store) ? { layer: layerOf(store) } : {}),
    });
  };
  const pathNode = (storeId: string, key: string, store: Manifest | undefined) => {
    const kv = kvStoreOf(store);
    const label = isUnknownString(key) ? FROM_CLUSTER : printable(kv?.mount ? `${kv.mount}/${key}` : key);
    return node({ id: `path:${storeId}:${key}`, kind: 'remote-path', label, namespace: '', parent: storeId });
  };
  const generatorNode = (ref: any, namespace: string | undefined) => {
    const kind = typeof ref?.kind === 'string' ? ref.kind : 'Password';
    const ns = kind === 'ClusterGenerator' ? undefined : namespace;
    const found = index.get(GENERATORS_GROUP, kind, ns, ref?.name);
    if (found) return objectNode(found, 'generator');
    return node({ id: `generator:${kind}/${ns ?? ''}/${ref?.name ?? ''}`, kind: 'generator', label: `${shown(kind)} ${nsName(ns, ref?.name)}`, namespace: ns ? shown(ns) : '' });
  };

  // stores, even without consumers
  for (const kind of ['SecretStore', 'ClusterSecretStore']) {
    for (const s of index.ofKind(kind, ESO_GROUP)) storeNode(kind, s.metadata?.namespace, s.metadata?.name ?? '', s);
  }

  // ExternalSecrets: remote path -read-> ES -sync-> Secret; generator -generate-> Secret
  const resolve = storeResolver(index);
  for (const { es, entries } of esReads(index)) {
    const esId = objectNode(es.manifest, 'external-secret');
    const namespaces: Array<string | undefined> = es.namespaces.length ? es.namespaces : [undefined];
    const secretIds = isSecretTarget(es.spec) ? namespaces.map(ns => secretNode(ns, targetNameOf(es))) : [];
    for (const s of secretIds) edge(esId, s, 'sync');
    for (const e of entries) {
      if (e.generator) {
        for (const ns of namespaces) {
          const g = generatorNode(e.entry?.sourceRef?.generatorRef, ns);
          for (const s of secretIds) edge(g, s, 'generate');
          if (!secretIds.length) edge(g, esId, 'generate');
        }
        continue;
      }
      const ref = e.storeRef;
      if (!ref) continue;
      const kind = ref.kind ?? 'SecretStore';
      for (const ns of namespaces) {
        const { store } = resolve(kind, kind === 'ClusterSecretStore' ? undefined : ns, ref.name);
        const sid = storeNode(kind, ns, ref.name, store);
        const rr = e.section === 'data' ? e.entry?.remoteRef : e.entry?.extract;
        if (typeof rr?.key === 'string' && rr.key) edge(pathNode(sid, normalizeKey(rr.key, store), store), esId, 'read');
        else edge(sid, esId, 'read'); // find: many paths
      }
    }
  }

  // PushSecrets: Secret (or generator) -source-> PS -push-> remote path
  for (const ps of allPsSpecs(index)) {
    const psId = objectNode(ps.manifest, 'push-secret');
    const sel = ps.spec.selector;
    if (typeof sel?.secret?.name === 'string' && sel.secret.name) edge(secretNode(ps.namespace, sel.secret.name), psId, 'source');
    if (isObject(sel?.generatorRef)) edge(generatorNode(sel.generatorRef, ps.namespace), psId, 'generate');
    const keys = (Array.isArray(ps.spec.data) ? ps.spec.data : []).map((d: any) => d?.match?.remoteRef?.remoteKey).filter((k: unknown): k is string => typeof k === 'string' && !!k);
    for (const t of storeTargets(index, ps)) {
      const sid = storeNode(t.kind, ps.namespace, t.name, t.store);
      if (keys.length) for (const k of keys) edge(psId, pathNode(sid, normalizeKey(k, t.store), t.store), 'push');
      else edge(psId, sid, 'push');
    }
  }

  // workloads that use a Secret of the graph (or any Secret of the input)
  const plainSecrets = new Set(index.ofKind('Secret').filter(m => parseApiVersion(m.apiVersion).group === '').map(m => `secret:${m.metadata?.namespace ?? ''}/${m.metadata?.name ?? ''}`));
  for (const kind of WORKLOAD_KINDS) {
    for (const w of index.ofKind(kind)) {
      const uses = podSecretRefs(w);
      if (!uses.length) continue;
      for (const u of uses) {
        const sid = `secret:${w.metadata?.namespace ?? ''}/${u.name}`;
        if (!nodes.has(sid) && !plainSecrets.has(sid)) continue; // a Secret nobody in the input writes: not part of the flow
        edge(secretNode(w.metadata?.namespace, u.name), objectNode(w, 'workload'), u.use);
      }
    }
  }

  // Vault: policy -grant-> auth role -auth-> store
  const vault = vaultModel(index);
  for (const s of vault.stores) {
    if (!s.login) continue;
    const sid = storeNode(s.kind, s.namespace, s.name, s.manifest);
    for (const role of vault.rolesByLogin.get(loginKey(s.login)) ?? []) {
      const rid = objectNode(role.manifest, 'vault-role');
      edge(rid, sid, 'auth');
      for (const p of role.policies) {
        for (const pol of vault.policiesByName.get(p) ?? []) edge(objectNode(pol.manifest, 'vault-policy'), rid, 'grant');
      }
    }
  }

  const order: GraphNodeKind[] = ['generator', 'secret', 'push-secret', 'store', 'remote-path', 'external-secret', 'workload', 'vault-policy', 'vault-role', 'group'];
  const sortedNodes = [...nodes.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.id.localeCompare(b.id));
  const sortedEdges = [...edges.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.label.localeCompare(b.label));
  return { nodes: sortedNodes, edges: sortedEdges };
}

/** The graph with every remote path folded into its store (edges to a path go to the store). */
export function pathsInStores(g: SecretGraph): SecretGraph {
  const parent = new Map(g.nodes.filter(n => n.parent).map(n => [n.id, n.parent!]));
  return rewire(g.nodes.filter(n => !n.parent), g.edges, id => parent.get(id) ?? id);
}

function rewire(nodes: readonly GraphNode[], edges: readonly GraphEdge[], map: (id: string) => string): SecretGraph {
  const seen = new Map<string, GraphEdge>();
  for (const e of edges) {
    const from = map(e.from);
    const to = map(e.to);
    if (from === to) continue;
    seen.set(`${from}\u0000${to}\u0000${e.label}`, { from, to, label: e.label });
  }
  return { nodes, edges: [...seen.values()] };
}

/**
 * A large graph made readable: above `maxNodes`, every namespace (or, with `by: 'layer'`, every Flux Kustomization;
 * cluster-scoped objects and remote paths: their store's group, else "cluster") becomes one node, except `focus`
 * (a namespace or a Flux Kustomization `namespace/name` or name), whose objects stay. Edges between groups are kept
 * once per label.
 */
export function collapseGraph(g: SecretGraph, options: { maxNodes?: number; focus?: string; by?: 'namespace' | 'layer' } = {}): SecretGraph {
  const max = options.maxNodes ?? 150;
  if (g.nodes.length <= max) return g;
  const byId = new Map(g.nodes.map(n => [n.id, n]));
  const focused = (n: GraphNode) => !!options.focus && (n.namespace === options.focus || n.layer === options.focus || n.layer?.split('/')[1] === options.focus);
  const groupOf = (n: GraphNode): string | undefined => {
    const base = n.parent ? byId.get(n.parent) ?? n : n;
    if (focused(base)) return undefined;
    if (options.by === 'layer') return base.layer ? `group:layer:${base.layer}` : 'group:(no layer)';
    return `group:${base.namespace || '(cluster)'}`;
  };
  const groups = new Map<string, number>();
  const map = new Map<string, string>();
  for (const n of g.nodes) {
    const grp = groupOf(n);
    if (!grp) continue;
    map.set(n.id, grp);
    groups.set(grp, (groups.get(grp) ?? 0) + 1);
  }
  const kept = g.nodes.filter(n => !map.has(n.id));
  const groupLabel = (id: string) => {
    if (id === 'group:(cluster)') return 'cluster-scoped objects';
    if (id === 'group:(no layer)') return 'objects no Flux Kustomization applies';
    if (id.startsWith('group:layer:')) return `Kustomization ${id.slice('group:layer:'.length)}`;
    return `namespace ${id.slice('group:'.length)}`;
  };
  const groupNodes: GraphNode[] = [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([id, members]) => ({
    id,
    kind: 'group',
    label: groupLabel(id),
    details: [`${members} objects`],
    namespace: id.startsWith('group:layer:') || id.startsWith('group:(') ? '' : id.slice('group:'.length),
    ...(id.startsWith('group:layer:') ? { layer: id.slice('group:layer:'.length) } : {}),
    members,
  }));
  return rewire([...kept, ...groupNodes], g.edges, id => map.get(id) ?? id);
}

// ---- renderers ----

const mermaidText = (s: string) => s.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/[\r\n]+/g, ' ');

const SHAPES: Record<GraphNodeKind, [string, string]> = {
  'generator': ['{{', '}}'],
  'secret': ['[/', '/]'],
  'push-secret': ['([', '])'],
  'store': ['[(', ')]'],
  'remote-path': ['>', ']'],
  'external-secret': ['([', '])'],
  'workload': ['[', ']'],
  'vault-policy': ['[[', ']]'],
  'vault-role': ['[[', ']]'],
  'group': ['[', ']'],
};

function shortIds(g: SecretGraph): Map<string, string> {
  return new Map(g.nodes.map((n, i) => [n.id, `n${i + 1}`]));
}

/** Mermaid flowchart (renders on GitHub as it is): stores are subgraphs holding their remote paths. */
/** The nodes without a drawn parent, in order, each with the nodes drawn inside it (both formats nest one level). */
function topLevel(g: SecretGraph, ids: Map<string, string>): Array<{ node: GraphNode; kids?: GraphNode[] }> {
  const children = new Map<string, GraphNode[]>();
  for (const n of g.nodes) if (n.parent && ids.has(n.parent)) addTo(children, n.parent, n);
  return g.nodes.filter(n => !(n.parent && ids.has(n.parent))).map(node => ({ node, kids: children.get(node.id) }));
}

export function graphMermaid(g: SecretGraph): string {
  const ids = shortIds(g);
  const lines = ['flowchart LR'];
  const label = (n: GraphNode, inSubgraph = false) =>
    (inSubgraph && n.details?.length ? n.details : [n.label, ...(n.details ?? [])]).map(mermaidText).join('<br/>');
  const nodeLine = (n: GraphNode, indent: string, inSubgraph = false) => {
    const [open, close] = SHAPES[n.kind];
    return `${indent}${ids.get(n.id)}${open}"${label(n, inSubgraph)}"${close}`;
  };
  for (const { node: n, kids } of topLevel(g, ids)) {
    if (!kids) {
      lines.push(nodeLine(n, '  '));
      continue;
    }
    lines.push(`  subgraph ${ids.get(n.id)}_s["${mermaidText(n.label)}"]`, nodeLine(n, '    ', true));
    for (const k of kids) lines.push(nodeLine(k, '    '));
    lines.push('  end');
  }
  for (const e of g.edges) lines.push(`  ${ids.get(e.from)} -->|${e.label}| ${ids.get(e.to)}`);
  return lines.join('\n');
}

const dotText = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ');

const DOT_SHAPES: Record<GraphNodeKind, string> = {
  'generator': 'hexagon',
  'secret': 'parallelogram',
  'push-secret': 'box, style=rounded',
  'store': 'cylinder',
  'remote-path': 'note',
  'external-secret': 'box, style=rounded',
  'workload': 'box',
  'vault-policy': 'component',
  'vault-role': 'component',
  'group': 'folder',
};

/** Graphviz DOT: stores are clusters holding their remote paths. */
export function graphDot(g: SecretGraph): string {
  const ids = shortIds(g);
  const lines = ['digraph secrets {', '  rankdir=LR;', '  node [fontname="Helvetica", fontsize=10];'];
  const nodeLine = (n: GraphNode, indent: string) =>
    `${indent}${ids.get(n.id)} [label="${[n.label, ...(n.details ?? [])].map(dotText).join('\\n')}", shape=${DOT_SHAPES[n.kind]}];`;
  for (const { node: n, kids } of topLevel(g, ids)) {
    if (!kids) {
      lines.push(nodeLine(n, '  '));
      continue;
    }
    lines.push(`  subgraph cluster_${ids.get(n.id)} {`, `    label="${dotText(n.label)}";`, nodeLine(n, '    '));
    for (const k of kids) lines.push(nodeLine(k, '    '));
    lines.push('  }');
  }
  for (const e of g.edges) lines.push(`  ${ids.get(e.from)} -> ${ids.get(e.to)} [label="${e.label}"];`);
  lines.push('}');
  return lines.join('\n');
}
