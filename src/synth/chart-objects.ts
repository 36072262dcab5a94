import { ApiObject, App, Chart, DependencyGraph } from 'cdk8s';
import { IConstruct } from 'constructs';

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

/**
 * `app.charts` as cdk8s computes it (`DependencyGraph(app.node).topology()` filtered to charts), without the
 * graph when nothing in the app depends on anything and no top-level chart has an integer-like id (an integer
 * key would come first in the graph's vertex object): then it is the app's `findAll()` order.
 */
export function appCharts(app: App, all: readonly IConstruct[] = app.node.findAll()): Chart[] {
  const plain = !all.some(c => c.node.dependencies.length > 0) && !app.node.children.some(c => Chart.isChart(c) && isArrayIndex(c.node.id));
  return (plain ? all : new DependencyGraph(app.node).topology()).filter((x): x is Chart => Chart.isChart(x));
}

/** A property key JavaScript orders before the others: an array index (a canonical integer below 2^32 - 1). */
function isArrayIndex(key: string): boolean {
  return /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < 4294967295;
}
