import * as fs from 'fs';
import * as path from 'path';

/**
 * The eslint zones (`import/no-restricted-paths`, .projenrc.ts) keep the layers of src/ pointing down. These
 * tests lint probe imports with the project's own eslint config: a violating import must fail, an allowed one
 * must pass (so the zones cannot silently stop matching), and the folder graph of src/ has no cycle.
 */
process.env.ESLINT_USE_FLAT_CONFIG = 'false';
// eslint 9's API for .eslintrc.json (the project lints with ESLINT_USE_FLAT_CONFIG=false, as projen sets it)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LegacyESLint } = require('eslint/use-at-your-own-risk');

const root = path.join(__dirname, '..', '..');

async function zoneErrors(file: string, importLine: string): Promise<string[]> {
  const eslint = new LegacyESLint({ cwd: root, useEslintrc: true });
  const filePath = path.join(root, file);
  const text = `${importLine}\nexport const probe = x;\n`;
  const [result] = await eslint.lintText(text, { filePath });
  return result.messages.filter((m: any) => m.ruleId === 'import/no-restricted-paths').map((m: any) => m.message);
}

describe('layering (eslint zones)', () => {
  jest.setTimeout(120_000);

  test.each([
    ['src/model/json.ts', "import { x } from '../synth/synth-pass';", 'model/ is pure'],
    ['src/model/vault/acl.ts', "import { x } from '../../stores/vault-kv';", 'model/ is pure'],
    ['src/validation/engine.ts', "import { x } from '../synth/eso-validation';", 'validation/ reads plain manifests'],
    ['src/vault/policy.ts', "import { x } from '../stores/secret-store';", 'vault/ may use'],
    ['src/stores/secret-store.ts', "import { x } from '../flux/layout';", 'stores/ may use'],
    ['src/synth/synth-pass.ts', "import { x } from '../flux/layout';", 'synth/ is below'],
    ['src/vault/policy.ts', "import { x } from '../validation/rules/vault/vault-policy-coverage';", 'rules are imported by the engine only'],
    ['src/model/vault/derive.ts', "import { x } from '../../validation/rules/external-secrets/es-vault-key';", 'model/ is pure'],
  ])('%s: %s is refused', async (file, line, message) => {
    const errors = await zoneErrors(file, line);
    expect(errors.join('\n')).toContain(message);
  });

  test.each([
    ['src/vault/policy.ts', "import { x } from '../model/vault/derive';"],
    ['src/stores/secret-store.ts', "import { x } from '../vault/store-access';"],
    ['src/validation/engine.ts', "import { x } from './rules';"],
    ['src/flux/layout.ts', "import { x } from '../synth/validate-files';"],
  ])('%s: %s is allowed', async (file, line) => {
    expect(await zoneErrors(file, line)).toEqual([]);
  });
});

describe('folder import graph of src/', () => {
  test('has no cycle', () => {
    const edges = new Map<string, Set<string>>();
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {walk(p);} else if (p.endsWith('.ts')) {
          const from = path.relative(path.join(root, 'src'), p).split(path.sep)[0];
          if (from.endsWith('.ts')) continue; // src/index.ts re-exports every folder
          for (const m of fs.readFileSync(p, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
            const to = path.relative(path.join(root, 'src'), path.resolve(path.dirname(p), m[1])).split(path.sep)[0];
            if (to !== from && !to.startsWith('..')) (edges.get(from) ?? edges.set(from, new Set()).get(from)!).add(to);
          }
        }
      }
    };
    walk(path.join(root, 'src'));
    const cycles: string[] = [];
    const visit = (n: string, stack: string[]) => {
      if (stack.includes(n)) {
        cycles.push([...stack.slice(stack.indexOf(n)), n].join(' -> '));
        return;
      }
      for (const m of edges.get(n) ?? []) visit(m, [...stack, n]);
    };
    for (const n of edges.keys()) visit(n, []);
    expect(cycles).toEqual([]);
  });
});
