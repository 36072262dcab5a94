import { arr } from '../../../model/external-secrets';
import { isObject, psSpecOf } from '../../../model/push-secrets';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * The CEL rules of `dataTo` in the pinned CRD (the API server rejects the object; offline schema
 * validators do not run CEL): storeRef with a name or labelSelector; remoteKey and rewrite mutually
 * exclusive; each rewrite has exactly one of regexp / transform.
 */
export const pushDataToCelRule: Rule = {
  id: 'ESO-PUSH-DATATO-CEL',
  severity: Severity.ERROR,
  description: 'dataTo entries satisfy the CRD\'s CEL rules: storeRef.name or labelSelector; remoteKey xor rewrite; one of regexp/transform per rewrite',
  example: 'dataTo: [{storeRef: {name: vault}, remoteKey: app/all, rewrite: [{regexp: {source: "^", target: "app/"}}]}]',
  kinds: ['PushSecret', 'ClusterPushSecret'],
  groups: ['external-secrets.io'],
  checkObject(m) {
    const ps = psSpecOf(m);
    if (!ps) return [];
    const out: Finding[] = [];
    arr(ps.spec.dataTo).forEach((d, i) => {
      const field = `${ps.prefix}.dataTo[${i}]`;
      const sr = d?.storeRef;
      if (!isObject(sr) || (!sr.name && !sr.labelSelector)) {
        out.push(finding(`${field}.storeRef`, `dataTo[${i}] has no storeRef name or labelSelector: the API server rejects it ("storeRef must specify either name or labelSelector")`,
          'set storeRef: {name, kind} of one of the PushSecret\'s stores, or a labelSelector matching them'));
      }
      const rewrite = arr(d?.rewrite);
      if (d?.remoteKey !== undefined && rewrite.length > 0) {
        out.push(finding(`${field}.rewrite`, `dataTo[${i}] sets both remoteKey "${d.remoteKey}" and rewrite: the API server rejects it (rewrite is only supported without remoteKey)`,
          'drop rewrite to push all matched keys as one JSON object under remoteKey, or drop remoteKey to push each key under its rewritten name'));
      }
      rewrite.forEach((r, j) => {
        const n = (isObject(r) && r.regexp ? 1 : 0) + (isObject(r) && r.transform ? 1 : 0);
        if (n !== 1) {
          out.push(finding(`${field}.rewrite[${j}]`, `rewrite[${j}] sets ${n === 0 ? 'neither' : 'both'} regexp ${n === 0 ? 'nor' : 'and'} transform: the API server rejects it ("exactly one of regexp or transform must be set")`,
            'set exactly one of regexp: {source, target} or transform: {template} (PushRewrite.regexp / PushRewrite.transform)'));
        }
      });
    });
    return out;
  },
};
