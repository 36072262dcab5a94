import { arr } from '../../../model/external-secrets';
import { compileGoRegex } from '../../../model/go-regex';
import { isObject, psSpecOf, resolveRef, storeTargets } from '../../../model/push-secrets';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * ESO's runtime checks of `dataTo` (pushsecret_controller.go validateDataToStoreRefs,
 * validateDataToMatchesResolvedStores): a named storeRef must be one of `secretStoreRefs` (same name and
 * kind, kind defaulting to SecretStore), a labelSelector must match one of the resolved stores, and the
 * match/rewrite regular expressions must compile in Go.
 */
export const pushDataToStoreRule: Rule = {
  id: 'ESO-PUSH-DATATO-STORE',
  severity: Severity.ERROR,
  description: 'dataTo storeRef must be one of the PushSecret\'s secretStoreRefs, and its regexps must compile (Go RE2)',
  example: 'secretStoreRefs: [{name: a, kind: ClusterSecretStore}]\ndataTo: [{storeRef: {name: b, kind: ClusterSecretStore}}]',
  kinds: ['PushSecret', 'ClusterPushSecret'],
  groups: ['external-secrets.io'],
  checkObject(m, ctx) {
    const ps = psSpecOf(m);
    if (!ps) return [];
    const out: Finding[] = [];
    const refs = arr(ps.spec.secretStoreRefs);
    const named = new Set(refs.filter(r => isObject(r) && r.name).map(r => `${r.kind || 'SecretStore'}|${r.name}`));
    const targets = storeTargets(ctx.index, ps);
    const allResolved = refs.every(r => isObject(r) && (r.labelSelector || targets.some(t => t.name === r.name && t.store)));
    arr(ps.spec.dataTo).forEach((d, i) => {
      const field = `${ps.prefix}.dataTo[${i}]`;
      const sr = d?.storeRef;
      if (isObject(sr) && typeof sr.name === 'string' && sr.name) {
        const kind = sr.kind || 'SecretStore';
        if (!named.has(`${kind}|${sr.name}`)) {
          const other = refs.find(r => isObject(r) && r.name === sr.name);
          out.push(finding(`${field}.storeRef`,
            `dataTo[${i}] targets ${kind} "${sr.name}", which is not one of the PushSecret's secretStoreRefs`
            + (other ? ` (it lists "${sr.name}" as ${other.kind || 'SecretStore'}: the kind defaults to SecretStore)` : ''),
            other ? `set storeRef.kind: ${other.kind || 'SecretStore'}` : `add {name: ${sr.name}, kind: ${kind}} to secretStoreRefs, or target one of them`));
        }
      } else if (isObject(sr) && isObject(sr.labelSelector) && allResolved) {
        const ids = new Set(targets.map(t => t.id));
        if (!resolveRef(ctx.index, ps, sr, '').some(t => ids.has(t.id))) {
          out.push(finding(`${field}.storeRef.labelSelector`, `dataTo[${i}] storeRef.labelSelector matches none of the PushSecret's stores: ESO fails the push`,
            'fix the selector so it matches at least one of secretStoreRefs'));
        }
      }
      const check = (pattern: unknown, f: string) => {
        if (typeof pattern !== 'string') return;
        const r = compileGoRegex(pattern);
        if (r.error) out.push(finding(f, `regular expression ${JSON.stringify(pattern)} does not compile in Go: ${r.error}`, 'write an RE2 expression (no lookaround, no backreferences)'));
      };
      check(d?.match?.regexp, `${field}.match.regexp`);
      arr(d?.rewrite).forEach((r, j) => check(r?.regexp?.source, `${field}.rewrite[${j}].regexp.source`));
    });
    return out;
  },
};
