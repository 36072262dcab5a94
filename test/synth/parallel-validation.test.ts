/**
 * The parallel synth (a large app validated on a worker thread while cdk8s renders it) must write exactly what
 * the sequential one writes, refuse exactly what it refuses, and write nothing when it refuses. The worker runs
 * compiled code, so these tests run apps against lib/ (built by the test task's compile step) in a child process.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const LIB = path.join(__dirname, '..', '..', 'lib');

/** Runs an app of `n` ExternalSecrets (plus one missing its remote key when `bad`) in a child process. */
interface RunOptions { readonly n: number; readonly parallel?: boolean; readonly bad?: boolean; readonly warn?: boolean }

function run(outdir: string, opts: RunOptions): { ok: boolean; stderr: string; usedWorker: boolean } {
  const script = `
    const { App, Chart } = require('cdk8s');
    const lib = require(${JSON.stringify(LIB)});
    const wt = require('worker_threads');
    let usedWorker = false;
    const W = wt.Worker;
    wt.Worker = class extends W { constructor(...a) { super(...a); usedWorker = true; } };
    const app = new App({ outdir: ${JSON.stringify(outdir)} });
    ${opts.parallel === undefined ? '' : `lib.EsoValidation.configure(app, { parallel: ${opts.parallel} });`}
    const chart = new Chart(app, 'apps', { namespace: 'apps', disableResourceNameHashes: true });
    const store = new lib.SecretStore(chart, 'store', { provider: lib.SecretStoreProvider.fake({ data: [], allowPlaintextInGit: true }) });
    for (let i = 0; i < ${opts.n}; i++) {
      new lib.ExternalSecret(chart, 'es-' + i, { store, data: [lib.SecretValue.fromKey('k', 'app/' + i)] });
    }
    ${opts.bad ? "new (require('cdk8s').ApiObject)(chart, 'broken', { apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'broken' }, spec: { secretStoreRef: { kind: 'SecretStore', name: 'store' }, data: [{ secretKey: 'k', remoteRef: {} }] } });" : ''}
    ${opts.warn ? "new lib.ExternalSecret(chart, 'warned', { store, data: [lib.SecretValue.fromKey('k', 'x')], target: { creationPolicy: lib.CreationPolicy.MERGE } });" : ''}
    try { app.synth(); process.stdout.write(JSON.stringify({ ok: true, usedWorker })); }
    catch (e) { process.stdout.write(JSON.stringify({ ok: false, usedWorker, message: e.message })); }
  `;
  const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1' } });
  const r = JSON.parse(out);
  return { ok: r.ok, stderr: r.message ?? '', usedWorker: r.usedWorker };
}

function tree(dir: string): Record<string, string> {
  if (!fs.existsSync(dir)) return {};
  const out: Record<string, string> = {};
  for (const f of (fs.readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const p = path.join(dir, f);
    if (fs.statSync(p).isFile()) out[f] = fs.readFileSync(p, 'utf8');
  }
  return out;
}

const hasTwoCores = (os.availableParallelism?.() ?? os.cpus().length) >= 2;
const maybe = hasTwoCores && fs.existsSync(path.join(LIB, 'synth', 'validation-worker.js')) ? describe : describe.skip;

maybe('parallel validation (lib/, two cores)', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'eso-parallel-'));
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  test('a large valid app: the worker validates it, and the files are byte-identical to the sequential synth', () => {
    const par = run(path.join(base, 'par'), { n: 1200, parallel: true, warn: true });
    const seq = run(path.join(base, 'seq'), { n: 1200, parallel: false, warn: true });
    expect(par).toMatchObject({ ok: true, usedWorker: true });
    expect(seq).toMatchObject({ ok: true, usedWorker: false });
    const a = tree(path.join(base, 'par'));
    expect(Object.keys(a)).toEqual(['apps.k8s.yaml']);
    expect(a).toEqual(tree(path.join(base, 'seq')));
  }, 60_000);

  test('a large app with an error: the same report as the sequential synth, and nothing is written (not even the outdir)', () => {
    const par = run(path.join(base, 'bad-par', 'dist'), { n: 1200, parallel: true, bad: true });
    const seq = run(path.join(base, 'bad-seq', 'dist'), { n: 1200, parallel: false, bad: true });
    expect(par.ok).toBe(false);
    expect(par.usedWorker).toBe(true);
    expect(par.stderr).toContain('ESO-SCHEMA');
    expect(par.stderr).toBe(seq.stderr);
    expect(fs.existsSync(path.join(base, 'bad-par'))).toBe(false);
    expect(fs.existsSync(path.join(base, 'bad-seq'))).toBe(false);
  }, 60_000);

  test('an outdir that exists keeps its files when the parallel synth refuses the app', () => {
    const outdir = path.join(base, 'existing');
    fs.mkdirSync(outdir);
    fs.writeFileSync(path.join(outdir, 'apps.k8s.yaml'), 'previous\n');
    expect(run(outdir, { n: 1200, parallel: true, bad: true }).ok).toBe(false);
    expect(tree(outdir)).toEqual({ 'apps.k8s.yaml': 'previous\n' });
  }, 60_000);

  test('by default (parallel not set) even a large app is validated on the main thread', () => {
    expect(run(path.join(base, 'default'), { n: 1200 })).toMatchObject({ ok: true, usedWorker: false });
  }, 60_000);

  test('a small app is validated on the main thread', () => {
    expect(run(path.join(base, 'small'), { n: 10, parallel: true })).toMatchObject({ ok: true, usedWorker: false });
  }, 60_000);
});
