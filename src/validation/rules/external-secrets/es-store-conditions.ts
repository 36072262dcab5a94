import { NAMESPACE_NAME_LABEL, allEsSpecs, arr, storeUses } from '../../../model/external-secrets';
import { ESO_GROUP, Manifest } from '../../../model/manifest';
import { ManifestIndex } from '../../../model/manifest-index';
import { Severity } from '../../diagnostic';
import { Finding, Rule, RuleContext, finding } from '../../rule';

type Verdict = 'yes' | 'no' | 'unknown';

/** Evaluates a LabelSelector against a namespace's labels (undefined labels: not declared in the app). */
function selectorMatches(sel: any, labels: Record<string, string> | undefined): Verdict {
  if (!sel || typeof sel !== 'object') return 'unknown';
  const reqs: Array<{ key: string; op: string; values: string[] }> = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key: k, op: 'In', values: [String(v)] });
  for (const e of arr(sel.matchExpressions)) reqs.push({ key: e?.key, op: e?.operator, values: arr(e?.values).map(String) });
  for (const r of reqs) {
    if (!labels && r.key !== NAMESPACE_NAME_LABEL) return 'unknown';
    const v = labels?.[r.key];
    let ok: boolean;
    switch (r.op) {
      case 'In': ok = v !== undefined && r.values.includes(v); break;
      case 'NotIn': ok = v === undefined || !r.values.includes(v); break;
      case 'Exists': ok = v !== undefined; break;
      case 'DoesNotExist': ok = v === undefined; break;
      default: return 'unknown';
    }
    if (!ok) return 'no';
  }
  return 'yes';
}

/** Go's unanchored regexp.MatchString, approximated with a JS RegExp (undefined if it does not compile). */
function regexMatches(re: string, ns: string): boolean | undefined {
  try {
    return new RegExp(re).test(ns);
  } catch {
    return undefined;
  }
}

/** Whether a ClusterSecretStore's conditions admit `ns` (conditions and their parts are ORed). */
export function conditionsAdmit(store: Manifest, ns: string, index: ManifestIndex): Verdict {
  const conditions = arr(store.spec?.conditions);
  if (!conditions.length) return 'yes';
  const nsObj = index.get('', 'Namespace', undefined, ns);
  const labels = nsObj ? { ...(nsObj.metadata?.labels ?? {}), [NAMESPACE_NAME_LABEL]: ns } : undefined;
  let unknown = false;
  for (const c of conditions) {
    if (arr(c?.namespaces).includes(ns)) return 'yes';
    for (const re of arr(c?.namespaceRegexes)) {
      const r = regexMatches(String(re), ns);
      if (r === true) return 'yes';
      if (r === undefined) unknown = true;
    }
    if (c?.namespaceSelector) {
      const v = selectorMatches(c.namespaceSelector, labels);
      if (v === 'yes') return 'yes';
      if (v === 'unknown') unknown = true;
    }
  }
  return unknown ? 'unknown' : 'no';
}

/** P29: the ClusterSecretStore's conditions must admit the namespace of every ExternalSecret using it. */
export const esStoreConditionsRule: Rule = {
  id: 'ESO-ES-STORE-CONDITIONS',
  severity: Severity.ERROR,
  description: 'a ClusterSecretStore\'s conditions (namespaces, regexes, selectors) must admit the ExternalSecret\'s namespace',
  example: 'ClusterSecretStore conditions: [{namespaces: [team-a]}] used from namespace team-b',
  pitfalls: ['P29'],
  checkApp(ctx: RuleContext) {
    const out: Finding[] = [];
    for (const es of allEsSpecs(ctx.index)) {
      for (const use of storeUses(es)) {
        if (use.kind !== 'ClusterSecretStore') continue;
        const store = ctx.index.get(ESO_GROUP, 'ClusterSecretStore', undefined, use.name);
        if (!store) continue;
        for (const ns of es.namespaces) {
          if (conditionsAdmit(store, ns, ctx.index) !== 'no') continue;
          out.push(finding(use.field,
            `${es.label} uses ClusterSecretStore "${use.name}" from namespace "${ns}", but the store's conditions do not admit "${ns}" (ESO: "denied by spec.condition")`,
            `add "${ns}" to spec.conditions[].namespaces of ClusterSecretStore "${use.name}", or move the ExternalSecret to an admitted namespace`,
            { target: es.manifest }));
        }
      }
    }
    return out;
  },
};
