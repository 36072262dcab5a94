/**
 * src/synth/yaml-render.ts renders manifests in place of cdk8s's `Yaml.stringify` during a synth: its output must
 * be cdk8s's, byte for byte, for every document, whether it takes the short walk or leaves the document to cdk8s.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, ApiObject, Chart, Yaml } from 'cdk8s';
import * as fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { renderDocument, renderWith, renderYaml, walkMatchesCdk8s } from '../../src/synth/yaml-render';
import { manifestWith, nestedValue } from '../support/arbitraries';

function yamlFilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter(f => /\.ya?ml$/.test(f)).map(f => path.join(dir, f)).filter(f => fs.statSync(f).isFile());
}

/** Asserts the two renderings agree; returns whether the short walk rendered the document itself. */
function agree(doc: unknown): boolean {
  expect(renderYaml(doc)).toBe(Yaml.stringify(doc));
  return renderDocument(doc) !== undefined;
}

describe('renderYaml is cdk8s Yaml.stringify, byte for byte', () => {
  test('every document of the fixtures and examples (most of them take the short walk)', () => {
    const root = path.join(__dirname, '..', '..');
    const files = [...yamlFilesUnder(path.join(root, 'test', 'fixtures')), ...yamlFilesUnder(path.join(root, 'examples'))];
    let docs = 0;
    let walked = 0;
    for (const f of files) {
      for (const d of parseAllDocuments(fs.readFileSync(f, 'utf8'), { version: '1.1' }) as any[]) {
        if (d.errors?.length) continue;
        const value = d.toJS({ maxAliasCount: -1 });
        if (value === null || value === undefined) continue;
        docs++;
        if (agree(value)) walked++;
      }
    }
    expect(docs).toBeGreaterThan(200);
    expect(walked / docs).toBeGreaterThan(0.6);
  });

  // Strings YAML 1.1 reads as something else, or that need quotes, in keys and values.
  const tricky = ['yes', 'No', 'on', 'OFF', 'y', 'n', 'Y', 'True', 'FALSE', '0777', '010', '0o17', '0x1F', '1_000', '0b101', '1e3', '.5',
    '+1', '-0', '1.0', '.inf', '-.Inf', '.nan', '~', 'null', 'Null', '', ' ', '12:30', '1:20:30', '190:20:30.15', '2024-01-01',
    '2024-01-01T10:00:00Z', '2001-12-14 21:59:43.10 -5', '0.1e+5', '<<', '=', 'a: b', 'a:b', 'a:', ':a', '- x', '-x', '-', '?', '? x',
    '#no', 'x #y', 'x#y', '"q"', "'q'", 'it\'s', 'say "hi"', 'both \' and "', 'back\\slash', 'line1\nline2', 'trailing \n', '\ttab',
    'ü ✓ 𝄞', '*star', '&amp', '!bang', '%pct', '@at', '`tick', '{x}', '[y]', 'a,b', '|', '>', '::', '---', '--- x', '...', '%YAML',
    'http://a:b@c/d?e=f&g=h#i', '${VAR}', '${VAR:=x}', '1h', '30s', '1h30m', 'external-secrets.io/v1', ' lead', 'trail ', 'x'.repeat(1100)];
  const scalar = fc.oneof(fc.constantFrom(...tricky), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }),
    fc.integer(), fc.double(), fc.constantFrom(0, -0, 2 ** 53, -(2 ** 53) - 2, 1e21, 0.1), fc.boolean(), fc.constant(null),
    fc.constant(undefined));
  const key = fc.oneof(fc.constantFrom(...tricky), fc.string({ maxLength: 8 }));
  const manifest = manifestWith(fc.record({ name: fc.constantFrom('a', 'b-1'), labels: fc.dictionary(key, scalar, { maxKeys: 3 }) }), key, nestedValue(scalar, key));

  // (FUZZ_RUNS=50000 FUZZ_SEED=n for a longer search)
  test('generated manifests with tricky keys and values (property)', () => {
    fc.assert(fc.property(fc.array(manifest, { minLength: 1, maxLength: 3 }), docs => {
      expect(renderYaml(...docs)).toBe(Yaml.stringify(...docs));
    }), { seed: Number(process.env.FUZZ_SEED ?? 11), numRuns: Number(process.env.FUZZ_RUNS ?? 1500) });
  });

  test('each tricky string alone, as a key and as a value, at every depth the walk writes', () => {
    let walked = 0;
    for (const s of tricky) {
      for (const doc of [{ k: s }, { [s || 'empty']: 'v' }, { a: { b: [s, { [s || 'e']: [s] }] } }, { l: [[s], [[s]]] }]) {
        if (agree(doc)) walked++;
      }
    }
    expect(walked).toBeGreaterThan(100);
  });

  test('shapes: empty collections, nested sequences, null, booleans, integers', () => {
    for (const doc of [
      { a: [], b: {}, c: [[]], d: [{}], e: [[1, 2], [3, [4, []]]], f: [{ x: 1, y: [{ z: null }] }], g: true, h: false, i: null },
      { apiVersion: 'v1', kind: 'List', items: [{ metadata: { name: 'a' } }, { metadata: {} }] },
      { n: [0, -1, 9007199254740991, -9007199254740991] },
    ]) expect(agree(doc)).toBe(true);
  });

  test('what the walk leaves to cdk8s: repeated objects (anchors), class instances, undefined, floats, -0, long keys', () => {
    const shared = { x: 1 };
    class Box { public v = 1; }
    for (const doc of [{ a: shared, b: shared }, { a: [shared, shared] }, { a: new Box() }, { a: undefined }, { a: [undefined] },
      { a: 1.5 }, { a: -0 }, { a: 2 ** 53 }, { ['k'.repeat(1001)]: 1 }, { '': 1 }, { a: 'multi\nline' }, { a: 'ünï' }, {}]) {
      expect(renderDocument(doc)).toBeUndefined();
      expect(renderYaml(doc)).toBe(Yaml.stringify(doc));
    }
    expect(renderYaml(undefined, { a: 1 }, undefined)).toBe(Yaml.stringify(undefined, { a: 1 }, undefined));
  });
});

describe('renderWith', () => {
  test('App.synth() renders through Yaml.stringify (cdk8s: Yaml.save calls this.stringify), and it is restored', () => {
    const original = Yaml.stringify;
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaml-render-'));
    const app = new App({ outdir });
    new ApiObject(new Chart(app, 'c', { disableResourceNameHashes: true }), 'o', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'o' } });
    let calls = 0;
    const spy = (...docs: any[]) => {
      calls++;
      return renderYaml(...docs);
    };
    (Yaml as any).stringify = spy;
    try {
      app.synth();
    } finally {
      (Yaml as any).stringify = original;
    }
    expect(calls).toBe(1);
    let inside: unknown;
    renderWith(() => { inside = Yaml.stringify; });
    expect(inside).toBe(renderYaml);
    expect(Yaml.stringify).toBe(original);
    expect(() => renderWith(() => { throw new Error('boom'); })).toThrow('boom');
    expect(Yaml.stringify).toBe(original);
  });
});

describe('the walk checks itself against cdk8s once', () => {
  test('this cdk8s renders the probe as the walk does, so the walk is used', () => {
    expect(walkMatchesCdk8s()).toBe(true);
  });

  test('a cdk8s that renders differently gets its own Yaml.stringify for every document', () => {
    jest.isolateModules(() => {
      // a fresh module registry: this cdk8s instance is the one the fresh yaml-render loads
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const cdk8s = require('cdk8s');
      const own = cdk8s.Yaml.stringify;
      cdk8s.Yaml.stringify = (...docs: unknown[]) => `# another renderer\n${own.call(cdk8s.Yaml, ...docs)}`;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fresh = require('../../src/synth/yaml-render');
      expect(fresh.walkMatchesCdk8s()).toBe(false);
      const doc = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } };
      expect(fresh.renderDocument(doc)).toBeDefined();
      expect(fresh.renderYaml(doc)).toBe(cdk8s.Yaml.stringify(doc));
      expect(fresh.renderYaml(doc).startsWith('# another renderer\n')).toBe(true);
    });
  });
});
