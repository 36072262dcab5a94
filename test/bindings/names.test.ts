/**
 * Binding names (issue 15): the public API must read well in Python and Go. jsii-pacmak renames a parameter that is
 * a Go reserved word (`type` -> `type_`, `range` -> `range_`) and any name that is a Python keyword (`from` ->
 * `from_`); this test reads the compiled assembly (.jsii, written by `npx projen compile`) and fails on any such
 * name, using jsii-pacmak's own renaming functions.
 */
import * as fs from 'fs';
import * as path from 'path';
// jsii-pacmak's renaming rules, exactly as the code generators apply them
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { substituteReservedWords } = require('jsii-pacmak/lib/targets/go/util');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { toPythonIdentifier } = require('jsii-pacmak/lib/targets/python/util');

interface Callable { readonly name?: string; readonly parameters?: { readonly name: string }[] }
interface JsiiType {
  readonly fqn: string;
  readonly initializer?: Callable;
  readonly methods?: Callable[];
  readonly properties?: { readonly name: string }[];
}

const ASSEMBLY = path.join(__dirname, '..', '..', '.jsii');
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Every public parameter and property name as `Type.member(param)`, with the name itself. */
function names(types: JsiiType[]): { where: string; name: string; parameter: boolean }[] {
  const out: { where: string; name: string; parameter: boolean }[] = [];
  for (const t of types) {
    const callables = [...(t.initializer ? [{ ...t.initializer, name: '<init>' }] : []), ...(t.methods ?? [])];
    for (const c of callables) {
      for (const p of c.parameters ?? []) out.push({ where: `${t.fqn}.${c.name}(${p.name})`, name: p.name, parameter: true });
    }
    for (const p of t.properties ?? []) out.push({ where: `${t.fqn}.${p.name}`, name: p.name, parameter: false });
  }
  return out;
}

const types = (): JsiiType[] => {
  if (!fs.existsSync(ASSEMBLY)) throw new Error(`${ASSEMBLY} is missing: run npx projen compile first`);
  return Object.values(JSON.parse(fs.readFileSync(ASSEMBLY, 'utf8')).types) as JsiiType[];
};

test('no Go parameter is renamed for a reserved word (type_, range_, ...)', () => {
  const renamed = names(types()).filter((n) => n.parameter && substituteReservedWords(n.name) !== n.name);
  expect(renamed.map((n) => `${n.where} -> ${substituteReservedWords(n.name)}`)).toEqual([]);
});

test('no Python name is renamed for a keyword (from_, lambda_, ...)', () => {
  const renamed = names(types()).filter((n) => toPythonIdentifier(snake(n.name)) !== snake(n.name));
  expect(renamed.map((n) => `${n.where} -> ${toPythonIdentifier(snake(n.name))}`)).toEqual([]);
});

test('the checks catch a renamed name (they can fail)', () => {
  const fake: JsiiType[] = [{ fqn: 'x.GitRef', methods: [{ name: 'semver', parameters: [{ name: 'range' }] }], properties: [{ name: 'from' }] }];
  expect(names(fake).filter((n) => n.parameter && substituteReservedWords(n.name) !== n.name)).toHaveLength(1);
  expect(names(fake).filter((n) => toPythonIdentifier(snake(n.name)) !== snake(n.name))).toHaveLength(1);
});
