import { ApiObject, Chart, DependencyGraph } from 'cdk8s';

/**
 * The objects a chart synthesizes, in the order cdk8s's `Chart.toJson()` renders them: its own ApiObjects (not
 * those of a nested chart) in `DependencyGraph` topology order.
 *
 * Without a dependency between the chart's constructs that order is the chart's `findAll()` order (every vertex
 * is an orphan the graph adopts in insertion order, and no path below a chart is an integer-like key that
 * would reorder it), so the graph, two Sets per construct, is built only for a chart that has dependencies.
 * test/synth/cdk8s-behaviour.test.ts pins the equivalence against cdk8s.
 */
export function chartObjects(chart: Chart): ApiObject[] {
  const all = chart.node.findAll();
  const ordered = all.some(c => c.node.dependencies.length > 0) ? new DependencyGraph(chart.node).topology() : all;
  return ordered.filter((x): x is ApiObject => ApiObject.isApiObject(x) && Chart.of(x) === chart);
}
