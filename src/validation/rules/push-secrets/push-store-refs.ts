import { arr } from '../../../model/external-secrets';
import { isObject, psSpecOf } from '../../../model/push-secrets';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * A PushSecret with no store pushes nowhere; a store ref with neither name nor labelSelector fails with
 * "refStore Name must be provided"; a secret selector with neither name nor selector fails with
 * "no secret selector provided". None of these is caught by the CRD schema.
 */
export const pushStoreRefsRule: Rule = {
  id: 'ESO-PUSH-STORE-REFS',
  severity: Severity.ERROR,
  description: 'a PushSecret names at least one store (by name or labelSelector) and a source Secret (by name or selector)',
  example: 'secretStoreRefs: []',
  kinds: ['PushSecret', 'ClusterPushSecret'],
  groups: ['external-secrets.io'],
  checkObject(m) {
    const ps = psSpecOf(m);
    if (!ps) return [];
    const out: Finding[] = [];
    const refs = ps.spec.secretStoreRefs;
    if (Array.isArray(refs) && refs.length === 0) {
      out.push(finding(`${ps.prefix}.secretStoreRefs`, `${ps.label} has no store: it pushes nowhere`, 'add the store(s) to push to (stores: [primary])'));
    }
    arr(refs).forEach((r, i) => {
      if (isObject(r) && !r.name && !r.labelSelector) {
        out.push(finding(`${ps.prefix}.secretStoreRefs[${i}]`, `secretStoreRefs[${i}] has neither name nor labelSelector: ESO fails with "refStore Name must be provided"`,
          'set name (and kind) of the store, or a labelSelector'));
      }
    });
    const sec = ps.spec.selector?.secret;
    if (isObject(sec) && !sec.name && !sec.selector) {
      out.push(finding(`${ps.prefix}.selector.secret`, 'selector.secret has neither name nor selector: ESO fails with "no secret selector provided"',
        'set selector.secret.name (or a label selector)'));
    }
    return out;
  },
};
