import { Testing } from 'cdk8s';
import { buildApp as seed000 } from '../../examples/seed-000-openova/app';
import { buildApp as seed004 } from '../../examples/seed-004-webgrip/app';
import { SourcedManifest } from '../../src/model/manifest';
import { SecretGraph, collapseGraph, graphDot, graphMermaid, pathsInStores, secretGraph } from '../../src/model/secret-graph';

const itemsOf = (app: ReturnType<typeof seed000>): SourcedManifest[] => app.charts.flatMap(c => Testing.synth(c)).map(manifest => ({ manifest }));

/** `FROM -label-> TO` with the nodes' labels, for readable assertions. */
function edgeTexts(g: SecretGraph): string[] {
  const label = new Map(g.nodes.map(n => [n.id, n.label]));
  return g.edges.map(e => `${label.get(e.from)} -${e.label}-> ${label.get(e.to)}`).sort();
}

describe('secretGraph', () => {
  const graph = secretGraph(itemsOf(seed000()));
  const byStore = edgeTexts(pathsInStores(graph));

  // Seed 000's flowchart (../shared/seeds/000_*.txt): Gen -generate-> KS -source-> PS -push-> OpenBao -pull-> ES -sync-> KS
  test('seed 000: generator → Secret', () => {
    expect(byStore).toContain('Password databases/db-password-generator -generate-> Secret databases/db-credentials');
  });

  test('seed 000: Secret → PushSecret', () => {
    expect(byStore).toContain('Secret databases/db-credentials -source-> PushSecret databases/push-db-credentials');
  });

  test('seed 000: PushSecret → the primary store only ("PushSecret writes to the primary region")', () => {
    const pushes = byStore.filter(e => e.startsWith('PushSecret '));
    expect(pushes).toEqual(['PushSecret databases/push-db-credentials -push-> ClusterSecretStore bao-primary']);
    // with the remote path inside the store
    expect(edgeTexts(graph)).toContain('PushSecret databases/push-db-credentials -push-> secret/databases/db-credentials');
    const path = graph.nodes.find(n => n.kind === 'remote-path' && graph.edges.some(e => e.to === n.id && e.label === 'push'))!;
    expect(path.parent).toBe('store:ClusterSecretStore||bao-primary');
  });

  test('seed 000: store → ExternalSecret (reads from the local replica), ExternalSecret → Secret → workload', () => {
    expect(byStore).toEqual(expect.arrayContaining([
      'ClusterSecretStore vault-region1 -read-> ExternalSecret apps/app-db-credentials',
      'ClusterSecretStore vault-region1 -read-> ExternalSecret acme-prod/shop-secrets',
      'ExternalSecret apps/app-db-credentials -sync-> Secret apps/app-db-credentials',
      'ExternalSecret acme-prod/shop-secrets -sync-> Secret acme-prod/shop-secrets',
      'Secret acme-prod/shop-secrets -env-> Deployment acme-prod/shop',
    ]));
    expect(byStore.filter(e => e.includes('bao-primary -read->'))).toEqual([]); // nobody reads the primary
    const store = graph.nodes.find(n => n.id === 'store:ClusterSecretStore||vault-region1')!;
    expect(store.details).toEqual(['Vault https://openbao.region1.example.internal', 'KV v2 mount secret']);
  });

  test('Mermaid: stores are subgraphs with their remote paths; edges say what they do', () => {
    const m = graphMermaid(graph);
    expect(m.split('\n')[0]).toBe('flowchart LR');
    expect(m).toMatch(/ {2}subgraph n\d+_s\["ClusterSecretStore bao-primary"\]\n {4}n\d+\[\("Vault https:\/\/openbao\.primary\.example\.internal<br\/>KV v2 mount secret"\)\]\n {4}n\d+>"secret\/databases\/db-credentials"\]\n {2}end/);
    const ids = new Map([...m.matchAll(/^\s+(n\d+)\S*?"([^"]+)"/gm)].map(x => [x[2], x[1]]));
    const primaryPath = m.match(/subgraph n\d+_s\["ClusterSecretStore bao-primary"\]\n.*\n {4}(n\d+)>"secret\/databases\/db-credentials"\]/)![1];
    expect(m).toContain(`${ids.get('PushSecret databases/push-db-credentials')} -->|push| ${primaryPath}`);
    expect(m).toContain(`${ids.get('Password databases/db-password-generator')} -->|generate| ${ids.get('Secret databases/db-credentials')}`);
  });

  test('DOT: a digraph with clusters for stores and labelled edges', () => {
    const d = graphDot(graph);
    expect(d.startsWith('digraph secrets {\n  rankdir=LR;')).toBe(true);
    expect(d).toContain('subgraph cluster_');
    expect(d).toMatch(/n\d+ \[label="ClusterSecretStore bao-primary\\nVault https:\/\/openbao.primary.example.internal\\nKV v2 mount secret", shape=cylinder\];/);
    expect(d).toMatch(/n\d+ -> n\d+ \[label="push"\];/);
  });

  test('Vault policies and roles → stores (seed 004: derived policy, Kubernetes auth role)', () => {
    const texts = edgeTexts(secretGraph(itemsOf(seed004())));
    const auth = texts.filter(t => t.includes('-auth->'));
    const grant = texts.filter(t => t.includes('-grant->'));
    expect(auth.length).toBeGreaterThan(0);
    expect(grant.length).toBeGreaterThan(0);
    expect(auth[0]).toMatch(/^KubernetesAuthEngineRole .* -auth-> (Cluster)?SecretStore /);
    expect(grant[0]).toMatch(/^Policy .* -grant-> KubernetesAuthEngineRole /);
  });

  test('large apps collapse by namespace above maxNodes; --focus keeps one namespace expanded', () => {
    expect(collapseGraph(graph)).toBe(graph); // 15 nodes < 150
    const small = collapseGraph(graph, { maxNodes: 5 });
    expect(small.nodes.every(n => n.kind === 'group')).toBe(true);
    expect(edgeTexts(small)).toEqual(expect.arrayContaining([
      'namespace databases -push-> cluster-scoped objects',
      'cluster-scoped objects -read-> namespace apps',
    ]));
    const focused = collapseGraph(graph, { maxNodes: 5, focus: 'databases' });
    expect(focused.nodes.filter(n => n.namespace === 'databases' && n.kind !== 'group').map(n => n.label).sort()).toEqual([
      'ExternalSecret databases/db-password', 'Password databases/db-password-generator', 'PushSecret databases/push-db-credentials', 'Secret databases/db-credentials',
    ]);
    expect(edgeTexts(focused)).toContain('PushSecret databases/push-db-credentials -push-> cluster-scoped objects');
  });

  test('a large app (200 ExternalSecrets in 20 namespaces) collapses at the default 150 nodes, by namespace or layer', () => {
    const items: SourcedManifest[] = [{ manifest: { apiVersion: 'external-secrets.io/v1', kind: 'ClusterSecretStore', metadata: { name: 'vault' }, spec: { provider: { vault: { server: 'https://v', path: 'kv', version: 'v2' } } } } }];
    for (let i = 0; i < 200; i++) {
      items.push({
        manifest: { apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: `es-${i}`, namespace: `team-${i % 20}` }, spec: { secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' }, data: [{ secretKey: 'a', remoteRef: { key: `team/${i}`, property: 'a' } }] } },
        appliedBy: `flux-system/apps-${i % 4}`,
      });
    }
    const full = secretGraph(items);
    expect(full.nodes.length).toBe(1 + 200 * 3); // store, and per ES: remote path, ES, Secret
    const byNs = collapseGraph(full);
    expect(byNs.nodes.map(n => n.label).sort()).toEqual(['cluster-scoped objects', ...Array.from({ length: 20 }, (_, i) => `namespace team-${i}`)].sort());
    expect(edgeTexts(byNs)).toContain('cluster-scoped objects -read-> namespace team-7');
    const byLayer = collapseGraph(full, { by: 'layer' });
    expect(byLayer.nodes.map(n => n.label).sort()).toEqual(['Kustomization flux-system/apps-0', 'Kustomization flux-system/apps-1', 'Kustomization flux-system/apps-2', 'Kustomization flux-system/apps-3', 'objects no Flux Kustomization applies']);
    const focused = collapseGraph(full, { by: 'layer', focus: 'apps-2' });
    expect(focused.nodes.filter(n => n.kind === 'external-secret')).toHaveLength(50);
    expect(graphMermaid(byNs).split('\n').length).toBeLessThan(100);
  });

  test('a password in a store\'s server URL and control characters in names are not printed', () => {
    const g = secretGraph([
      { manifest: { apiVersion: 'external-secrets.io/v1', kind: 'ClusterSecretStore', metadata: { name: 'v' }, spec: { provider: { vault: { server: 'https://admin:hunter2@vault.example.internal', path: 'kv', version: 'v2', auth: { tokenSecretRef: { name: 't', key: 'k' } } } } } } },
      { manifest: { apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'evil\u001b[2J\nname', namespace: 'shop' }, spec: { secretStoreRef: { kind: 'ClusterSecretStore', name: 'v' }, data: [{ secretKey: 'a', remoteRef: { key: 'app', property: 'a' } }] } } },
    ]);
    const all = [graphMermaid(g), graphDot(g)].join('\n');
    expect(all).not.toContain('hunter2');
    expect(all).toContain('Vault https://***@vault.example.internal');
    expect(all).not.toContain('\u001b');
    expect(all).toContain('ExternalSecret shop/evil\\x1b[2J\\nname');
  });

  test('never a value, and unknown names are not printed as markers', () => {
    const g = secretGraph([
      { manifest: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'plain', namespace: 'shop' }, stringData: { password: 'plain-s3cr3t' } } },
      { manifest: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, spec: { template: { spec: { containers: [{ name: 'c', env: [{ name: 'P', value: 'inline-s3cr3t' }, { name: 'Q', valueFrom: { secretKeyRef: { name: 'plain', key: 'password' } } }] }] } } } } },
      { manifest: { apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'x', namespace: 'shop' }, spec: { secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' }, target: { template: { data: { k: 'literal-s3cr3t' } } }, data: [{ secretKey: 'a', remoteRef: { key: '\u00abflux:APP\u00bb/db', property: 'a' } }] } } },
    ]);
    const all = [graphMermaid(g), graphDot(g), JSON.stringify(g.nodes.map(n => [n.label, n.details]))].join('\n');
    expect(all).not.toMatch(/s3cr3t/);
    expect(all).not.toContain('\u00abflux:');
    expect(all).toContain('(from the cluster)');
    expect(edgeTexts(g)).toContain('Secret shop/plain -env-> Deployment shop/web');
  });
});
