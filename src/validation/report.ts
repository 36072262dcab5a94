import { writeSync } from 'fs';
import { isMainThread } from 'worker_threads';
import { Diagnostic } from './diagnostic';
import { ValidationReport, describeObject, summaryLine } from './engine';

/** CLI line: `FILE: KIND NAMESPACE/NAME: FIELD: MESSAGE (fix: ...)`. */
export function formatCliLine(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}` : ''}` : (d.constructPath ?? '<app>');
  const field = d.field ? `${d.field}: ` : '';
  return `${where}: ${describeObject(d)}: ${field}${d.message} (fix: ${d.fix}) [${d.severity} ${d.ruleId}]`;
}

/** Synth block: construct path first, then the field, the message and the fix on their own lines. */
export function formatSynthBlock(d: Diagnostic): string {
  const sev = d.severity === 'error' ? 'Error' : 'Warning';
  const where = d.constructPath ?? d.file ?? '<app>';
  return `${sev} [${d.ruleId}]: ${where} (${describeObject(d)}): ${d.field || '<object>'}\n  ${d.message}\n  fix: ${d.fix}`;
}

/** The whole synth report; `failed` adds "nothing was written". */
export function formatSynthReport(r: ValidationReport): string {
  const blocks = r.diagnostics.map(formatSynthBlock);
  const summary = summaryLine(r) + (r.errors > 0 ? ' — nothing was written.' : '');
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
