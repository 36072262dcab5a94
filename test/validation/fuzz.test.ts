import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { loadManifests } from '../../src/io/load-manifests';
import { Manifest } from '../../src/model/manifest';
import { validateManifests } from '../../src/validation/engine';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'valid');
/** A layered Flux repository: its objects carry their files, so the folder-layout rules run too. */
const FLUX_TREE = path.join(__dirname, '..', 'fixtures', 'valid-flux');

function corpus(): Manifest[] {
  const out: Manifest[] = [];
  for (const f of fs.readdirSync(FIXTURES).filter(n => n.endsWith('.yaml')).sort()) {
    for (const d of parseAllDocuments(fs.readFileSync(path.join(FIXTURES, f), 'utf8'))) {
      const v = d.toJS();
      if (v) out.push(v);
    }
  }
  return out;
}

/** Every path to a value in the object (objects and arrays included). */
function paths(v: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...prefix, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  return out;
}

function mutate(m: Manifest, at: Array<string | number>, replacement: unknown, remove: boolean): Manifest {
  if (at.length === 0) return m; // the engine only ever sees objects (the CLI filters the rest)
  const copy = structuredClone(m) as any;
  let node = copy;
  for (const seg of at.slice(0, -1)) node = node[seg];
  const last = at[at.length - 1];
  if (remove && Array.isArray(node)) node.splice(last as number, 1);
  else if (remove) delete node[last];
  else node[last] = replacement;
  return copy;
}

describe('engine robustness (property-based, fixed seed)', () => {
  const base = corpus();

  test('the valid corpus has no errors', () => {
    const r = validateManifests(base.map(manifest => ({ manifest })));
    expect(r.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
  });

  test('mutated manifests give diagnostics, never a crash', () => {
    fc.assert(
      fc.property(
        fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 2 }), fc.boolean(),
        (which, where, replacement, remove) => {
          const victim = which % base.length;
          const all = paths(base[victim]);
          const mutated = mutate(base[victim], all[where % all.length], replacement, remove);
          const items = base.map((m, i) => ({ manifest: i === victim ? mutated : m }));
          const r = validateManifests(items);
          const crashes = r.diagnostics.filter(d => d.message.includes('could not be checked by rule'));
          if (crashes.length) throw new Error(crashes.map(c => `${c.message} @ ${JSON.stringify(all[where % all.length])}`).join('\n'));
        },
      ),
      { seed: 20261123, numRuns: 300 },
    );
  });

  test('several mutations at once in a layered Flux tree read like the CLI (files, non-object documents)', () => {
    const loaded = loadManifests([FLUX_TREE]);
    const tree = loaded.items;
    expect(validateManifests(tree).errors).toBe(0);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 2 }), fc.boolean()), { minLength: 1, maxLength: 4 }),
        muts => {
          const items = tree.map(i => ({ ...i }));
          for (const [which, where, replacement, remove] of muts) {
            const victim = which % items.length;
            const all = paths(items[victim].manifest);
            items[victim] = { ...items[victim], manifest: mutate(items[victim].manifest, all[where % all.length], replacement, remove) };
          }
          const r = validateManifests(items, { nonManifests: [{ file: items[0].file!, line: 1 }] });
          const crashes = r.diagnostics.filter(d => d.message.includes('could not be checked by rule'));
          if (crashes.length) throw new Error(crashes.map(c => `${c.message} after ${JSON.stringify(muts)}`).join('\n'));
        },
      ),
      { seed: 20261124, numRuns: 300 },
    );
  });
});
