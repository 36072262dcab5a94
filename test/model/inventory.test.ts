import { Testing } from 'cdk8s';
import { buildApp as seed000 } from '../../examples/seed-000-openova/app';
import { buildApp as seed003 } from '../../examples/seed-003-tazlab/app';
import { FROM_CLUSTER, InventoryEntry, inventoryCsv, inventoryMarkdown, remoteKeysText, secretInventory } from '../../src/model/inventory';
import { SourcedManifest } from '../../src/model/manifest';

const itemsOf = (app: ReturnType<typeof seed003>): SourcedManifest[] => app.charts.flatMap(c => Testing.synth(c)).map(manifest => ({ manifest }));

/**
 * Seed 003's hand-written "ExternalSecret Inventory" (../shared/seeds/003_*.txt, tazlab-k8s
 * docs/external-secrets.md): output Secret, namespace, keys (or template) and the Vault path (relative to the KV
 * mount `secret`; `*` as the document writes it). dex-rendered-config has no path in the document.
 */
const SEED_003 = [
  { secret: 'cloudflare-api-token', namespace: 'cert-manager', keys: ['api-token'], path: 'tazlab-k8s/static/infra/cloudflare-ddns/CLOUDFLARE_API_TOKEN' },
  { secret: 'wildcard-tls', namespace: 'hugo-blog', type: 'kubernetes.io/tls', path: 'tazlab-k8s/static/tls/wildcard/WILDCARD_*' },
  // "The wildcard TLS is also replicated via ExternalSecret in namespaces: dex, auth, longhorn-system"
  { secret: 'wildcard-tls', namespace: 'dex', type: 'kubernetes.io/tls', path: 'tazlab-k8s/static/tls/wildcard/WILDCARD_*' },
  { secret: 'wildcard-tls', namespace: 'auth', type: 'kubernetes.io/tls', path: 'tazlab-k8s/static/tls/wildcard/WILDCARD_*' },
  { secret: 'wildcard-tls', namespace: 'longhorn-system', type: 'kubernetes.io/tls', path: 'tazlab-k8s/static/tls/wildcard/WILDCARD_*' },
  { secret: 's3-backrest-creds', namespace: 'tazlab-db', files: ['s3.conf'], path: 'tazlab-k8s/static/storage/tazlab-db/AWS_*', refresh: '24h' },
  { secret: 'github-api-token', namespace: 'flux-system', keys: ['github_token'], path: 'tazlab-k8s/static/infra/github/GITHUB_TOKEN' },
  { secret: 'oauth2-proxy-secrets', namespace: 'auth', keys: ['OAUTH2_PROXY_CLIENT_SECRET', 'OAUTH2_PROXY_COOKIE_SECRET'], path: 'tazlab-k8s/static/auth/oauth2-proxy/OAUTH2_*' },
  { secret: 'dex-rendered-config', namespace: 'dex' },
  { secret: 'tailscale-operator-oauth', namespace: 'tailscale', keys: ['TAILSCALE_OPERATOR_CLIENT_ID', 'TAILSCALE_OPERATOR_CLIENT_SECRET'], path: 'tazlab-k8s/static/infra/tailscale/TAILSCALE_OPERATOR_*' },
  { secret: 'grafana-bootstrap-secret', namespace: 'flux-system', keys: ['GRAFANA_DB_PASSWORD'], path: 'tazlab-k8s/static/monitoring/grafana/GRAFANA_DB_PASSWORD' },
];

const glob = (p: string) => new RegExp(`^${p.split('*').map(s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);

describe('secretInventory', () => {
  const inv = secretInventory(itemsOf(seed003()));
  const entries = inv.namespaces.flatMap(g => g.entries);
  const find = (secret: string, namespace: string) => entries.filter(e => e.secret === secret && e.namespace === namespace);

  test.each(SEED_003)('seed 003: $namespace/$secret is listed with its remote path', row => {
    const found = find(row.secret, row.namespace);
    expect(found).toHaveLength(1);
    const e = found[0];
    expect(e.sources.length).toBeGreaterThan(0);
    for (const s of e.sources) {
      expect(s.from).toBe('ClusterSecretStore/tazlab-secrets-vault');
      expect(s.property).toBe('value'); // "remoteRef.property: value on all entries"
      if (row.path) expect(s.remoteKey).toMatch(glob(row.path));
    }
    if (row.keys) expect(e.keys).toEqual(row.keys);
    if (row.type) expect(e.templateType).toBe(row.type);
    if (row.files) expect(e.templateFiles).toEqual(row.files);
    expect(e.refreshPolicy).toBe('Periodic');
    expect(e.refreshInterval).toBe(row.refresh ?? '1h'); // "All ExternalSecrets use refreshInterval: 1h except s3-backrest-creds: 24h"
    expect(e.creationPolicy).toBe('Owner'); // design rule 2
  });

  test('seed 003: nothing else, and the Markdown has one table per namespace with a row per Secret', () => {
    expect(entries.map(e => `${e.namespace}/${e.secret}`).sort()).toEqual(SEED_003.map(r => `${r.namespace}/${r.secret}`).sort());
    const md = inventoryMarkdown(inv);
    expect(inv.namespaces.map(g => g.namespace)).toEqual(['auth', 'cert-manager', 'dex', 'flux-system', 'hugo-blog', 'longhorn-system', 'tailscale', 'tazlab-db']);
    for (const g of inv.namespaces) expect(md).toContain(`\n## ${g.namespace}\n\n| Secret | Flux Kustomization | keys | store |`);
    expect(md).toContain('| `s3-backrest-creds` |  | s3.conf | ClusterSecretStore/tazlab-secrets-vault | tazlab-k8s/static/storage/tazlab-db/AWS_ACCESS_KEY_ID (value)<br>tazlab-k8s/static/storage/tazlab-db/AWS_SECRET_ACCESS_KEY (value) | 24h | s3.conf | Owner |');
    expect(md).toContain('| ClusterExternalSecret wildcard-tls-replicas |');
  });

  test('seed 000: the PushSecret that writes a Secret back is listed, with the store it writes to', () => {
    const e = secretInventory(itemsOf(seed000())).namespaces.flatMap(g => g.entries).find(x => x.secret === 'db-credentials')!;
    expect(e.sources).toEqual([{ type: 'generator', from: 'Password/db-password-generator' }]);
    expect(remoteKeysText(e)).toEqual(['generator Password/db-password-generator']);
    expect(e.refreshPolicy).toBe('CreatedOnce');
    expect(e.pushedBy).toEqual(['PushSecret databases/push-db-credentials → ClusterSecretStore/bao-primary: databases/db-credentials']);
    expect(e.keysComplete).toBe(false); // dataFrom: the generator's keys
  });

  const es = (spec: Record<string, unknown>, name = 'app') => ({
    manifest: { apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name, namespace: 'shop' }, spec: { secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' }, ...spec } },
  });

  test('never a value: template literals, plain Secrets and SOPS ciphertext stay out of every format', () => {
    const items: SourcedManifest[] = [
      es({ target: { template: { data: { 'app.conf': 'password=hunter2-literal' } } }, data: [{ secretKey: 'x', remoteRef: { key: 'shop/app', property: 'x' } }] }),
      { manifest: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'plain', namespace: 'shop' }, stringData: { password: 'plain-s3cr3t' } } },
      es({ data: [{ secretKey: 'y', remoteRef: { key: 'ENC[AES256_GCM,data:abcd,type:str]', property: 'y' } }] }, 'sops'),
    ];
    const inv2 = secretInventory(items);
    const all = [inventoryMarkdown(inv2), inventoryCsv(inv2), JSON.stringify(inv2)].join('\n');
    expect(all).toContain('app.conf');
    expect(all).not.toContain('hunter2');
    expect(all).not.toContain('plain-s3cr3t');
    expect(all).not.toContain('ENC[');
    expect(inv2.namespaces[0].entries.find(e => e.secret === 'sops')!.sources[0].remoteKey).toBe(FROM_CLUSTER);
  });

  test('unknown is not wrong: a Flux variable is shown as "(from the cluster)", never as its marker', () => {
    const inv2 = secretInventory([es({ target: { name: '\u00abflux:APP\u00bb-db' }, data: [{ secretKey: 'p', remoteRef: { key: '\u00abflux:APP\u00bb/db', property: 'p' } }] })]);
    const md = inventoryMarkdown(inv2);
    expect(md).not.toContain('\u00abflux:');
    const e: InventoryEntry = inv2.namespaces[0].entries[0];
    expect([e.secret, e.sources[0].remoteKey]).toEqual([FROM_CLUSTER, FROM_CLUSTER]);
  });

  test('the Flux Kustomization: from the repository reader (appliedBy) or the FluxLayout option', () => {
    const item = { ...es({ data: [] }), appliedBy: 'flux-system/apps' };
    expect(secretInventory([item]).namespaces[0].entries[0].appliedBy).toBe('flux-system/apps');
    expect(secretInventory([item], { appliedBy: () => 'flux-system/secrets' }).namespaces[0].entries[0].appliedBy).toBe('flux-system/secrets');
  });

  test('one table per Flux Kustomization (groupBy layer), the namespace as a column', () => {
    const items = [{ ...es({ data: [] }, 'a'), appliedBy: 'flux-system/apps' }, { ...es({ data: [] }, 'b'), appliedBy: 'flux-system/payments' }, es({ data: [] }, 'c')];
    const inv2 = secretInventory(items, { groupBy: 'layer' });
    expect(inv2.namespaces.map(g => [g.namespace, g.entries.map(e => e.secret)])).toEqual([['flux-system/apps', ['a']], ['flux-system/payments', ['b']], ['', ['c']]]);
    const md = inventoryMarkdown(inv2);
    expect(md).toContain('3 Secrets written by ExternalSecrets in 3 Flux Kustomizations.');
    expect(md).toContain('## Kustomization flux-system/apps\n\n| Secret | namespace | keys |');
    expect(md).toContain('## (not applied by a known Flux Kustomization)');
    expect(md).toContain('| `a` | shop | ');
    expect(inventoryCsv(inv2).split('\r\n')[1].startsWith('shop,a,')).toBe(true);
  });

  test('control characters in names are escaped, not printed', () => {
    const md = inventoryMarkdown(secretInventory([es({ target: { name: 'db\u001b]0;pwned\u0007' }, data: [{ secretKey: 'k\n| x', remoteRef: { key: 'a', property: 'p' } }] })]));
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(md).toContain('`db\\x1b]0;pwned\\x07`');
    expect(md).toContain('k\\\\n\\| x'); // the escaped newline, then the escaped pipe
  });

  test('Markdown and CSV escaping: a pipe cannot break a table, a comma or quote is quoted', () => {
    const inv2 = secretInventory([es({ data: [{ secretKey: 'k', remoteRef: { key: 'a|b,"c"', property: 'p' } }] })]);
    expect(inventoryMarkdown(inv2)).toContain('| a\\|b,"c" (p) |');
    expect(inventoryCsv(inv2).split('\r\n')[1]).toContain(',"a|b,""c"" (p)",');
  });
});
