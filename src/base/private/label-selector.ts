// Internal: a cdk8s-plus LabelSelector rendered through public API only (not re-exported from index.ts).
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';

/** A Kubernetes `LabelSelector` object. */
export interface LabelSelectorJson {
  readonly matchExpressions?: kplus.LabelSelectorRequirement[];
  readonly matchLabels?: { [key: string]: string };
}

/**
 * What `selector._toKube()` returns (`{}` for an empty selector, else `matchExpressions` and `matchLabels`,
 * each undefined when empty), read through public cdk8s-plus API: a LabelSelector keeps its labels and
 * expressions private and renders them only with the `@internal` `_toKube()`, while a workload's public
 * `select()` takes one and hands its parts back as `matchLabels` / `matchExpressions`. The workload lives
 * in a throw-away app of its own: nothing reaches the user's app.
 */
export function labelSelectorToKube(selector: kplus.LabelSelector): LabelSelectorJson {
  if (selector.isEmpty()) return {};
  const probe = new kplus.Deployment(new Chart(new App(), 'selector'), 'probe', { select: false });
  probe.select(selector);
  return { matchExpressions: undefinedIfEmpty(probe.matchExpressions), matchLabels: undefinedIfEmpty(probe.matchLabels) };
}

/** cdk8s-plus's own rule: an empty array, or an object without a truthy value, is left out. */
function undefinedIfEmpty<T extends object>(o: T): T | undefined {
  if (Array.isArray(o)) return o.length === 0 ? undefined : o;
  return Object.values(o).filter(x => x).length === 0 ? undefined : o;
}
