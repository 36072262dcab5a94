/**
 * The differential test (`npm run conformance`): every example's and fixture's ESO / generator / Vault-operator
 * object, plus generated mutations of them (fast-check, fixed seed), goes through our engine and through the
 * Go harness in this folder (upstream's own code: apiextensions-apiserver's create pipeline and ESO's
 * admission validators, decode and regexp compile). Every disagreement is a bug, or a deliberate lint: a rule
 * with `stricterThanUpstream` (listed in docs/rules.md). Exits 1 on an undocumented disagreement.
 *
 *   ts-node test/conformance/differential.ts [--baseline] [--json FILE]
 *
 * --baseline runs our engine without the rules issue 14 added, to count what it missed before.
 * The harness needs the pinned CRDs; it reads them from ../shared when present, else it cannot run.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { Manifest } from '../../src/model/manifest';
import { Severity } from '../../src/validation/diagnostic';
import { validateManifests } from '../../src/validation/engine';
import { Rule } from '../../src/validation/rule';
import { ALL_RULES } from '../../src/validation/rules';
import { lookupKind } from '../../src/validation/schema/catalog';
import { celRulesFor } from '../../src/validation/schema/cel';
import { stricterThanUpstream } from '../../src/validation/schema/upstream-lints';

const root = path.resolve(__dirname, '..', '..');
const here = __dirname;
const ISSUE_14_RULES = new Set(['ESO-SCHEMA-CEL', 'ESO-DURATION', 'ESO-REGEXP']);
const MUTATIONS = 6000;

interface Verdict {
  index: number;
  kind: string;
  known: boolean;
  allowed: boolean;
  crdErrors: { stage: 'openapi' | 'cel'; type: string; field: string; text: string }[];
  esoError?: string;
  decodeError?: string;
  runtimeErrors: string[];
  prunedFields: string[];
  parseError?: string;
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && !e.name.startsWith('.')) yamlFiles(p, out);
    } else if (/\.ya?ml$/.test(e.name)) {out.push(p);}
  }
  return out;
}

/** Objects of the pinned CRDs' served kinds from the synthesized examples and the test fixtures. */
function corpus(): { manifest: Manifest; source: string }[] {
  const out: { manifest: Manifest; source: string }[] = [];
  const seen = new Set<string>();
  for (const dir of ['dist', 'dist-seeds', 'test', 'examples']) {
    for (const file of yamlFiles(path.join(root, dir))) {
      let docs;
      try {
        docs = parseAllDocuments(fs.readFileSync(file, 'utf8'));
      } catch {
        continue;
      }
      for (const doc of docs) {
        let m: any;
        try {
          m = doc.toJS();
        } catch {
          continue;
        }
        if (!m || typeof m !== 'object' || typeof m.apiVersion !== 'string' || typeof m.kind !== 'string' || !m.apiVersion.includes('/')) continue;
        const [group, version] = m.apiVersion.split('/');
        if (!lookupKind(group, version, m.kind)?.served) continue;
        const json = JSON.stringify(m);
        // values only the cluster knows (Flux substitution, SOPS ciphertext) are not ours to judge here
        if (json.includes('${') || json.includes('ENC[') || json.includes('\u00abflux:') || seen.has(json)) continue;
        seen.add(json);
        out.push({ manifest: m, source: path.relative(root, file) });
      }
    }
  }
  return out;
}

/** Every path under spec of an object, with the kind of value there. */
function paths(v: unknown, at: (string | number)[] = []): { at: (string | number)[]; value: unknown }[] {
  const out = [{ at, value: v }];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

const STRINGS = ['', '1d', '5m', '24h', '-1s', '0', '10', 'a(b', '^(?!tmp).*', '(?P<n>a)\\1', '.*', 'UPPER_case', 'x'.repeat(300), 'not a url', 'https://vault.example:8200',
  'v1', 'v2', 'Owner', 'Merge', 'Delete', 'None', 'Retain', 'Orphan', 'ClusterSecretStore', 'SecretStore', 'Fetch', 'Default', 'kubernetes', '/', 'a/b', '{{ .x }', '{{ .x }}'];

const LABELS: [string, unknown][] = [['app', 'ok'], ['example.com/team', 'a-b_c.d'], ['Bad Key', 'x'], ['a/b/c', 'x'], ['-lead', 'x'], ['k', 'v'.repeat(64)],
  ['k', 'bad value'], ['k', ''], ['UPPER.example.com/x', 'y'], ['x'.repeat(64), 'y'], ['k', 5], ['k', true]];
const NAMES = ['ok-name', 'Upper', 'under_score', 'a.b.c', '-lead', 'trail-', 'x'.repeat(253), 'x'.repeat(254), '', 'dots..double', 'sp ace'];
const PARSED = new Set(['regexp', 'source', 'refreshInterval', 'refreshTime', 'duration', 'timeout', 'retryInterval', 'ttl']);

/** One mutation of every field kind: delete, wrong type, odd strings/numbers, unknown field, duplicated item. */
const mutation = fc.record({
  base: fc.nat(),
  target: fc.nat(),
  op: fc.constantFrom('delete', 'string', 'number', 'bool', 'null', 'object', 'array', 'unknown-field', 'duplicate', 'empty', 'parsed-field', 'name', 'label', 'cel'),
  str: fc.constantFrom(...STRINGS),
  num: fc.constantFrom(-1, 0, 1, 1.5, 65536, 2 ** 40),
});

function mutate(base: Manifest, m: { target: number; op: string; str: string; num: number }): Manifest {
  const copy = structuredClone(base) as any;
  if (m.op === 'cel') {
    // toggle a field a CRD CEL rule tests with has(): delete it, or add it as a copy of a sibling it is tested with
    const [group, version] = String(copy.apiVersion).split('/');
    const rules = celRulesFor(`${group}/${version}/${copy.kind}`);
    if (rules.length) {
      const r = rules[m.target % rules.length];
      const fields = [...r.rule.matchAll(/has\(self\.(\w+)\)/g)].map(x => x[1]);
      for (const node of nodesAt(copy, r.path)) {
        if (!fields.length) break;
        const f = fields[m.num === 0 ? 0 : Math.floor(m.target / 8) % fields.length];
        if (f in node) {delete node[f];} else {
          const sibling = fields.find(x => x in node);
          node[f] = sibling ? structuredClone(node[sibling]) : {};
        }
      }
    }
    return copy;
  }
  if (m.op === 'label') {
    // labels and annotations: qualified-name keys, label values of at most 63 characters
    const [k, v] = LABELS[m.target % LABELS.length];
    const where = m.target % 2 ? 'annotations' : 'labels';
    copy.metadata = { ...copy.metadata, [where]: { ...(copy.metadata?.[where] ?? {}), [k]: v } };
    return copy;
  }
  if (m.op === 'name') {
    // metadata.name: the API server's ValidateObjectMetaAccessor (a DNS subdomain for custom resources)
    copy.metadata = { ...copy.metadata, name: NAMES[m.target % NAMES.length] };
    return copy;
  }
  const all = paths(copy.spec, ['spec']);
  // parsed-field: a string the controller parses at run time (a regexp or a duration), when the object has one
  const parsed = all.filter(p => typeof p.value === 'string' && PARSED.has(String(p.at[p.at.length - 1])));
  const targets = m.op === 'parsed-field' && parsed.length ? parsed : all;
  const t = targets[m.target % targets.length];
  const parentPath = t.at.slice(0, -1);
  const last = t.at[t.at.length - 1];
  let parent: any = copy;
  for (const s of parentPath) parent = parent[s];
  const set = (v: unknown) => {
    if (t.at.length === 1) copy.spec = v;
    else parent[last] = v;
  };
  switch (m.op) {
    case 'delete':
      if (t.at.length === 1) delete copy.spec;
      else if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
      break;
    case 'string':
    case 'parsed-field': set(m.str); break;
    case 'number': set(m.num); break;
    case 'bool': set(true); break;
    case 'null': set(null); break;
    case 'object': set({}); break;
    case 'array': set([]); break;
    case 'empty': set(Array.isArray(t.value) ? [] : typeof t.value === 'string' ? '' : {}); break;
    case 'unknown-field':
      if (t.value && typeof t.value === 'object' && !Array.isArray(t.value)) (t.value as any).unknownFieldX = 'x';
      else set({ unknownFieldX: 'x' });
      break;
    case 'duplicate':
      if (Array.isArray(t.value) && t.value.length) (t.value as unknown[]).push(structuredClone(t.value[0]));
      else if (Array.isArray(parent)) parent.push(structuredClone(parent[last as number]));
      else set([t.value, t.value]);
      break;
  }
  return copy;
}

/** The objects at a CEL rule's schema path (`*` list items, `{}` map values). */
function nodesAt(obj: any, segs: readonly string[]): any[] {
  if (!obj || typeof obj !== 'object') return [];
  if (!segs.length) return Array.isArray(obj) ? [] : [obj];
  const [h, ...rest] = segs;
  if (h === '*') return Array.isArray(obj) ? obj.flatMap(x => nodesAt(x, rest)) : [];
  if (h === '{}') return Array.isArray(obj) ? [] : Object.values(obj).flatMap(x => nodesAt(x, rest));
  return Array.isArray(obj) ? [] : nodesAt(obj[h], rest);
}

function harness(manifests: Manifest[]): Verdict[] {
  const shared = path.resolve(root, '..', 'shared');
  const crds = [path.join(shared, 'eso', 'bundle.yaml'), ...fs.readdirSync(path.join(shared, 'vault-crds')).filter(f => f.endsWith('.yaml')).map(f => path.join(shared, 'vault-crds', f))];
  const bin = path.join(here, 'conformance');
  execFileSync('go', ['build', '-o', bin, '.'], { cwd: here, stdio: 'inherit' });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eso-conformance-'));
  const input = path.join(tmp, 'in.yaml');
  fs.writeFileSync(input, manifests.map(m => JSON.stringify(m)).join('\n---\n'));
  const out = execFileSync(bin, crds, { input: fs.readFileSync(input), maxBuffer: 1024 * 1024 * 1024, encoding: 'utf8' });
  fs.rmSync(tmp, { recursive: true, force: true });
  return out.trim().split('\n').map(l => JSON.parse(l) as Verdict);
}

function upstreamRefusal(v: Verdict): string | undefined {
  if (!v.known) return undefined;
  if (v.crdErrors.length) return `crd: ${v.crdErrors.map(e => e.text).join('; ')}`;
  if (v.prunedFields.length) return `unknown fields (fieldValidation=Strict): ${v.prunedFields.join(', ')}`;
  if (v.esoError) return `eso-webhook: ${v.esoError}`;
  if (v.decodeError) return `decode: ${v.decodeError}`;
  if (v.runtimeErrors.length) return `runtime: ${v.runtimeErrors.join('; ')}`;
  return undefined;
}

function main() {
  const args = process.argv.slice(2);
  const baseline = args.includes('--baseline');
  const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
  const bases = corpus();
  if (!bases.length) throw new Error('no corpus: run `npm run synth` first');
  const samples = fc.sample(mutation, { seed: 1414, numRuns: MUTATIONS });
  const items = [
    ...bases.map(b => ({ manifest: b.manifest, source: b.source })),
    ...samples.map((s, i) => {
      const b = bases[s.base % bases.length];
      return { manifest: mutate(b.manifest, s), source: `mutation ${i} (${s.op}) of ${b.source}` };
    }),
  ];
  const verdicts = harness(items.map(i => i.manifest));
  if (verdicts.length !== items.length) throw new Error(`harness returned ${verdicts.length} verdicts for ${items.length} manifests`);

  // Object rules judge one object, as admission does; cross-resource rules have no single-object oracle.
  const rules: Rule[] = ALL_RULES.filter(r => r.checkObject && !(baseline && ISSUE_14_RULES.has(r.id)));
  const stages = new Map<string, number>();
  let refusals = 0;
  let missed = 0;
  let disagreements = 0;
  let lints = 0;
  const lintRules = new Map<string, number>();
  const details: unknown[] = [];
  items.forEach((item, i) => {
    const v = verdicts[i];
    if (!v.known) return;
    const errs = validateManifests([{ manifest: item.manifest }], { rules }).diagnostics.filter(d => d.severity === Severity.ERROR);
    const refusal = upstreamRefusal(v);
    if (refusal) {
      refusals++;
      const cel = v.crdErrors.some(e => e.stage === 'cel');
      const stage = cel ? 'crd-cel' : v.crdErrors.length ? 'crd-openapi' : refusal.split(':')[0].replace(/ \(.*$/, '');
      stages.set(stage, (stages.get(stage) ?? 0) + 1);
      if (!errs.length) {
        missed++;
        disagreements++;
        details.push({ kind: 'missed', source: item.source, upstream: refusal, manifest: item.manifest });
      }
      return;
    }
    if (!errs.length) return;
    const undocumented = errs.filter(d => { const r = ALL_RULES.find(x => x.id === d.ruleId); return !r || !stricterThanUpstream(r); });
    if (undocumented.length) {
      disagreements++;
      details.push({ kind: 'stricter, undocumented', source: item.source, ours: undocumented.map(d => `${d.ruleId} ${d.field}: ${d.message}`), manifest: item.manifest });
    } else {
      lints++;
      for (const id of new Set(errs.map(d => d.ruleId))) lintRules.set(id, (lintRules.get(id) ?? 0) + 1);
    }
  });
  const n = verdicts.filter(v => v.known).length;
  if (jsonOut) {
    const report = {
      manifests: n, refusals, stages: Object.fromEntries(stages), missed, disagreements, lints, lintRules: Object.fromEntries(lintRules), details,
    };
    fs.mkdirSync(path.dirname(path.resolve(jsonOut)), { recursive: true });
    fs.writeFileSync(jsonOut, JSON.stringify(report, null, 1));
  }
  for (const d of details.slice(0, 15)) console.error(JSON.stringify(d).slice(0, 600));
  console.error(`upstream refusals by stage: ${[...stages].sort().map(([k, c]) => `${k} ${c}`).join(', ')}`);
  if (lintRules.size) console.error(`documented lints: ${[...lintRules].map(([id, c]) => `${id} ×${c}`).join(', ')}`);
  console.log(`upstream refusals exercised: ${refusals} (${bases.length} corpus objects, ${MUTATIONS} mutations), missed by our engine: ${missed}${baseline ? ' (baseline: without ' + [...ISSUE_14_RULES].join(', ') + ')' : ''}`);
  console.log(`conformance: ${n} manifests, ${disagreements} disagreements, ${lints} documented lints`);
  if (disagreements && !baseline) process.exitCode = 1;
}

main();
