import { arr, esSpecIn } from '../../../model/external-secrets';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * ES-10 / P26: duplicate `data[].secretKey`. The webhook only refuses them with deletionPolicy Retain;
 * otherwise the later entry silently wins, so this rule always refuses them.
 */
export const esDuplicateKeyRule: Rule = {
  id: 'ESO-ES-DUPLICATE-KEY',
  severity: Severity.ERROR,
  description: 'every data[].secretKey must be unique (the webhook refuses duplicates; otherwise the last one silently wins)',
  example: 'data:\n- secretKey: password ...\n- secretKey: password ...',
  pitfalls: ['P26'],
  kinds: ['ExternalSecret', 'ClusterExternalSecret'],
  checkObject(m, ctx) {
    const es = esSpecIn(ctx.index, m);
    if (!es) return [];
    const first = new Map<string, number>();
    const out: Finding[] = [];
    arr(es.spec.data).forEach((d, i) => {
      const k = d?.secretKey;
      if (typeof k !== 'string') return;
      const j = first.get(k);
      if (j === undefined) {first.set(k, i);} else {
        out.push(finding(`${es.prefix}.data[${i}].secretKey`, `secretKey "${k}" is produced twice in ${es.label} (data[${j}], data[${i}])`,
          `rename one of them or drop data[${i}]`));
      }
    });
    return out;
  },
};
