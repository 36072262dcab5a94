import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { buildApp as seed000 } from '../../examples/seed-000-openova/app';
import { EXAMPLES, synthAll } from '../../examples/synth-all';
import { inventoryCommand } from '../../src/cli/inventory-command';
import { validateCommand } from '../../src/cli/validate-command';
import { graphMermaid, secretGraph } from '../../src/model/secret-graph';

/** The README's CLI section shows real output: these tests fail when it drifts from what the CLI prints. */
const README = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The fenced block that starts with `first` (its lines after the command line, or the whole body). */
function block(first: string): string {
  const start = README.indexOf(first);
  expect(start).toBeGreaterThanOrEqual(0);
  const body = README.slice(start + first.length, README.indexOf('\n```', start));
  return body.replace(/^\n/, '');
}

describe('README: the CLI section shows real output', () => {
  test('validate --format github', () => {
    const lines: string[] = [];
    validateCommand(['test/fixtures/flux-repos/postbuild-variables'], { format: 'github', out: l => lines.push(l) });
    expect(block('$ npx cdk8s-eso validate --format github test/fixtures/flux-repos/postbuild-variables\n')).toBe(lines.join('\n'));
  });

  test('graph of seed 000 (Mermaid)', () => {
    const items = seed000().charts.flatMap(c => Testing.synth(c)).map(manifest => ({ manifest }));
    expect(block('```mermaid\n')).toBe(graphMermaid(secretGraph(items)));
  });

  test('inventory of seed 003 (the first two tables)', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-inv-'));
    const out = synthAll(root, EXAMPLES.filter(e => e.dir === 'seed-003-tazlab'));
    expect(out).toBe(0);
    const dir = path.relative(process.cwd(), path.join(root, 'seed-003-tazlab'));
    let md = '';
    inventoryCommand([dir], { raw: true, out: t => (md = t) });
    const shown = block('$ npx cdk8s-eso inventory --raw dist-seeds/seed-003-tazlab\n').replace(/\n…$/, '');
    expect(md.split(dir).join('dist-seeds/seed-003-tazlab').startsWith(shown + '\n')).toBe(true);
  });
});
