import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { formatGithub, formatText, markInputProblems, ValidateRun } from '../../src/cli/report-formats';
import { printable, style, wantsColor } from '../../src/cli/terminal';
import { toolInfo, validateCommand } from '../../src/cli/validate-command';
import { Severity } from '../../src/validation/diagnostic';
import { ruleCatalog } from '../../src/validation/engine';
import { VAULT_CLUSTER_STORE } from '../support/repo-files';

const STORE = VAULT_CLUSTER_STORE;
/** One error (1d), one warning (no property) on the document at line 16. */
const ES = `apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: db
  namespace: shop
spec:
  refreshInterval: 1d
  secretStoreRef:
    kind: ClusterSecretStore
    name: vault
  target:
    name: db
  data:
    - secretKey: password
      remoteRef:
        key: shop/db
`;

/** A folder with es.yaml (store + ExternalSecret), broken.yaml (malformed) and clean.yaml (no findings); paths relative to cwd. */
function fixture(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eso-fmt-'));
  fs.writeFileSync(path.join(dir, 'es.yaml'), `${STORE}---\n${ES}`);
  fs.writeFileSync(path.join(dir, 'broken.yaml'), 'a: [unclosed\n');
  fs.writeFileSync(path.join(dir, 'clean.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: shop\n');
  return dir;
}

const TOOL = { ...toolInfo(), version: '1.2.3' };

function run(format: any, extra: Record<string, unknown> = {}) {
  const dir = fixture();
  const out: string[] = [];
  const code = validateCommand([dir], { raw: true, format, tool: TOOL, out: l => out.push(l), ...extra });
  return { code, out, dir, rel: (f: string) => path.join(dir, f) };
}

describe('validate --format', () => {
  test('json: one object with the diagnostics and the summary, valid against its schema', () => {
    const r = run('json');
    expect(r.code).toBe(1);
    expect(r.out).toHaveLength(1);
    const doc = JSON.parse(r.out[0]);
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'validate-report.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate.errors ?? validate(doc)).toBe(true);
    expect(doc.summary).toEqual({ errors: 2, warnings: 1, objects: 3, silenced: 0, unknownValues: 0, notChecked: 0, text: '2 errors, 1 warning in 3 objects' });
    expect(doc.diagnostics.map((d: any) => `${d.severity} ${d.ruleId} ${d.line}`)).toEqual([
      'error CLI-YAML 2', 'warning ESO-ES-WHOLE-SECRET 16', 'error ESO-ES-REFRESH-INTERVAL 16',
    ]);
    expect(doc.diagnostics[2]).toMatchObject({ object: { kind: 'ExternalSecret', namespace: 'shop', name: 'db' }, field: 'spec.refreshInterval', fix: 'use "24h"' });
    // the schema can fail: a diagnostic without ruleId is refused
    const broken = { ...doc, diagnostics: [{ ...doc.diagnostics[0], ruleId: undefined }] };
    expect(validate(JSON.parse(JSON.stringify(broken)))).toBe(false);
  });

  test('sarif: SARIF 2.1.0, valid against the OASIS schema, with rule metadata and links to docs/rules.md', () => {
    const r = run('sarif');
    expect(r.code).toBe(1);
    const log = JSON.parse(r.out.join('\n'));
    // the SARIF 2.1.0 JSON schema as the npm package @microsoft/jest-sarif ships it (a dev dependency)
    const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // (its `language` pattern is not a valid unicode-mode regular expression)
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv as any);
    const validate = ajv.compile(schema);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(log.version).toBe('2.1.0');
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'cdk8s-eso', version: '1.2.3' });
    // every rule of the registry, plus the input problem that occurred
    expect(driver.rules.length).toBe(ruleCatalog().length + 1);
    const rule = driver.rules.find((x: any) => x.id === 'ESO-ES-REFRESH-INTERVAL');
    const meta = ruleCatalog().find(x => x.id === 'ESO-ES-REFRESH-INTERVAL')!;
    expect(rule.shortDescription.text).toBe(meta.description);
    expect(rule.help.text).toContain(meta.example);
    expect(rule.helpUri).toBe('https://github.com/cdk8s-external-secrets/cdk8s-external-secrets/blob/main/docs/rules.md#eso-es-refresh-interval');
    // the link lands on the rule's own row: docs/rules.md has an anchor per rule
    const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8');
    expect(doc).toContain('<a id="eso-es-refresh-interval"></a>`ESO-ES-REFRESH-INTERVAL`');
    expect(rule.defaultConfiguration.level).toBe('error');
    const results = log.runs[0].results;
    expect(results).toHaveLength(3);
    const res = results.find((x: any) => x.ruleId === 'ESO-ES-REFRESH-INTERVAL');
    expect(driver.rules[res.ruleIndex].id).toBe('ESO-ES-REFRESH-INTERVAL');
    expect(res.level).toBe('error');
    expect(res.locations[0].physicalLocation.region.startLine).toBe(16);
    expect(res.locations[0].physicalLocation.artifactLocation.uri).toMatch(/es\.yaml$/);
    expect(res.locations[0].logicalLocations[0].fullyQualifiedName).toBe('ExternalSecret shop/db');
    expect(res.message.text).toBe('ExternalSecret shop/db: spec.refreshInterval: refreshInterval "1d" is not a Go duration (units ns, us, ms, s, m, h; there is no d or w) (fix: use "24h")');
    expect(results.find((x: any) => x.ruleId === 'ESO-ES-WHOLE-SECRET').level).toBe('warning');
    // and the schema can fail
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  test('github: workflow commands, one annotation per finding, then the summary', () => {
    const r = run('github');
    expect(r.code).toBe(1);
    const es = r.rel('es.yaml');
    expect(r.out).toEqual([
      `::error file=${r.rel('broken.yaml')},line=2,title=CLI-YAML::malformed YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 2, column 1: (fix: fix the YAML syntax at that line)`,
      `::warning file=${es},line=16,title=ESO-ES-WHOLE-SECRET::ExternalSecret shop/db: spec.data[0].remoteRef: data entry "password" has no remoteRef.property, so the whole secret "shop/db" lands in "password" as JSON (fix: add property: "<field>" (SecretValue.fromProperty), or use dataFrom extract (SecretSource.extract) to get every field as its own key)`,
      `::error file=${es},line=16,title=ESO-ES-REFRESH-INTERVAL::ExternalSecret shop/db: spec.refreshInterval: refreshInterval "1d" is not a Go duration (units ns, us, ms, s, m, h; there is no d or w) (fix: use "24h")`,
      '2 errors, 1 warning in 3 objects',
    ]);
  });

  test('github: properties and data are escaped (%, newline, comma, colon)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eso-gh-'));
    const file = path.join(dir, 'a,b:c%.yaml');
    fs.writeFileSync(file, `${STORE}---\n${ES}`);
    const out: string[] = [];
    validateCommand([file], { format: 'github', out: l => out.push(l) });
    expect(out[0]).toContain(`file=${dir.replace(/:/g, '%3A')}/a%2Cb%3Ac%25.yaml,line=16`);
  });

  test('junit: a testsuite per file, errors as failures, warnings in system-out, clean files pass', () => {
    const r = run('junit');
    expect(r.code).toBe(1);
    const xml = r.out.join('\n');
    const es = r.rel('es.yaml');
    expect(xml).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="cdk8s-eso validate" tests="4" failures="2" errors="0">
  <testsuite name="${r.rel('broken.yaml')}" tests="1" failures="1" errors="0" skipped="0">
    <testcase classname="${r.rel('broken.yaml')}" name="line 2: CLI-YAML">
      <failure type="CLI-YAML" message="malformed YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 2, column 1:">${r.rel('broken.yaml')}:2: malformed YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 2, column 1: (fix: fix the YAML syntax at that line)</failure>
    </testcase>
  </testsuite>
  <testsuite name="${es}" tests="2" failures="1" errors="0" skipped="0">
    <testcase classname="${es}" name="line 16: ExternalSecret shop/db spec.data[0].remoteRef ESO-ES-WHOLE-SECRET">
      <system-out>warning: ${es}:16: ExternalSecret shop/db: spec.data[0].remoteRef: data entry &quot;password&quot; has no remoteRef.property, so the whole secret &quot;shop/db&quot; lands in &quot;password&quot; as JSON (fix: add property: &quot;&lt;field&gt;&quot; (SecretValue.fromProperty), or use dataFrom extract (SecretSource.extract) to get every field as its own key)</system-out>
    </testcase>
    <testcase classname="${es}" name="line 16: ExternalSecret shop/db spec.refreshInterval ESO-ES-REFRESH-INTERVAL">
      <failure type="ESO-ES-REFRESH-INTERVAL" message="refreshInterval &quot;1d&quot; is not a Go duration (units ns, us, ms, s, m, h; there is no d or w)">${es}:16: ExternalSecret shop/db: spec.refreshInterval: refreshInterval &quot;1d&quot; is not a Go duration (units ns, us, ms, s, m, h; there is no d or w) (fix: use &quot;24h&quot;)</failure>
    </testcase>
  </testsuite>
  <testsuite name="${r.rel('clean.yaml')}" tests="1" failures="0" errors="0" skipped="0">
    <testcase classname="${r.rel('clean.yaml')}" name="no findings"/>
  </testsuite>
</testsuites>`);
  });

  test('--each: json has one summary per path; sarif one run per path', () => {
    const a = fixture();
    const b = fixture();
    fs.rmSync(path.join(b, 'broken.yaml'));
    const json: string[] = [];
    expect(validateCommand([a, b], { raw: true, each: true, format: 'json', tool: TOOL, out: l => json.push(l) })).toBe(1);
    const doc = JSON.parse(json[0]);
    expect(doc.paths.map((p: any) => [p.path, p.summary.errors])).toEqual([[a, 2], [b, 1]]);
    expect(doc.summary.errors).toBe(3);
    const sarif: string[] = [];
    validateCommand([a, b], { raw: true, each: true, format: 'sarif', tool: TOOL, out: l => sarif.push(l) });
    expect(JSON.parse(sarif[0]).runs.map((x: any) => x.results.length)).toEqual([3, 2]);
  });

  test('text: grouped by file; with colour, the file once and the findings beneath it', () => {
    const r = run('text');
    expect(r.out.map(l => l.replace(r.dir, 'D'))).toEqual([
      'D/broken.yaml:2: malformed YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 2, column 1: (fix: fix the YAML syntax at that line) [error CLI-YAML]',
      'D/es.yaml:16: ExternalSecret shop/db: spec.data[0].remoteRef: data entry "password" has no remoteRef.property, so the whole secret "shop/db" lands in "password" as JSON (fix: add property: "<field>" (SecretValue.fromProperty), or use dataFrom extract (SecretSource.extract) to get every field as its own key) [warning ESO-ES-WHOLE-SECRET]',
      'D/es.yaml:16: ExternalSecret shop/db: spec.refreshInterval: refreshInterval "1d" is not a Go duration (units ns, us, ms, s, m, h; there is no d or w) (fix: use "24h") [error ESO-ES-REFRESH-INTERVAL]',
      '2 errors, 1 warning in 3 objects',
    ]);
    const coloured = run('text', { color: true }).out;
    expect(coloured[0]).toBe(`\u001b[4m${path.join(coloured[0].slice(4, coloured[0].indexOf('broken.yaml')), 'broken.yaml')}\u001b[24m`);
    expect(coloured).toContain('  \u001b[2m   16\u001b[22m  \u001b[31merror  \u001b[39m  ExternalSecret shop/db: spec.refreshInterval: refreshInterval "1d" is not a Go duration (units ns, us, ms, s, m, h; there is no d or w) (fix: use "24h")  \u001b[2mESO-ES-REFRESH-INTERVAL\u001b[22m');
    expect(coloured.filter(l => l.includes('es.yaml'))).toHaveLength(1); // the file once
    expect(coloured[coloured.length - 1]).toBe('\u001b[1m\u001b[31m2 errors, 1 warning in 3 objects\u001b[39m\u001b[22m');
  });

  test('colour only on a terminal, never with NO_COLOR or TERM=dumb', () => {
    expect(wantsColor({ isTTY: true }, {})).toBe(true);
    expect(wantsColor({ isTTY: false }, {})).toBe(false);
    expect(wantsColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColor({ isTTY: true }, { NO_COLOR: '' })).toBe(true); // no-color.org: set and not empty
    expect(wantsColor({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });
});

describe('control characters in printed file names', () => {
  test('printable() escapes newlines, ESC, DEL and C1 controls', () => {
    expect(printable('a\nb\u001b[31mc\u007f\u0085\td.yaml')).toBe('a\\nb\\x1b[31mc\\x7f\\x85\\td.yaml');
    expect(printable('ok/ü.yaml')).toBe('ok/ü.yaml');
  });

  test('a file whose name holds a newline and an escape sequence cannot forge a line or colour the terminal', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eso-ctl-'));
    const name = 'x.yaml\n.ok.yaml:1: \u001b[32mall good.yaml';
    fs.writeFileSync(path.join(dir, name), `${STORE}---\n${ES}`);
    for (const color of [false, true]) {
      const out: string[] = [];
      validateCommand([dir], { raw: true, color, out: l => out.push(l) });
      const all = out.join('\n');
      expect(all.split('\n').length).toBe(out.length); // no line was split by the file name
      expect(all).not.toContain('\u001b[32m');
      expect(all).toContain('x.yaml\\n.ok.yaml:1: \\x1b[32mall good.yaml');
    }
  });
});

test('formatText with a problem and no file keeps the old one-line form', () => {
  const d = markInputProblems([{ severity: Severity.ERROR, ruleId: 'CLI-READ', object: {}, field: '', message: 'm', fix: 'f', file: 'a.yaml' }]);
  const runObj: ValidateRun = { findings: d, notChecked: [], errors: 1, warnings: 0, objects: 0, silenced: 0, unknownValues: 0, summary: 's' };
  expect(formatText([runObj], style(false))).toEqual(['a.yaml: m (fix: f) [error CLI-READ]', 's']);
});

test('a message with a line break (kustomize errors) or an ESC stays on its one line in text and github', () => {
  const d = { severity: Severity.ERROR, ruleId: 'ESO-FLUX-BUILD', object: { kind: 'Kustomization', namespace: 'flux-system', name: 'apps' }, field: '', message: 'accumulating resources:\nmissing.yaml: no such file\u001b[0m', fix: 'f', file: 'k.yaml', line: 3 };
  const runObj: ValidateRun = { findings: [d], notChecked: [], errors: 1, warnings: 0, objects: 1, silenced: 0, unknownValues: 0, summary: 's' };
  expect(formatText([runObj])).toEqual(['k.yaml:3: Kustomization flux-system/apps: accumulating resources:\\nmissing.yaml: no such file\\x1b[0m (fix: f) [error ESO-FLUX-BUILD]', 's']);
  expect(formatGithub([runObj])[0]).toBe('::error file=k.yaml,line=3,title=ESO-FLUX-BUILD::Kustomization flux-system/apps: accumulating resources:\\nmissing.yaml: no such file\\x1b[0m (fix: f)');
});
