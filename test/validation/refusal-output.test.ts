import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import * as eso from '../../src';
import { SynthRefusal, isRefusal } from '../../src/validation/report';

/**
 * A refused synth run as `cdk8s synth` runs it (a plain node process running the app): the report on stderr,
 * exit code 1, no Node stack trace. The apps load the library from src/ through ts-node.
 */
const SRC = path.resolve(__dirname, '../../src');
const CDK8S = path.dirname(require.resolve('cdk8s/package.json'));
const TSNODE = require.resolve('ts-node/register/transpile-only');
const STORE = `const vault = new eso.ClusterSecretStore(configs, 'vault', { metadata: { name: 'vault' }, provider: eso.SecretStoreProvider.vault({
  server: 'https://vault.example.internal:8200', kv: eso.VaultKv.v2('secret/data'), auth: eso.VaultAuth.kubernetes({ role: 'external-secrets' }) }) });`;
const HEAD = `const { App, Chart } = require(${JSON.stringify(CDK8S)});\nconst eso = require(${JSON.stringify(SRC)});\n`;

const APPS: Record<string, string> = {
  'app-synth': `${HEAD}const app = new App({ outdir: 'dist' });\nconst configs = new Chart(app, 'configs');\n${STORE}\napp.synth();\n`,
  'flux-synth': `${HEAD}const app = new App({ outdir: 'dist' });
const flux = new eso.FluxLayout(app, 'flux', { source: eso.FluxSource.gitRepository('flux-system') });
const configs = new Chart(app, 'configs');\n${STORE}\nflux.configs.add(configs);\nflux.synth();\n`,
  'construct-validation': `${HEAD}const app = new App({ outdir: 'dist' });\nconst c = new Chart(app, 'configs');
c.node.addValidation({ validate: () => ['a construct refuses itself'] });\nnew eso.UuidGenerator(c, 'id');\napp.synth();\n`,
  'async-main': `${HEAD}async function main() { await Promise.resolve(); const app = new App({ outdir: 'dist' }); const configs = new Chart(app, 'configs');\n${STORE}\napp.synth(); }\nmain();\n`,
  'caught': `${HEAD}const app = new App({ outdir: 'dist' });\nconst configs = new Chart(app, 'configs');\n${STORE}
try { app.synth(); } catch (e) { console.error('caught: ' + e.message.split('\\n')[0]); }\n`,
  'flux-orphan': `${HEAD}const app = new App({ outdir: 'dist' });
const flux = new eso.FluxLayout(app, 'flux', { source: eso.FluxSource.gitRepository('flux-system') });
const stray = new Chart(app, 'stray');\nnew eso.UuidGenerator(stray, 'id');\nflux.synth();\n`,
  'foreign-error': `${HEAD}function boom() { throw new Error('a bug, not a refusal'); }\nboom();\n`,
};

interface Run { readonly code: number | null; readonly stderr: string; readonly dist: boolean }
const runs: Record<string, Promise<Run>> = {};
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eso-refusal-'));
  for (const [name, text] of Object.entries(APPS)) {
    const cwd = path.join(dir, name);
    fs.mkdirSync(cwd);
    fs.writeFileSync(path.join(cwd, 'main.js'), text);
    runs[name] = new Promise(resolve => {
      execFile(process.execPath, ['-r', TSNODE, 'main.js'], {
        cwd,
        env: { ...process.env, TS_NODE_PROJECT: path.resolve(__dirname, '../../tsconfig.json'), NO_COLOR: '1' },
        timeout: 90_000,
      }, (err, _stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stderr, dist: fs.existsSync(path.join(cwd, 'dist')) }));
    });
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const STACK_LINE = /^\s+at /m;

describe('a refused synth prints the report and exits 1, without a stack trace', () => {
  jest.setTimeout(120_000);

  test('app.synth(): the report the README shows, exit 1, nothing written', async () => {
    const r = await runs['app-synth'];
    expect(r.code).toBe(1);
    expect(r.stderr).toBe([
      'Validation failed with the following errors:',
      '  [cdk8s-external-secrets.validation] cdk8s-external-secrets found problems:',
      'Error [ESO-VAULT-KV-PATH]: configs/vault (ClusterSecretStore vault): spec.provider.vault.path',
      '  path "secret/data" contains "data": path must be the KV mount only, ESO inserts "/data/" itself (reads would go to "secret/data/data/<key>")',
      '  fix: set path: "secret" (VaultKv.v2(\'secret\'))',
      '1 error, 0 warnings in 1 object — nothing was written.',
      '',
    ].join('\n'));
    expect(r.dist).toBe(false);
  });

  test('FluxLayout.synth(): the report, exit 1, no stack trace into the library', async () => {
    const r = await runs['flux-synth'];
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^cdk8s-external-secrets found problems:\nError \[ESO-VAULT-KV-PATH\]: configs\/vault \(ClusterSecretStore vault\)/);
    expect(r.stderr).toMatch(/— nothing was written\.\n$/);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).not.toContain('layout.ts');
    expect(r.dist).toBe(false);
  });

  test('FluxLayout.synth() refusing a chart in no layer: its message, exit 1, no stack trace', async () => {
    const r = await runs['flux-orphan'];
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^flux: chart\(s\) stray are in no Flux layer/);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.dist).toBe(false);
  });

  test('a construct validation that fails (cdk8s\'s own wording) and a synth inside an async main', async () => {
    const c = await runs['construct-validation'];
    expect(c.code).toBe(1);
    expect(c.stderr).toBe('Validation failed with the following errors:\n  [configs] a construct refuses itself\n');
    const a = await runs['async-main'];
    expect(a.code).toBe(1);
    expect(a.stderr).toContain('Error [ESO-VAULT-KV-PATH]');
    expect(a.stderr).not.toMatch(STACK_LINE);
  });

  test('an app that catches the refusal keeps control; any other error still crashes with its stack trace', async () => {
    const caught = await runs.caught;
    expect(caught.code).toBe(0);
    expect(caught.stderr).toBe('caught: Validation failed with the following errors:\n');
    const foreign = await runs['foreign-error'];
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toContain('Error: a bug, not a refusal');
    expect(foreign.stderr).toMatch(STACK_LINE);
  });
});

describe('programmatic callers still get an error to assert on', () => {
  test('app.synth() throws; the error is recognized as a refusal', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'eso-refusal-inproc-')) });
    const configs = new Chart(app, 'configs');
    new eso.ClusterSecretStore(configs, 'vault', {
      provider: eso.SecretStoreProvider.vault({
        server: 'https://vault.example.internal:8200', kv: eso.VaultKv.v2('secret/data'), auth: eso.VaultAuth.kubernetes({ role: 'external-secrets' }),
      }),
    });
    let thrown: unknown;
    try {
      app.synth();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toMatch(/ESO-VAULT-KV-PATH/);
    expect(isRefusal(thrown)).toBe(true);
    fs.rmSync(app.outdir, { recursive: true, force: true });
  });

  test('SynthRefusal is an Error with its own message; other errors are not refusals', () => {
    const r = new SynthRefusal('chart x is in no layer');
    expect(r).toBeInstanceOf(Error);
    expect(r.message).toBe('chart x is in no layer');
    expect(isRefusal(r)).toBe(true);
    expect(isRefusal(new Error('boom'))).toBe(false);
    expect(isRefusal('Validation failed with the following errors:')).toBe(false);
  });
});
