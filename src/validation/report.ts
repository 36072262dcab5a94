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
