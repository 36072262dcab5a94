import { writeSync } from 'fs';
import { isMainThread } from 'worker_threads';
import { Diagnostic, Severity } from './diagnostic';
import { ValidationReport, describeObject, summaryLine } from './engine';

/** How many findings a folded diagnostic stands for, and their fields (see foldRepeats). */
const repeats = new WeakMap<Diagnostic, { count: number; fields: string[] }>();

/**
 * One finding per distinct problem: diagnostics that repeat one finding (same severity, rule, object, place,
 * message and fix, on fields that differ only in list indexes, e.g. once per `data[]` entry of one key) are
 * folded into the first, which remembers how many there were (`repeatCount`) and their fields (`repeatFields`).
 * Order: each group where its first member was.
 */
export function foldRepeats<T extends Diagnostic>(ds: readonly T[]): T[] {
  const groups = new Map<string, T>();
  const out: T[] = [];
  for (const d of ds) {
    const o = d.object;
    const key = JSON.stringify([d.severity, d.ruleId, o.apiVersion, o.kind, o.namespace, o.name, d.constructPath, d.file, d.line,
      d.field.replace(/\[\d+\]/g, '[]'), d.message, d.fix]);
    const first = groups.get(key);
    if (!first) {
      groups.set(key, d);
      out.push(d);
      continue;
    }
    const r = repeats.get(first) ?? { count: 1, fields: [first.field] };
    r.count++;
    if (!r.fields.includes(d.field)) r.fields.push(d.field);
    repeats.set(first, r);
  }
  return out;
}

/** How many findings a diagnostic stands for (1 unless foldRepeats folded others into it). */
export function repeatCount(d: Diagnostic): number {
  return repeats.get(d)?.count ?? 1;
}

/** The fields of the findings a diagnostic stands for (its own field unless foldRepeats folded others into it). */
export function repeatFields(d: Diagnostic): string[] {
  return repeats.get(d)?.fields ?? [d.field];
}

/** ` (×3)` for a diagnostic that stands for 3 findings, '' for one. */
export function repeatSuffix(d: Diagnostic): string {
  const n = repeatCount(d);
  return n > 1 ? ` (×${n})` : '';
}

/** Errors and warnings among (folded) diagnostics. */
export function countSeverities(ds: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of ds) if (d.severity === Severity.ERROR) errors++;
  return { errors, warnings: ds.length - errors };
}

/** CLI line: `FILE: KIND NAMESPACE/NAME: FIELD (×N): MESSAGE (fix: ...)`. */
export function formatCliLine(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}` : ''}` : (d.constructPath ?? '<app>');
  const field = d.field ? `${d.field}${repeatSuffix(d)}: ` : (repeatSuffix(d) ? `${repeatSuffix(d).trim()}: ` : '');
  return `${where}: ${describeObject(d)}: ${field}${d.message} (fix: ${d.fix}) [${d.severity} ${d.ruleId}]`;
}

/** Synth block: construct path first, then the field (and how many times it repeats), the message and the fix on their own lines. */
export function formatSynthBlock(d: Diagnostic): string {
  const sev = d.severity === 'error' ? 'Error' : 'Warning';
  const where = d.constructPath ?? d.file ?? '<app>';
  return `${sev} [${d.ruleId}]: ${where} (${describeObject(d)}): ${d.field || '<object>'}${repeatSuffix(d)}\n  ${d.message}\n  fix: ${d.fix}`;
}

/**
 * The whole synth report, one block per distinct finding (repeats folded, with their count); the summary
 * counts the blocks; `failed` adds "nothing was written".
 */
export function formatSynthReport(r: ValidationReport): string {
  const folded = foldRepeats(r.diagnostics);
  const blocks = folded.map(formatSynthBlock);
  const counts = folded.length === r.diagnostics.length ? r : { ...r, ...countSeverities(folded) };
  const summary = summaryLine(counts) + (r.errors > 0 ? ' — nothing was written.' : '');
  return [...blocks, summary].join('\n');
}

/** Marks an error as a refusal (see SynthRefusal), across copies of this library in one process. */
const REFUSAL = Symbol.for('cdk8s-external-secrets.refusal');
/** Set on `process` once the refusal printer listens. */
const ARMED = Symbol.for('cdk8s-external-secrets.refusal-printer');
/**
 * How a failed validation's message begins: cdk8s's own wording (`App.synth()` and this library's synth hook)
 * and the report of output a construct writes itself (FluxLayout).
 */
const REFUSAL_PREFIXES = ['Validation failed with the following errors:', 'cdk8s-external-secrets found problems:'];

/**
 * The app was refused (its validation failed): not a bug, so when nobody catches it the process prints the
 * message (the report) without a stack trace and exits 1. Callers that catch it get an ordinary `Error`.
 */
export class SynthRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SynthRefusal';
    Object.defineProperty(this, REFUSAL, { value: true });
    armRefusalPrinter();
  }
}

/** A SynthRefusal, or an error with the wording of a failed validation. */
export function isRefusal(err: unknown): err is Error {
  if (!(err instanceof Error) && !(typeof err === 'object' && err !== null && typeof (err as any).message === 'string')) return false;
  if ((err as any)[REFUSAL] === true) return true;
  const message: string = (err as any).message;
  return REFUSAL_PREFIXES.some(p => message.startsWith(p));
}

/** Writes all of `text` to a file descriptor, also when it is a non-blocking pipe (EAGAIN: try again). */
function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  let tries = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off, buf.length - off);
      tries = 0;
    } catch (e: any) {
      if (e?.code !== 'EAGAIN' || ++tries > 10000) throw e;
    }
  }
}

/**
 * Makes an uncaught refusal print its report and exit 1, without the stack trace Node prints for a crash
 * (`cdk8s synth` runs the app as a plain `node` process). Acts only while it is the process's one
 * `uncaughtException` listener (an app with its own handler keeps full control); any other uncaught error is
 * thrown again on the next tick, so Node reports it exactly as it would without this listener. Once per process.
 */
export function armRefusalPrinter(): void {
  const proc: any = typeof process === 'object' ? process : undefined;
  if (!isMainThread || !proc || typeof proc.on !== 'function' || typeof proc.listeners !== 'function' || proc[ARMED]) return;
  Object.defineProperty(proc, ARMED, { value: true });
  const listener = (err: unknown) => {
    // the app handles uncaught errors itself (node:domain's own listener only ever runs beside others)
    if (proc.listeners('uncaughtException').some((l: Function) => l !== listener && l.name !== 'domainUncaughtExceptionClear')) return;
    proc.removeListener('uncaughtException', listener);
    if (isRefusal(err)) {
      try {
        writeAll(2, `${err.message}\n`);
      } finally {
        proc.exit(1);
      }
    }
    proc.nextTick(() => { throw err; });
  };
  proc.on('uncaughtException', listener);
}

// cdk8s's own "Validation failed" (a construct's validation, before this library's engine runs) is a refusal too
armRefusalPrinter();
