import * as path from 'path';
import { graphCommand } from '../../src/cli/graph-command';
import { inventoryCommand } from '../../src/cli/inventory-command';

const REPO = path.join(__dirname, '..', 'fixtures', 'flux-repos', 'postbuild-variables');

describe('cdk8s-eso inventory / graph read like validate', () => {
  test('repository mode: the Flux Kustomization that applies each ExternalSecret, values from the cluster not printed', () => {
    let md = '';
    expect(inventoryCommand([REPO], { out: t => (md = t) })).toBe(0);
    const row = md.split('\n').find(l => l.startsWith('| `shop-env` |'))!;
    expect(row.split(' | ')).toEqual([
      '| `shop-env`', 'flux-system/apps', '… (more from dataFrom / templateFrom)', 'ClusterSecretStore/(from the cluster)', 'shop', '(from the cluster)', '', 'Owner',
      '', `ExternalSecret shop/shop-env (${path.relative(process.cwd(), path.join(REPO, 'apps', 'external-secret.yaml'))}:2) |`,
    ]);
    expect(md).not.toContain('\u00abflux:');
    let json = '';
    inventoryCommand([REPO], { format: 'json', out: t => (json = t) });
    expect(JSON.parse(json).namespaces[0].entries[0]).toMatchObject({ secret: 'shop-env', namespace: 'shop', appliedBy: 'flux-system/apps' });
  });

  test('repository mode: the graph with the substituted store and remote path', () => {
    let g = '';
    expect(graphCommand([REPO], { format: 'json', out: t => (g = t) })).toBe(0);
    const graph = JSON.parse(g);
    const label = new Map(graph.nodes.map((n: any) => [n.id, n.label]));
    const edges = graph.edges.map((e: any) => `${label.get(e.from)} -${e.label}-> ${label.get(e.to)}`);
    expect(edges).toContain('PushSecret shop/shop-token -push-> secret/shop/token'); // remoteKey secret/${APP}/token, APP: shop
    expect(edges).toContain('Secret shop/shop-token -source-> PushSecret shop/shop-token');
    expect(graph.nodes.find((n: any) => n.label === 'ExternalSecret shop/shop-env').layer).toBe('flux-system/apps');
  });

  test('--by layer: one table per Flux Kustomization', () => {
    let md = '';
    expect(inventoryCommand([REPO], { groupBy: 'layer', out: t => (md = t) })).toBe(0);
    expect(md).toContain('## Kustomization flux-system/apps\n\n| Secret | namespace |');
    expect(md).toContain('| `shop-env` | shop |');
  });

  test('a path that does not exist: the problem on err, exit 2', () => {
    const err: string[] = [];
    expect(inventoryCommand(['no/such/dir'], { out: () => undefined, err: l => err.push(l) })).toBe(2);
    expect(graphCommand(['no/such/dir'], { out: () => undefined, err: l => err.push(l) })).toBe(2);
    expect(err[0]).toMatch(/^no\/such\/dir: .* \[error CLI-READ\]$/);
  });

  test('graph --max-nodes collapses by namespace, --focus keeps one expanded', () => {
    let m = '';
    graphCommand([REPO], { maxNodes: 3, out: t => (m = t) });
    expect(m).toContain('"namespace shop<br/>');
    graphCommand([REPO], { maxNodes: 3, focus: 'shop', out: t => (m = t) });
    expect(m).toContain('"PushSecret shop/shop-token"');
    expect(m).not.toContain('"namespace shop');
  });
});
