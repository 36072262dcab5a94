import * as fs from 'fs';
import { loadManifests } from '../io/load-manifests';
import { Diagnostic, Severity } from '../validation/diagnostic';
import { summaryLine, validateManifests } from '../validation/engine';
import { formatCliLine } from '../validation/report';

export interface ValidateCommandOptions {
  readonly strict?: boolean;
  /** Validate each path as its own app (e.g. one folder per cluster): no cross-resource rule spans two paths. */
  readonly each?: boolean;
  /**
   * A folder with the previous output (e.g. the main branch's): rules that compare with it (ESO-FLUX-PRUNE-MOVE)
   * run against it. Its own problems are not reported.
   */
  readonly previous?: string;
  readonly out?: (line: string) => void;
}

function formatProblem(d: Diagnostic): string {
  return `${d.file}${d.line ? `:${d.line}` : ''}: ${d.message} (fix: ${d.fix}) [${d.severity} ${d.ruleId}]`;
}

/** `cdk8s-eso validate PATH...`: returns the exit code (1 on any error). */
export function validateCommand(paths: readonly string[], options: ValidateCommandOptions = {}): number {
  const out = options.out ?? ((l: string) => process.stdout.write(l + '\n'));
  if (options.each && paths.length > 1) {
    let code = 0;
    for (const p of paths) {
      code = Math.max(code, validateCommand([p], { ...options, each: false, out: line => out(line.match(/^\d+ errors?, /) ? `${p}: ${line}` : line) }));
    }
    return code;
  }
  const loaded = loadManifests(paths);
  // Documents that are not Kubernetes objects go to the rules too: in a Flux layer folder they break the build.
  const nonManifests = loaded.problems.filter(p => p.ruleId === 'CLI-NOT-OBJECT' && p.file).map(p => ({ file: p.file!, line: p.line }));
  if (options.previous !== undefined && !fs.existsSync(options.previous)) {
    out(`${options.previous}: --previous DIR does not exist`);
    return 2;
  }
  const previous = options.previous !== undefined ? loadManifests([options.previous]).items : undefined;
  const report = validateManifests(loaded.items, { strict: options.strict, nonManifests, previous });
  const problems = loaded.problems.map(p => (options.strict && p.severity === Severity.WARNING ? { ...p, severity: Severity.ERROR } : p));
  for (const p of problems) out(formatProblem(p));
  for (const d of report.diagnostics) out(formatCliLine(d));
  const problemErrors = problems.filter(p => p.severity === Severity.ERROR).length;
  out(summaryLine({
    ...report,
    errors: report.errors + problemErrors,
    warnings: report.warnings + problems.length - problemErrors,
  }));
  return report.errors + problemErrors > 0 ? 1 : 0;
}
