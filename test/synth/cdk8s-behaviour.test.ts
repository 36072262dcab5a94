/**
 * The synth hook (src/synth/eso-validation.ts, parallel-validation.ts) replaces some cdk8s behaviour for the
 * duration of `app.synth()` with a memoized equivalent. Each test here pins one assumption that replacement rests
 * on, against plain cdk8s (no EsoValidation in these apps): a cdk8s upgrade that changes one fails here, not in
 * users' output.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, DependencyGraph, Yaml, YamlOutputType } from 'cdk8s';
import { Construct, ConstructOrder } from 'constructs';
import * as fc from 'fast-check';
import { appCharts, chartObjects } from '../../src/synth/chart-objects';

function plainApp(outdir: string, yamlOutputType?: YamlOutputType): App {
  const app = new App({ outdir, ...(yamlOutputType ? { yamlOutputType } : {}) });
  const a = new Chart(app, 'a', { disableResourceNameHashes: true });
  const b = new Chart(app, 'b', { disableResourceNameHashes: true });
  const group = new Construct(a, 'group');
  const first = new ApiObject(group, 'first', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'first' } });
  const second = new ApiObject(a, 'second', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'second' } });
  // dependency order differs from construct order: second before first
  first.addDependency(second);
  new ApiObject(b, 'third', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'third' } });
  new Chart(a, 'nested', { disableResourceNameHashes: true });
  return app;
}

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-pin-'));
}

function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter(f => fs.statSync(path.join(dir, f)).isFile()).sort();
}

describe('assumptions of the synth hook about cdk8s', () => {
  test('Chart.toJson() = the chart\'s own ApiObjects in DependencyGraph topology order, each toJson()', () => {
    const app = plainApp(tmp());
    for (const chart of app.charts) {
      const ours = new DependencyGraph(chart.node).topology()
        .filter((x): x is ApiObject => ApiObject.isApiObject(x))
        .filter(x => Chart.of(x) === chart)
        .map(o => o.toJson());
      expect(ours).toEqual(chart.toJson());
    }
    expect(app.charts.find(c => c.node.id === 'a')!.toJson().map((o: any) => o.metadata.name)).toEqual(['second', 'first']);
  });

  test('chartObjects (the hook\'s Chart.toJson()) = cdk8s\'s order, with and without dependencies (property)', () => {
    // random trees of groups, objects and nested charts, numeric and path-like ids, some dependencies
    const shape = fc.array(fc.record({ parent: fc.nat(), kind: fc.constantFrom('group', 'object', 'object', 'chart'), id: fc.constantFrom('a', 'b', '0', '1', '10', 'x-1', '2') }), { maxLength: 14 });
    const deps = fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 });
    fc.assert(fc.property(shape, deps, fc.boolean(), (nodes, edges, withDeps) => {
      const app = new App({ outdir: tmp() });
      const charts: Chart[] = [new Chart(app, '0', { disableResourceNameHashes: true }), new Chart(app, 'top', { disableResourceNameHashes: true })];
      const scopes: Construct[] = [...charts];
      const objects: ApiObject[] = [];
      nodes.forEach((n, i) => {
        const scope = scopes[n.parent % scopes.length];
        const id = `${n.id}${scope.node.tryFindChild(n.id) ? i : ''}`;
        if (n.kind === 'group') {scopes.push(new Construct(scope, id));} else if (n.kind === 'chart') {
          const c = new Chart(scope, id, { disableResourceNameHashes: true });
          charts.push(c);
          scopes.push(c);
        } else {objects.push(new ApiObject(scope, id, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `o${i}` } }));}
      });
      if (withDeps && objects.length > 1) {
        for (const [a, b] of edges) {
          const x = objects[a % objects.length];
          const y = objects[b % objects.length];
          // within one chart, later on earlier: no cycle (across nested charts cdk8s itself makes one)
          if (objects.indexOf(x) > objects.indexOf(y) && Chart.of(x) === Chart.of(y)) x.node.addDependency(y);
        }
      }
      for (const chart of charts) expect(chartObjects(chart).map(o => o.node.path)).toEqual(chart.toJson().map((m: any) => `${m.metadata.name}`).map((name: string) => objects.find(o => o.name === name)!.node.path));
    }), { seed: 5, numRuns: 300 });
  });

  test('appCharts (the hook\'s app.charts) = cdk8s\'s App.charts, before and after synth (property)', () => {
    const tree = fc.array(fc.record({ parent: fc.nat(), chart: fc.boolean(), id: fc.constantFrom('a', 'b', '0', '1', '7', '10', '4294967295', 'x') }), { maxLength: 10 });
    fc.assert(fc.property(tree, fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }), (nodes, edges) => {
      const app = new App({ outdir: tmp() });
      const scopes: Construct[] = [app];
      const objects: ApiObject[] = [];
      nodes.forEach((n, i) => {
        const scope = scopes[n.parent % scopes.length];
        const id = `${n.id}${scope.node.tryFindChild(n.id) ? i : ''}`;
        const c = n.chart ? new Chart(scope, id, { disableResourceNameHashes: true }) : new Construct(scope, id);
        scopes.push(c);
        if (Chart.isChart(c)) objects.push(new ApiObject(c, 'o', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `o${i}` } }));
      });
      for (const [a, b] of edges) {
        if (objects.length < 2) break;
        const x = objects[a % objects.length];
        const y = objects[b % objects.length];
        if (objects.indexOf(x) > objects.indexOf(y) && Chart.of(x).node.scope === Chart.of(y).node.scope) x.node.addDependency(y);
      }
      const names = (cs: Chart[]) => cs.map(c => c.node.path);
      expect(names(appCharts(app))).toEqual(names(app.charts));
      try {
        app.synth();
      } catch {
        return; // an app cdk8s refuses (a dependency cycle through nested charts) is refused either way
      }
      expect(names(appCharts(app))).toEqual(names(app.charts));
    }), { seed: 9, numRuns: 300 });
  });

  test('findAll() without an order is the pre-order walk', () => {
    const app = plainApp(tmp());
    expect(app.node.findAll().map(c => c.node.path)).toEqual(app.node.findAll(ConstructOrder.PREORDER).map(c => c.node.path));
  });

  test('App.synth() runs every construct\'s node.validate() and fails with cdk8s\'s wording', () => {
    const app = plainApp(tmp());
    const seen: string[] = [];
    for (const c of app.node.findAll()) c.node.addValidation({ validate: () => (seen.push(c.node.path), []) });
    app.synth();
    expect(new Set(seen)).toEqual(new Set(app.node.findAll().map(c => c.node.path)));
    const bad = plainApp(tmp());
    bad.node.addValidation({ validate: () => ['boom'] });
    expect(() => bad.synth()).toThrow(/^Validation failed with the following errors:\n {2}\[\] boom/);
  });

  test('App.synth() calls each object\'s toJson() to render it (so a memoized toJson is what is written)', () => {
    const outdir = tmp();
    const app = plainApp(outdir);
    const third = app.node.findAll().find(c => c.node.id === 'third') as ApiObject;
    (third as any).toJson = () => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'memoized' } });
    app.synth();
    const written = filesUnder(outdir).map(f => fs.readFileSync(path.join(outdir, f), 'utf8')).join('');
    expect(written).toContain('name: memoized');
    expect(written).not.toContain('name: third');
  });

  test.each([['FILE_PER_CHART', YamlOutputType.FILE_PER_CHART], ['FILE_PER_APP', YamlOutputType.FILE_PER_APP], ['FILE_PER_RESOURCE', YamlOutputType.FILE_PER_RESOURCE]])(
    'App.synth() (%s) writes every file through Yaml.save(path, docs) and creates no other file', (_name, type) => {
      const outdir = tmp();
      const saved: string[] = [];
      const save = Yaml.save;
      (Yaml as any).save = (file: string, docs: any[]) => {
        saved.push(path.relative(outdir, file));
        save.call(Yaml, file, docs);
      };
      try {
        plainApp(outdir, type).synth();
      } finally {
        (Yaml as any).save = save;
      }
      expect(saved.length).toBeGreaterThan(0);
      expect(saved.sort()).toEqual(filesUnder(outdir));
    });

  test('Yaml.save(path, docs) writes exactly Yaml.stringify(...docs)', () => {
    const file = path.join(tmp(), 'x.yaml');
    const docs = [{ a: 1, b: ['x', 'y'] }, { c: 'multi\nline' }];
    Yaml.save(file, docs);
    expect(fs.readFileSync(file, 'utf8')).toBe(Yaml.stringify(...docs));
  });

  test('Yaml.save is an own, writable static property (the deferred writes replace and restore it)', () => {
    const d = Object.getOwnPropertyDescriptor(Yaml, 'save');
    expect(d?.writable).toBe(true);
    expect(typeof d?.value).toBe('function');
  });
});
