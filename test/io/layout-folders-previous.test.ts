import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart } from 'cdk8s';
import { FluxLayer, FluxLayout, FluxSource, PreviousOutput } from '../../src';
import { previousObjectsOf, readCommittedFolders, readOwnedFolders } from '../../src/io/layout-folders';
import { vaultClusterStore } from '../support/manifests';

const REPO_PATH = 'clusters/prod';

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, '-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' });
}

/** A fresh Git work tree with one commit (so HEAD exists), and the layout's outdir inside it. */
function repo(): { root: string; outdir: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eso-prev-'));
  git(root, 'init', '-q');
  fs.writeFileSync(path.join(root, 'README'), 'test\n');
  git(root, 'add', 'README');
  git(root, 'commit', '-q', '-m', 'init');
  return { root, outdir: path.join(root, ...REPO_PATH.split('/')) };
}

function app(outdir: string, options: { appsLayer?: (l: FluxLayout) => FluxLayer; previousOutput?: PreviousOutput } = {}): FluxLayout {
  const a = new App({ outdir });
  const layout = new FluxLayout(a, 'flux', {
    source: FluxSource.gitRepository('flux-system'),
    repositoryPath: REPO_PATH,
    ...(options.previousOutput ? { previousOutput: options.previousOutput } : {}),
  });
  const configs = new Chart(a, 'configs');
  new ApiObject(configs, 'vault', vaultClusterStore());
  layout.configs.add(configs);
  const apps = new Chart(a, 'apps', { namespace: 'example' });
  new ApiObject(apps, 'db', {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: { name: 'db' },
    spec: { refreshInterval: '1h', secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' }, target: { name: 'db', creationPolicy: 'Owner' }, data: [{ secretKey: 'password', remoteRef: { key: 'example/db', property: 'password' } }] },
  });
  (options.appsLayer?.(layout) ?? layout.apps).add(apps);
  return layout;
}

const moved = (l: FluxLayout) => l.addLayer('payments', { dependsOn: [l.configs] });

/** What synth() prints to stderr. */
function printed(run: () => void): string {
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    run();
    return stderr.mock.calls.map(c => String(c[0])).join('');
  } finally {
    stderr.mockRestore();
  }
}

describe('previousObjectsOf: only what the comparison needs', () => {
  test('ExternalSecrets and Flux Kustomizations, reduced; other kinds (and kustomize files) are not parsed', () => {
    const text = [
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  a: b\n',
      'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: db\n  namespace: shop\n  labels:\n    x: y\n  annotations:\n    kustomize.toolkit.fluxcd.io/prune: disabled\n    other: z\n' +
        'spec:\n  refreshInterval: 1h\n  target:\n    name: db-secret\n    creationPolicy: Orphan\n  data:\n    - secretKey: k\n      remoteRef:\n        key: shop/db\n',
      'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\n  namespace: flux-system\nspec:\n  path: ./clusters/prod/apps\n  prune: true\n  interval: 10m\n',
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - a.yaml\n',
      'kind: ExternalSecret\n  : broken: [\n',
    ].join('---\n');
    expect(previousObjectsOf(text)).toEqual([
      {
        apiVersion: 'external-secrets.io/v1',
        kind: 'ExternalSecret',
        metadata: { name: 'db', namespace: 'shop', annotations: { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' } },
        spec: { target: { name: 'db-secret', creationPolicy: 'Orphan' } },
      },
      {
        apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
        kind: 'Kustomization',
        metadata: { name: 'apps', namespace: 'flux-system' },
        spec: { path: './clusters/prod/apps', prune: true, targetNamespace: undefined, dependsOn: undefined, wait: undefined },
      },
    ]);
  });

  test('a large previous output: thousands of other objects cost a text scan, only the ExternalSecrets are kept', () => {
    const docs = Array.from({ length: 5000 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n  namespace: shop\ndata:\n  k: v\n`);
    docs.push('apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: db\n  namespace: shop\nspec:\n  target:\n    name: db\n');
    const started = Date.now();
    expect(previousObjectsOf(docs.join('---\n')).map(m => m.metadata?.name)).toEqual(['db']);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('FluxLayout compares with the committed output (ESO-FLUX-PRUNE-MOVE)', () => {
  test('bad: cdk8s synth deleted the outdir, but HEAD has the old layer: the move is still reported', () => {
    const { root, outdir } = repo();
    app(outdir).synth();
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'output');
    fs.rmSync(outdir, { recursive: true, force: true }); // what cdk8s synth does before the app runs
    const out = printed(() => app(outdir, { appsLayer: moved }).synth());
    expect(out).toContain('ESO-FLUX-PRUNE-MOVE');
    expect(out).toContain('ExternalSecret "example/db" takes over Secret "db" from "example/db" (Kustomization "apps" → "payments")');
    expect(readCommittedFolders(outdir, `${REPO_PATH}/`)!.map(i => i.file)).toEqual([
      'clusters/prod/apps/apps.yaml',
      'clusters/prod/flux/apps.yaml',
      'clusters/prod/flux/configs.yaml',
      'clusters/prod/flux/controllers.yaml',
    ]);
  });

  test('good: the committed output is the reference, not an uncommitted synth on disk', () => {
    const { root, outdir } = repo();
    app(outdir, { appsLayer: moved }).synth();
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'output');
    app(outdir).synth(); // back to apps on disk (warned), not committed
    // HEAD says payments: moving it back to payments changes nothing Flux has
    expect(printed(() => app(outdir, { appsLayer: moved }).synth())).not.toContain('ESO-FLUX-PRUNE-MOVE');
  });

  test('good: nothing committed and nothing on disk (a first synth in a work tree): silent', () => {
    const { outdir } = repo();
    expect(readCommittedFolders(outdir, '')).toBeUndefined();
    expect(printed(() => app(outdir, { appsLayer: moved }).synth())).not.toContain('ESO-FLUX-PRUNE-MOVE');
  });

  test('outside a Git work tree: no git at all, the outdir on disk is the reference', () => {
    const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eso-nogit-')), 'clusters', 'prod');
    expect(readCommittedFolders(outdir, '')).toBeUndefined();
    app(outdir).synth();
    expect(printed(() => app(outdir, { appsLayer: moved }).synth())).toContain('ESO-FLUX-PRUNE-MOVE');
  });

  test('PreviousOutput.directory(dir): compares with that folder; PreviousOutput.none(): with nothing', () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'eso-prevdir-'));
    const mainBranch = path.join(base, 'main-output');
    app(mainBranch).synth();
    expect(readOwnedFolders(mainBranch, '')!.some(i => i.manifest.kind === 'ExternalSecret')).toBe(true);
    const outdir = path.join(base, 'pr', 'clusters', 'prod');
    expect(printed(() => app(outdir, { appsLayer: moved, previousOutput: PreviousOutput.directory(mainBranch) }).synth())).toContain('ESO-FLUX-PRUNE-MOVE');
    // the outdir now holds "payments"; with none() even a move back is not compared
    expect(printed(() => app(outdir, { previousOutput: PreviousOutput.none() }).synth())).not.toContain('ESO-FLUX-PRUNE-MOVE');
    expect(() => PreviousOutput.directory('')).toThrow(/give the folder/);
  });
});
