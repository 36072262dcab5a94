import { IConstruct } from 'constructs';
import { EsoValidation } from './eso-validation';
import { SourcedManifest } from '../model/manifest';
import { validateManifests } from '../validation/engine';
import { formatSynthReport } from '../validation/report';

/**
 * What `App.synth()` does before it writes, for output that a construct writes itself (FluxLayout's folders):
 * every construct's own validations, then the rule engine over the objects with the files they go to.
 * Throws one report on errors; prints warnings.
 */
export function validateFiles(scope: IConstruct, items: readonly SourcedManifest[], previous?: readonly SourcedManifest[]): void {
  const validation = EsoValidation.of(scope);
  const errors: string[] = [];
  for (const c of scope.node.root.node.findAll()) {
    if (c === validation) continue; // replaced by the file-aware run below
    for (const e of c.node.validate()) errors.push(`[${c.node.path}] ${e}`);
  }
  const report = validateManifests(items, { strict: validation.strict, ...(previous ? { previous } : {}) });
  const text = formatSynthReport(report);
  if (errors.length || report.errors > 0) {
    const parts = [];
    if (errors.length) parts.push(`Validation failed with the following errors:\n  ${errors.join('\n  ')}`);
    if (report.errors > 0 || report.warnings > 0) parts.push(`cdk8s-external-secrets found problems:\n${text}`);
    throw new Error(parts.join('\n') + (report.errors > 0 ? '' : '\nnothing was written.'));
  }
  if (report.warnings > 0 && validation.printWarnings) process.stderr.write(`cdk8s-external-secrets: ${text}\n`);
}
