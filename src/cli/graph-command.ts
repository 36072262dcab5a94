import { findingLine, markInputProblems } from './report-formats';
import { load } from './validate-command';
import { collapseGraph, graphDot, graphMermaid, secretGraph } from '../model/secret-graph';
import { Severity } from '../validation/diagnostic';

export const GRAPH_FORMATS = ['mermaid', 'dot', 'json'] as const;
export type GraphFormat = typeof GRAPH_FORMATS[number];

export interface GraphCommandOptions {
  readonly raw?: boolean;
  readonly source?: string;
  /** @default mermaid */
  readonly format?: GraphFormat;
  /** Above this many nodes, namespaces collapse. @default 150 */
  readonly maxNodes?: number;
  /** A namespace or Flux Kustomization that stays expanded when the graph collapses. */
  readonly focus?: string;
  /** What a collapsed graph groups by. @default namespace */
  readonly collapseBy?: 'namespace' | 'layer';
  /** Standard input for `-` (tests). */
  readonly stdin?: () => string;
  readonly out?: (text: string) => void;
  /** Problems reading the input; default: stderr. */
  readonly err?: (line: string) => void;
}

/**
 * `cdk8s-eso graph PATH...`: the secret flow of the app (read like validate). Problems reading the input go to
 * `err`; a path that cannot be read is exit code 2.
 */
export function graphCommand(paths: readonly string[], options: GraphCommandOptions = {}): number {
  const out = options.out ?? ((t: string) => process.stdout.write(t + '\n'));
  const err = options.err ?? ((l: string) => process.stderr.write(l + '\n'));
  const loaded = load(paths, { raw: options.raw, source: options.source, stdin: options.stdin });
  for (const p of markInputProblems(loaded.problems)) err(findingLine(p));
  const graph = collapseGraph(secretGraph(loaded.items), { maxNodes: options.maxNodes, focus: options.focus, by: options.collapseBy });
  switch (options.format ?? 'mermaid') {
    case 'json': out(JSON.stringify(graph, null, 2)); break;
    case 'dot': out(graphDot(graph)); break;
    default: out(graphMermaid(graph)); break;
  }
  return loaded.problems.some(p => p.ruleId === 'CLI-READ' && p.severity === Severity.ERROR) ? 2 : 0;
}
