// The output formats of `cdk8s-eso validate`: text for people, json, sarif, github and junit for CI.
import { Style, printable, style as noStyle } from './terminal';
import { addTo } from '../model/multimap';
import { Diagnostic, Severity } from '../validation/diagnostic';
import { RuleInfo, describeObject } from '../validation/engine';
import { repeatCount, repeatFields, repeatSuffix } from '../validation/report';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'github', 'junit'] as const;
export type ReportFormat = typeof REPORT_FORMATS[number];

/** A Kustomization of another source, listed instead of read. */
export interface NotCheckedItem {
  readonly kustomization: string;
  readonly sourceRef: string;
  /** Why it is not checked (another source, or nothing applies it). */
  readonly reason: string;
  readonly file?: string;
  readonly line?: number;
}

/** The result of validating one app (one PATH with --each, else all of them). */
export interface ValidateRun {
  /** The PATH of this run (--each only). */
  readonly path?: string;
  /** Problems reading the input, then the rules' findings. */
  readonly findings: readonly Diagnostic[];
  readonly notChecked: readonly NotCheckedItem[];
  readonly errors: number;
  readonly warnings: number;
  readonly objects: number;
  readonly silenced: number;
  readonly unknownValues: number;
  /** The summary line (`1 error, 0 warnings in 8 objects; …`). */
  readonly summary: string;
  /** The files the objects were read from (junit: a passing testsuite for each file without findings). */
  readonly files?: readonly string[];
}

/** What the formats need to know about the tool. */
export interface ToolInfo {
  readonly name: string;
  readonly version: string;
  /** The repository's web address (rule links point at its docs/rules.md). */
  readonly homepage: string;
  readonly rules: readonly RuleInfo[];
}

const where = (d: { file?: string; line?: number }) => (d.file ? `${printable(d.file)}${d.line ? `:${d.line}` : ''}` : '');

/** Problems reading the input, printed as `FILE:LINE: MESSAGE (fix: …)` (no object: there is none, or not yet). */
const inputProblems = new WeakSet<Diagnostic>();

/** Marks diagnostics as problems reading the input. */
export function markInputProblems<T extends Diagnostic>(ds: readonly T[]): T[] {
  for (const d of ds) inputProblems.add(d);
  return [...ds];
}

/** `KIND NS/NAME: FIELD: MESSAGE (fix: …)`, or `MESSAGE (fix: …)` for a problem reading the input. */
function text(d: Diagnostic): string {
  // one finding, one line: a kustomize error or a crafted name cannot break the line or drive the terminal
  if (inputProblems.has(d)) return printable(`${d.message} (fix: ${d.fix})`);
  // a finding folded from repeats (one per data entry of one key) says how many: `spec.data[0].remoteRef.key (×3): …`
  const field = d.field ? `${d.field}${repeatSuffix(d)}: ` : (repeatSuffix(d) ? `${repeatSuffix(d).trim()}: ` : '');
  return printable(`${describeObject(d)}: ${field}${d.message} (fix: ${d.fix})`);
}

/** The one-line form, `FILE:LINE: KIND NS/NAME: FIELD: MESSAGE (fix: …) [severity RULE-ID]` (kubeconform, grep). */
export function findingLine(d: Diagnostic): string {
  const w = where(d) || d.constructPath || '<app>';
  return `${w}: ${text(d)} [${d.severity} ${d.ruleId}]`;
}

export function notCheckedLine(n: NotCheckedItem): string {
  return `${where(n)}: Kustomization ${n.kustomization}: not checked: ${n.reason}`;
}

/** Findings grouped by file (stable: the engine's order inside a file), files in order of first appearance. */
function byFile<T extends { file?: string }>(items: readonly T[]): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const i of items) {
    const k = i.file ?? '';
    addTo(groups, k, i);
  }
  return [...groups];
}

/**
 * Text: one line per finding, grouped by file. With colour (a terminal), eslint's "stylish" layout: the file
 * once, then `LINE  severity  …  RULE-ID` beneath it.
 */
export function formatText(runs: readonly ValidateRun[], s: Style = noStyle(false)): string[] {
  const out: string[] = [];
  for (const run of runs) {
    for (const n of run.notChecked) out.push(s.enabled ? s.dim(notCheckedLine(n)) : notCheckedLine(n));
    for (const [file, ds] of byFile(run.findings)) {
      if (!s.enabled) {
        for (const d of ds) out.push(findingLine(d));
        continue;
      }
      out.push(s.underline(file ? printable(file) : ds[0].constructPath ?? '<app>'));
      for (const d of ds) {
        const sev = d.severity === Severity.ERROR ? s.red('error  ') : s.yellow('warning');
        out.push(`  ${s.dim(String(d.line ?? '').padStart(5))}  ${sev}  ${text(d)}  ${s.dim(d.ruleId)}`);
      }
      out.push('');
    }
    const summary = run.path !== undefined ? `${printable(run.path)}: ${run.summary}` : run.summary;
    out.push(s.enabled ? s.bold(run.errors ? s.red(summary) : run.warnings ? s.yellow(summary) : summary) : summary);
  }
  return out;
}

function diagnosticJson(d: Diagnostic) {
  return {
    severity: d.severity,
    ruleId: d.ruleId,
    object: d.object,
    ...(d.file !== undefined ? { file: d.file } : {}),
    ...(d.line !== undefined ? { line: d.line } : {}),
    field: d.field,
    message: d.message,
    fix: d.fix,
    ...(repeatCount(d) > 1 ? { count: repeatCount(d), fields: repeatFields(d) } : {}),
  };
}

function summaryJson(r: Omit<ValidateRun, 'findings' | 'notChecked' | 'path' | 'summary'> & { notChecked: number; text: string }) {
  const { errors, warnings, objects, silenced, unknownValues, notChecked, text: summary } = r;
  return { errors, warnings, objects, silenced, unknownValues, notChecked, text: summary };
}

function total(runs: readonly ValidateRun[]) {
  const sum = (f: (r: ValidateRun) => number) => runs.reduce((n, r) => n + f(r), 0);
  return {
    errors: sum(r => r.errors),
    warnings: sum(r => r.warnings),
    objects: sum(r => r.objects),
    silenced: sum(r => r.silenced),
    unknownValues: sum(r => r.unknownValues),
    notChecked: sum(r => r.notChecked.length),
    text: runs.map(r => (r.path !== undefined ? `${r.path}: ${r.summary}` : r.summary)).join('\n'),
  };
}

/**
 * JSON: one object, `{tool, diagnostics, notChecked, summary}` (+ `paths` with --each, each with its own
 * diagnostics and summary). Schema: test/cli/fixtures/validate-report.schema.json.
 */
export function formatJson(runs: readonly ValidateRun[], tool: ToolInfo): string {
  const each = runs.some(r => r.path !== undefined);
  const doc = {
    tool: { name: tool.name, version: tool.version },
    diagnostics: runs.flatMap(r => r.findings.map(d => ({ ...diagnosticJson(d), ...(each ? { path: r.path } : {}) }))),
    notChecked: runs.flatMap(r => r.notChecked.map(n => ({ ...n }))),
    summary: summaryJson(total(runs)),
    ...(each ? {
      paths: runs.map(r => ({
        path: r.path!,
        summary: summaryJson({ ...r, notChecked: r.notChecked.length, text: r.summary }),
      })),
    } : {}),
  };
  return JSON.stringify(doc, null, 2);
}

/** The anchor of a rule's entry in docs/rules.md (GitHub's heading anchors: lower case). */
export function ruleHelpUri(tool: ToolInfo, ruleId: string): string {
  return `${tool.homepage}/blob/main/docs/rules.md#${ruleId.toLowerCase()}`;
}

/** Problems reading the input that are not rules of the registry. */
const INPUT_RULES: Record<string, string> = {
  'CLI-READ': 'a path could not be read',
  'CLI-YAML': 'a file is not valid YAML',
  'CLI-EMPTY': 'a file holds no YAML document',
  'CLI-NOT-OBJECT': 'a YAML document is not a Kubernetes object (a list, a scalar, no apiVersion/kind)',
  'ESO-FLUX-BUILD': 'a Flux Kustomization does not build (kustomize or Flux post-build error)',
};

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/**
 * SARIF 2.1.0 for GitHub code scanning: every rule of the registry with its description, example and a link to
 * docs/rules.md; one result per finding at its file and line (artifact URIs relative to the working directory);
 * the object, the field and the fix in the message and the result's properties. One run per PATH with --each.
 */
export function formatSarif(runs: readonly ValidateRun[], tool: ToolInfo): string {
  const known = new Map(tool.rules.map(r => [r.id, r]));
  const rules = tool.rules.map(r => ({
    id: r.id,
    shortDescription: { text: r.description },
    fullDescription: { text: r.description },
    help: {
      text: r.example ? `${r.description}\n\nExample of what it catches:\n${r.example}` : r.description,
      markdown: `${r.description}${r.example ? `\n\nExample of what it catches:\n\n\`\`\`yaml\n${r.example}\n\`\`\`` : ''}\n\n[${r.id} in docs/rules.md](${ruleHelpUri(tool, r.id)})`,
    },
    helpUri: ruleHelpUri(tool, r.id),
    defaultConfiguration: { level: r.severity === Severity.ERROR ? 'error' : 'warning' },
  }));
  const extra = new Map<string, number>();
  const ruleIndex = (id: string): number => {
    const i = tool.rules.findIndex(r => r.id === id);
    if (i >= 0) return i;
    if (!extra.has(id)) {
      extra.set(id, rules.length);
      rules.push({
        id,
        shortDescription: { text: INPUT_RULES[id] ?? `${id}: a problem reading the input` },
        fullDescription: { text: INPUT_RULES[id] ?? `${id}: a problem reading the input` },
        help: { text: INPUT_RULES[id] ?? id, markdown: INPUT_RULES[id] ?? id },
        helpUri: ruleHelpUri(tool, id),
        defaultConfiguration: { level: 'error' },
      });
    }
    return extra.get(id)!;
  };
  const sarifRuns = (runs.length ? runs : []).map(run => ({
    tool: { driver: { name: tool.name, version: tool.version, semanticVersion: tool.version, informationUri: tool.homepage, rules } },
    ...(run.path !== undefined ? { automationDetails: { id: `cdk8s-eso/validate/${run.path}` } } : {}),
    results: run.findings.map(d => ({
      ruleId: d.ruleId,
      ruleIndex: ruleIndex(d.ruleId),
      level: d.severity === Severity.ERROR ? 'error' : 'warning',
      message: { text: `${text(d)}` },
      ...(d.file ? {
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: fileUri(d.file) },
            ...(d.line ? { region: { startLine: d.line } } : {}),
          },
          ...(d.object.kind ? {
            logicalLocations: [{ name: d.object.name ?? '<unnamed>', fullyQualifiedName: describeObject(d), kind: 'object' }],
          } : {}),
        }],
      } : {}),
      properties: {
        field: d.field,
        fix: d.fix,
        ...(repeatCount(d) > 1 ? { count: repeatCount(d), fields: repeatFields(d) } : {}),
        ...(known.has(d.ruleId) ? {} : { inputProblem: true }),
      },
    })),
  }));
  return JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: sarifRuns }, null, 2);
}

/** A relative file name as a URI reference (POSIX separators, percent-encoded). */
function fileUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

// GitHub workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
const ghData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const ghProp = (s: string) => ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions: `::error file=…,line=…,title=RULE-ID::…` per finding (annotations on the pull request), then the summary. */
export function formatGithub(runs: readonly ValidateRun[]): string[] {
  const out: string[] = [];
  for (const run of runs) {
    for (const n of run.notChecked) {
      out.push(`::notice ${[n.file ? `file=${ghProp(n.file)}` : '', n.line ? `line=${n.line}` : ''].filter(Boolean).join(',')}::${ghData(notCheckedLine(n).slice(where(n).length + 2))}`);
    }
    for (const d of run.findings) {
      const props = [d.file ? `file=${ghProp(d.file)}` : '', d.file && d.line ? `line=${d.line}` : '', `title=${ghProp(d.ruleId)}`].filter(Boolean).join(',');
      out.push(`::${d.severity === Severity.ERROR ? 'error' : 'warning'} ${props}::${ghData(text(d))}`);
    }
    out.push(run.path !== undefined ? `${printable(run.path)}: ${run.summary}` : run.summary);
  }
  return out;
}

const xml = (s: string) => s
  // eslint-disable-next-line no-control-regex
  .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, c => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
  .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * JUnit XML (GitLab `artifacts:reports:junit`, Jenkins): one testsuite per file, one testcase per finding
 * (errors are failures; warnings pass with the finding in system-out), a passing testcase for a file without
 * findings.
 */
export function formatJunit(runs: readonly ValidateRun[]): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const run of runs) {
    const groups = byFile(run.findings);
    const seen = new Set(groups.map(([f]) => f));
    for (const f of run.files ?? []) if (!seen.has(f)) groups.push([f, []]);
    for (const [file, ds] of groups) {
      const name = run.path !== undefined && !file ? run.path : (file || '<input>');
      const cases = ds.length
        ? ds.map(d => {
          const caseName = `${d.line ? `line ${d.line}: ` : ''}${d.object.kind ? `${describeObject(d)} ` : ''}${d.field ? `${d.field} ` : ''}${d.ruleId}`;
          const body = `${where(d) ? `${where(d)}: ` : ''}${text(d)}`;
          return d.severity === Severity.ERROR
            ? `    <testcase classname="${xml(name)}" name="${xml(caseName)}">\n      <failure type="${xml(d.ruleId)}" message="${xml(d.message)}">${xml(body)}</failure>\n    </testcase>`
            : `    <testcase classname="${xml(name)}" name="${xml(caseName)}">\n      <system-out>warning: ${xml(body)}</system-out>\n    </testcase>`;
        })
        : [`    <testcase classname="${xml(name)}" name="no findings"/>`];
      const fails = ds.filter(d => d.severity === Severity.ERROR).length;
      tests += cases.length;
      failures += fails;
      suites.push(`  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${fails}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cdk8s-eso validate" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>`;
}
