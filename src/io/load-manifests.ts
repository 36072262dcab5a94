import * as fs from 'fs';
import * as path from 'path';
import { LineCounter, parseAllDocuments } from 'yaml';
import { Manifest, SourcedManifest } from '../model/manifest';
import { Diagnostic, Severity } from '../validation/diagnostic';

export interface LoadResult {
  readonly items: SourcedManifest[];
  /** Problems with files and documents (unreadable, malformed YAML, not an object). */
  readonly problems: Diagnostic[];
  readonly files: number;
}

const YAML_FILE = /\.ya?ml$/i;

function problem(file: string, line: number | undefined, ruleId: string, message: string, fix: string, severity = Severity.ERROR): Diagnostic {
  return { severity, ruleId, object: {}, file, line, field: '', message, fix };
}

/** YAML files under the given paths (folders recursively, sorted for deterministic output). */
export function collectFiles(paths: readonly string[], problems: Diagnostic[]): string[] {
  const out: string[] = [];
  const walk = (p: string, explicit: boolean) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e: any) {
      problems.push(problem(p, undefined, 'CLI-READ', `cannot read: ${e.code ?? e.message}`, 'check the path exists and is readable'));
      return;
    }
    if (st.isDirectory()) {
      let entries: string[];
      try {
        entries = fs.readdirSync(p).sort();
      } catch (e: any) {
        problems.push(problem(p, undefined, 'CLI-READ', `cannot list folder: ${e.code ?? e.message}`, 'check the folder permissions'));
        return;
      }
      for (const e of entries) {
        if (e === 'node_modules' || e.startsWith('.')) continue;
        walk(path.join(p, e), false);
      }
    } else if (explicit || YAML_FILE.test(p)) {
      out.push(p);
    }
  };
  for (const p of paths) walk(p, true);
  return out;
}

/** Parses one multi-document YAML text into manifests; malformed YAML is a diagnostic with file and line. */
export function parseManifests(file: string, text: string): { items: SourcedManifest[]; problems: Diagnostic[] } {
  const items: SourcedManifest[] = [];
  const problems: Diagnostic[] = [];
  if (!text.trim()) {
    problems.push(problem(file, undefined, 'CLI-EMPTY', 'file is empty', 'remove the file or add manifests', Severity.WARNING));
    return { items, problems };
  }
  const lineCounter = new LineCounter();
  let docs;
  try {
    docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false, logLevel: 'error' });
  } catch (e: any) {
    problems.push(problem(file, undefined, 'CLI-YAML', `cannot parse YAML: ${e.message}`, 'fix the YAML syntax'));
    return { items, problems };
  }
  const docList = Array.isArray(docs) ? docs : [docs];
  for (const doc of docList) {
    const line = lineCounter.linePos((doc.contents as any)?.range?.[0] ?? doc.range?.[0] ?? 0).line;
    if (doc.errors.length > 0) {
      const err = doc.errors[0];
      const errLine = err.linePos?.[0]?.line ?? line;
      problems.push(problem(file, errLine, 'CLI-YAML', `malformed YAML: ${err.message.split('\n')[0]}`, 'fix the YAML syntax at that line'));
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (e: any) {
      problems.push(problem(file, line, 'CLI-YAML', `cannot read document: ${e.message}`, 'fix the YAML at that line'));
      continue;
    }
    if (value === null || value === undefined) continue; // empty document between `---`
    const docs2 = expandList(value);
    if (!docs2) {
      const what = Array.isArray(value) ? 'a list' : `a ${typeof value}`;
      problems.push(problem(file, line, 'CLI-NOT-OBJECT', `document is ${what}, not a Kubernetes object`, 'each YAML document must be a mapping with apiVersion and kind'));
      continue;
    }
    for (const m of docs2) {
      if (typeof m.apiVersion !== 'string' || typeof m.kind !== 'string') {
        problems.push(problem(file, line, 'CLI-NOT-OBJECT', 'document has no apiVersion/kind: not a Kubernetes object', 'add apiVersion and kind, or keep non-Kubernetes YAML out of manifest folders', Severity.WARNING));
        continue;
      }
      items.push({ manifest: m, file, line });
    }
  }
  return { items, problems };
}

/** A mapping is one object; a `kind: List` (e.g. `kubectl get -o yaml`) is its items. */
function expandList(value: unknown): Manifest[] | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const m = value as Manifest;
  if (typeof m.kind === 'string' && m.kind.endsWith('List') && Array.isArray(m.items)) {
    return m.items.filter((i: unknown) => i && typeof i === 'object' && !Array.isArray(i));
  }
  return [m];
}

/** Reads every YAML file under `paths`; one bad file never stops the others. */
export function loadManifests(paths: readonly string[]): LoadResult {
  const problems: Diagnostic[] = [];
  const files = collectFiles(paths, problems);
  const items: SourcedManifest[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e: any) {
      problems.push(problem(file, undefined, 'CLI-READ', `cannot read: ${e.code ?? e.message}`, 'check the file permissions'));
      continue;
    }
    if (text.includes('\u0000')) {
      problems.push(problem(file, undefined, 'CLI-YAML', 'binary file, not YAML', 'pass only YAML files or folders'));
      continue;
    }
    const r = parseManifests(file, text);
    items.push(...r.items);
    problems.push(...r.problems);
  }
  return { items, problems, files: files.length };
}
