import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Testing } from 'cdk8s';
import { EXAMPLES, synthAll } from '../../examples/synth-all';
import { ClusterSecretStore, EsoValidation, SecretStoreProvider } from '../../src';

describe.each(EXAMPLES.map(e => [e.dir, e] as const))('example %s', (_dir, example) => {
  test('validates with 0 errors (every ApiObject of the app through the engine)', () => {
    const app = example.build();
    EsoValidation.configure(app, { printWarnings: false });
    const diagnostics = EsoValidation.of(app).diagnostics();
    expect(diagnostics.filter(d => d.severity === 'error')).toEqual([]);
  });

  test('snapshot of every chart', () => {
    const app = example.build();
    EsoValidation.configure(app, { printWarnings: false });
    const charts = app.node.findAll().filter((c): c is Chart => Chart.isChart(c));
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) {
      expect(Testing.synth(chart)).toMatchSnapshot(chart.node.path);
    }
  });
});

describe('synth-all', () => {
  let root: string;
  beforeEach(() => { root = fs.mkdtempSync(path.join(os.tmpdir(), 'eso-synth-all-')); });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  test('writes every example into <root>/<seed-dir>/', () => {
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(synthAll(root)).toBe(0);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    for (const e of EXAMPLES) {
      // a seed laid out by FluxLayout writes its YAML into one folder per layer
      expect((fs.readdirSync(path.join(root, e.dir), { recursive: true }) as string[]).filter(f => f.endsWith('.yaml')).length).toBeGreaterThan(0);
    }
  });

  test('fails with a non-zero exit and writes nothing when one app does not validate', () => {
    const broken = {
      dir: 'broken',
      build: (outdir?: string) => {
        const app = new App(outdir ? { outdir } : {});
        const chart = new Chart(app, 'configs');
        new ClusterSecretStore(chart, 'dev', { provider: SecretStoreProvider.fake({ data: [{ key: 'k', value: 'example-not-a-secret' }] }) });
        return app;
      },
    };
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    let code: number;
    let printed = '';
    try {
      code = synthAll(root, [EXAMPLES[0], broken]);
      printed = stderr.mock.calls.map(c => String(c[0])).join('');
    } finally {
      stderr.mockRestore();
    }
    expect(code).toBe(1);
    expect(printed).toContain('ESO-STORE-FAKE-PROVIDER');
    expect(printed).toContain('nothing was written');
    expect(fs.readdirSync(root)).toEqual([]);
  });
});
