import { findingLine, markInputProblems } from './report-formats';
import { load } from './validate-command';
import { inventoryCsv, inventoryMarkdown, secretInventory } from '../model/inventory';
import { Severity } from '../validation/diagnostic';

export const INVENTORY_FORMATS = ['markdown', 'json', 'csv'] as const;
export type InventoryFormat = typeof INVENTORY_FORMATS[number];

export interface InventoryCommandOptions {
  readonly raw?: boolean;
  readonly source?: string;
  /** @default markdown */
  readonly format?: InventoryFormat;
  /** One table per namespace or per Flux Kustomization. @default namespace */
  readonly groupBy?: 'namespace' | 'layer';
  /** Standard input for `-` (tests). */
  readonly stdin?: () => string;
  readonly out?: (text: string) => void;
  /** Problems reading the input; default: stderr. */
  readonly err?: (line: string) => void;
}

/**
 * `cdk8s-eso inventory PATH...`: the Secrets the app's ExternalSecrets write (read like validate: a repository as
 * Flux builds it, rendered files with --raw, `-` for stdin). Problems reading the input go to `err`; a path
 * that cannot be read is exit code 2.
 */
export function inventoryCommand(paths: readonly string[], options: InventoryCommandOptions = {}): number {
  const out = options.out ?? ((t: string) => process.stdout.write(t + '\n'));
  const err = options.err ?? ((l: string) => process.stderr.write(l + '\n'));
  const loaded = load(paths, { raw: options.raw, source: options.source, stdin: options.stdin });
  for (const p of markInputProblems(loaded.problems)) err(findingLine(p));
  const inv = secretInventory(loaded.items, { groupBy: options.groupBy });
  switch (options.format ?? 'markdown') {
    case 'json': out(JSON.stringify(inv, null, 2)); break;
    case 'csv': out(inventoryCsv(inv).slice(0, -1)); break; // RFC 4180 CRLF rows; `out` adds the last LF
    default: out(inventoryMarkdown(inv)); break;
  }
  return loaded.problems.some(p => p.ruleId === 'CLI-READ' && p.severity === Severity.ERROR) ? 2 : 0;
}
