import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { EsoValidation } from '../../src/synth/eso-validation';
import * as engine from '../../src/validation/engine';

function appIn(): App {
  return new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'eso-synth-')) });
}

describe('EsoValidation (synth hook)', () => {
  test('an invalid object fails synth with one report and nothing is written', () => {
    const app = appIn();
    const chart = new Chart(app, 'apps', { namespace: 'shop' });
    new ApiObject(chart, 'db', { apiVersion: 'external-secrets.io/v1beta1', kind: 'ExternalSecret', metadata: { name: 'db' }, spec: {} });
    EsoValidation.of(chart);
    expect(() => app.synth()).toThrow(/\[ESO-API-VERSION\]: apps\/db \(ExternalSecret shop\/db\): apiVersion[\s\S]*\d+ errors?, 0 warnings in 1 object — nothing was written\./);
    expect(fs.readdirSync(app.outdir)).toEqual([]);
  });

  test('is a single construct per app', () => {
    const app = Testing.app();
    const a = new Chart(app, 'a');
    const b = new Chart(app, 'b');
    expect(EsoValidation.of(a)).toBe(EsoValidation.of(b));
    expect(EsoValidation.configure(b, { strict: true }).strict).toBe(true);
  });

  test('a valid app synthesizes', () => {
    const app = appIn();
    const chart = new Chart(app, 'apps', { namespace: 'shop' });
    new ApiObject(chart, 'db', {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: 'db' },
      spec: { secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' }, data: [{ secretKey: 'k', remoteRef: { key: 'a/b' } }] },
    });
    EsoValidation.of(app);
    app.synth();
    expect(fs.readdirSync(app.outdir)).toEqual(['apps.k8s.yaml']);
    expect(EsoValidation.of(app).diagnostics().filter(d => d.severity === 'error')).toEqual([]);
  });

  test('app.synth() runs the engine once however many charts there are, then restores the objects', () => {
    const app = appIn();
    const objects: ApiObject[] = [];
    for (let i = 0; i < 5; i++) {
      const chart = new Chart(app, `c${i}`, { namespace: `ns${i}` });
      objects.push(new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { i: String(i) } }));
    }
    EsoValidation.of(app);
    const spy = jest.spyOn(engine, 'validateManifests');
    try {
      app.synth();
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
    expect(fs.readdirSync(app.outdir).sort()).toEqual(['c0.k8s.yaml', 'c1.k8s.yaml', 'c2.k8s.yaml', 'c3.k8s.yaml', 'c4.k8s.yaml']);
    expect(Object.prototype.hasOwnProperty.call(objects[0], 'toJson')).toBe(false);
    expect(Object.prototype.hasOwnProperty.call(app, 'charts')).toBe(false);
  });

  test('an App subclass with its own charts getter keeps it in the hooked synth', () => {
    let asked = 0;
    class Reversed extends App {
      public get charts(): Chart[] {
        asked++;
        return [...super.charts].reverse();
      }
    }
    const app = new Reversed({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'eso-synth-')) });
    for (const id of ['a', 'b']) new ApiObject(new Chart(app, id), 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: id } });
    EsoValidation.of(app);
    app.synth();
    expect(asked).toBeGreaterThan(0);
    expect(fs.readdirSync(app.outdir).sort()).toEqual(['a.k8s.yaml', 'b.k8s.yaml']);
  });

  test('other constructs\' validations still fail the hooked synth, and nothing is written', () => {
    const app = appIn();
    const chart = new Chart(app, 'apps');
    chart.node.addValidation({ validate: () => ['something is off'] });
    EsoValidation.of(app);
    expect(() => app.synth()).toThrow(/Validation failed with the following errors:\n {2}\[apps\] something is off/);
    expect(fs.readdirSync(app.outdir)).toEqual([]);
    expect(Object.prototype.hasOwnProperty.call(chart.node, 'validate')).toBe(false);
  });
});
