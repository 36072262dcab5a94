import { execFileSync } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { validateCommand } from '../../src/cli/validate-command';
import { VAULT_CLUSTER_STORE, fluxKustomization, tempTree } from '../support/repo-files';

const tmp = (files: Record<string, string | Buffer>) => tempTree(files, 'eso-cli-');

function run(paths: string[], strict = false) {
  const lines: string[] = [];
  const code = validateCommand(paths, { strict, out: l => lines.push(l) });
  return { code, lines, summary: lines[lines.length - 1] };
}

const GOOD_STORE = VAULT_CLUSTER_STORE;

describe('cdk8s-eso validate', () => {
  test('maxBytes (--max-file-size): a larger file is one diagnostic, a smaller one is read', () => {
    const dir = tmp({ 'store.yaml': GOOD_STORE });
    const small: string[] = [];
    expect(validateCommand([dir], { raw: true, maxBytes: 100, out: l => small.push(l) })).toBe(1);
    expect(small.join('\n')).toContain('CLI-READ');
    expect(validateCommand([dir], { raw: true, maxBytes: 1_000_000, out: () => undefined })).toBe(0);
  });

  test('- reads rendered YAML from stdin (kustomize build DIR | cdk8s-eso validate -)', () => {
    const lines: string[] = [];
    const bad = GOOD_STORE.replace('apiVersion: external-secrets.io/v1', 'apiVersion: external-secrets.io/v1beta1');
    const code = validateCommand(['-'], { stdin: () => `${GOOD_STORE}---\n${bad.replace('name: vault', 'name: old')}`, out: l => lines.push(l) });
    expect(code).toBe(1);
    expect(lines[0]).toMatch(/^<stdin>:\d+: ClusterSecretStore old: apiVersion: /);
    expect(lines[lines.length - 1]).toBe('1 error, 0 warnings in 2 objects');
    expect(validateCommand(['-'], { stdin: () => GOOD_STORE, out: () => undefined })).toBe(0);
  });

  test('a folder with Flux Kustomizations is read as Flux builds it; --raw reads it file by file', () => {
    const dir = tmp({
      'clusters/prod/sync.yaml': `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: apps
  namespace: flux-system
spec:
  interval: 10m
  path: ./apps
  prune: true
  targetNamespace: shop
  sourceRef:
    kind: GitRepository
    name: flux-system
  postBuild:
    substitute:
      STORE: vault
`,
      'apps/store.yaml': GOOD_STORE,
      'apps/es.yaml': `apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: db
spec:
  refreshInterval: \${INTERVAL:=1h}
  secretStoreRef:
    kind: ClusterSecretStore
    name: \${STORE}
  target:
    name: db
  data:
    - secretKey: password
      remoteRef:
        key: shop/db
        property: password
`,
    });
    const repo: string[] = [];
    expect(validateCommand([dir], { out: l => repo.push(l) })).toBe(0);
    expect(repo[repo.length - 1]).toMatch(/^0 errors, \d+ warnings? in 3 objects/);
    // file by file, the variables are read literally: a bad duration and a store that does not exist
    const raw: string[] = [];
    expect(validateCommand([dir], { raw: true, out: l => raw.push(l) })).toBe(1);
    expect(raw.join('\n')).toContain('ESO-ES-REFRESH-INTERVAL');
  });

  test('with Kustomizations that are not checked, a store only seen in another namespace is a warning, not an error', () => {
    const ks = fluxKustomization;
    const files = (withForeign: boolean) => ({
      'clusters/prod/flux-system/gotk-sync.yaml': ks('flux-system', './clusters/prod'),
      'clusters/prod/apps.yaml': ks('apps', './apps') + (withForeign ? `---\n${ks('tenant', './deploy', 'tenant-repo')}` : ''),
      'apps/store.yaml': GOOD_STORE.replace('kind: ClusterSecretStore', 'kind: SecretStore').replace('name: vault', 'name: vault\n  namespace: platform'),
      'apps/es.yaml': `apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: db
  namespace: shop
spec:
  secretStoreRef:
    kind: SecretStore
    name: vault
  data:
    - secretKey: password
      remoteRef:
        key: shop/db
        property: password
`,
    });
    const whole: string[] = [];
    expect(validateCommand([tmp(files(false))], { out: l => whole.push(l) })).toBe(1);
    expect(whole.join('\n')).toMatch(/error.*ESO-ES-STORE-NAMESPACE|ESO-ES-STORE-NAMESPACE.*error/i);
    const partial: string[] = [];
    expect(validateCommand([tmp(files(true))], { out: l => partial.push(l) })).toBe(0);
    const text = partial.join('\n');
    expect(text).toContain('not checked');
    expect(text).toContain('ESO-ES-STORE-NAMESPACE');
    expect(text).toContain('unless a Kustomization that was not checked defines it');
  });

  test('prints FILE: KIND NAMESPACE/NAME: FIELD: MESSAGE (fix: ...) and exits 1 on errors', () => {
    const dir = tmp({ 'apps/es.yaml': 'apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: db\n  namespace: shop\nspec:\n  dataFrom:\n    - extract:\n        key: shop/db\n' });
    const r = run([dir]);
    expect(r.code).toBe(1);
    const file = path.join(dir, 'apps/es.yaml');
    expect(r.lines[0]).toBe(`${file}:1: ExternalSecret shop/db: apiVersion: external-secrets.io/v1beta1 ExternalSecret is not served by the pinned CRDs (deprecated); the API server rejects it: no matches for kind "ExternalSecret" in version "external-secrets.io/v1beta1" (fix: use apiVersion: external-secrets.io/v1) [error ESO-API-VERSION]`);
    expect(r.summary).toBe('1 error, 0 warnings in 1 object');
  });

  test('valid manifests, multi-document files and nested folders exit 0', () => {
    const dir = tmp({ 'a/b/store.yaml': `${GOOD_STORE}---\n${GOOD_STORE.replace('name: vault', 'name: vault2')}`, 'a/cm.yml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n' });
    const r = run([dir]);
    expect(r.lines).toEqual(['0 errors, 0 warnings in 3 objects']);
    expect(r.code).toBe(0);
  });

  test('kinds it does not know are skipped, not errors', () => {
    const dir = tmp({ 'x.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  anything: true\n' });
    expect(run([dir]).code).toBe(0);
  });

  test('malformed YAML names the file and line and the run goes on with other files', () => {
    const dir = tmp({ 'bad.yaml': `${GOOD_STORE.replace('name: vault', 'name: vault-a')}---\nkind: [\n  broken\n`, 'good.yaml': GOOD_STORE });
    const r = run([dir]);
    expect(r.code).toBe(1);
    expect(r.lines.some(l => l.startsWith(`${path.join(dir, 'bad.yaml')}:`) && l.includes('malformed YAML'))).toBe(true);
    expect(r.summary).toBe('1 error, 0 warnings in 2 objects');
  });

  test('lists, scalars, empty files, binary files and missing paths each give one diagnostic', () => {
    const dir = tmp({ 'list.yaml': '- a\n- b\n', 'scalar.yaml': 'just text\n', 'empty.yaml': '\n', 'bin.yaml': Buffer.from([0, 1, 2]), 'noapi.yaml': 'foo: bar\n' });
    const r = run([dir, path.join(dir, 'missing.yaml')]);
    const text = r.lines.join('\n');
    expect(text).toMatch(/list\.yaml:1: document is a list/);
    expect(text).toMatch(/scalar\.yaml:1: document is a string/);
    expect(text).toMatch(/empty\.yaml: file is empty .*warning CLI-EMPTY/);
    expect(text).toMatch(/bin\.yaml: binary file/);
    expect(text).toMatch(/missing\.yaml: cannot read: ENOENT/);
    expect(text).toMatch(/noapi\.yaml:1: document has no apiVersion\/kind/);
    expect(r.summary).toBe('4 errors, 2 warnings in 0 objects');
    expect(r.code).toBe(1);
  });

  test('--each validates every path as its own app', () => {
    const a = tmp({ 'store.yaml': GOOD_STORE });
    const b = tmp({ 'es.yaml': 'apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: x\n  namespace: y\n' });
    const lines: string[] = [];
    expect(validateCommand([a, b], { each: true, out: l => lines.push(l) })).toBe(1);
    expect(lines.filter(l => /: \d+ errors?, /.test(l))).toEqual([`${a}: 0 errors, 0 warnings in 1 object`, `${b}: 1 error, 0 warnings in 1 object`]);
    expect(validateCommand([a, a], { each: true, out: () => undefined })).toBe(0);
  });

  test('--strict turns warnings into errors', () => {
    const dir = tmp({ 'empty.yaml': '' });
    expect(run([dir]).code).toBe(0);
    expect(run([dir], true).code).toBe(1);
  });

  test('a 10 MB file is read and validated', () => {
    const doc = (i: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  k: "` + 'x'.repeat(1000) + '"\n';
    const n = Math.ceil(10_000_000 / doc(0).length);
    const dir = tmp({ 'big.yaml': Array.from({ length: n }, (_, i) => doc(i)).join('---\n') });
    const r = run([dir]);
    expect(r.code).toBe(0);
    expect(r.summary).toBe(`0 errors, 0 warnings in ${n} objects`);
  });

  test('the bin prints usage and exits 2 on bad arguments', () => {
    const main = path.join(__dirname, '..', '..', 'src', 'cli', 'main.ts');
    const res = (args: string[]) => {
      try {
        execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', main, ...args], { encoding: 'utf8', stdio: 'pipe' });
        return 0;
      } catch (e: any) {
        return e.status as number;
      }
    };
    expect(res([])).toBe(2);
    expect(res(['frobnicate'])).toBe(2);
    expect(res(['validate'])).toBe(2);
    expect(res(['validate', '--bogus', '.'])).toBe(2);
    expect(res(['validate', '.', '--previous'])).toBe(2);
  });

  describe('--previous DIR', () => {
    const ks = (name: string) => fluxKustomization(name, `./dist/${name}`);
    const es = `apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: db
  namespace: shop
spec:
  refreshInterval: 1h
  secretStoreRef:
    kind: ClusterSecretStore
    name: vault
  target:
    name: db
  data:
    - secretKey: password
      remoteRef:
        key: shop/db
        property: password
`;
    const output = (layer: string) => tmp({
      'dist/flux/apps.yaml': ks('apps'),
      'dist/flux/payments.yaml': ks('payments'),
      'dist/configs/store.yaml': GOOD_STORE,
      [`dist/${layer}/db.yaml`]: es,
    });

    test('warns when an Owner ExternalSecret moved to another Kustomization', () => {
      const previous = output('apps');
      const current = output('payments');
      const lines: string[] = [];
      const code = validateCommand([path.join(current, 'dist')], { raw: true, previous: path.join(previous, 'dist'), out: l => lines.push(l) });
      expect(code).toBe(0);
      const line = lines.find(l => l.includes('ESO-FLUX-PRUNE-MOVE'));
      expect(line).toContain(path.join(current, 'dist/payments/db.yaml'));
      expect(line).toContain('ExternalSecret "shop/db" takes over Secret "db" from "shop/db" (Kustomization "apps" → "payments")');
      // without --previous, or against an unchanged output, nothing to say
      expect(run([path.join(current, 'dist')]).lines.join('\n')).not.toContain('ESO-FLUX-PRUNE-MOVE');
      const same: string[] = [];
      validateCommand([path.join(current, 'dist')], { raw: true, previous: path.join(current, 'dist'), out: l => same.push(l) });
      expect(same.join('\n')).not.toContain('ESO-FLUX-PRUNE-MOVE');
    });

    test('a missing DIR exits 2', () => {
      const lines: string[] = [];
      expect(validateCommand([output('apps')], { previous: path.join(os.tmpdir(), 'no-such-eso-dir-xyz'), out: l => lines.push(l) })).toBe(2);
      expect(lines[0]).toContain('--previous DIR does not exist');
    });
  });
});
