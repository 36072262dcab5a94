import { arr, esSpecIn } from '../../../model/external-secrets';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * ES-7, ES-8 (P27): each dataFrom entry reads from exactly one source: extract, find or a generator.
 * A store-only sourceRef passes the webhook but produces nothing.
 */
export const esDataFromSourceRule: Rule = {
  id: 'ESO-ES-DATAFROM-SOURCE',
  severity: Severity.ERROR,
  description: 'each dataFrom entry sets exactly one of extract, find or sourceRef.generatorRef',
  example: 'dataFrom:\n- extract: {key: app}\n  find: {path: app}',
  pitfalls: ['P27'],
  kinds: ['ExternalSecret', 'ClusterExternalSecret'],
  checkObject(m, ctx) {
    const es = esSpecIn(ctx.index, m);
    if (!es) return [];
    const out: Finding[] = [];
    arr(es.spec.dataFrom).forEach((d, i) => {
      const field = `${es.prefix}.dataFrom[${i}]`;
      const set = (['extract', 'find'] as const).filter(k => d?.[k] !== undefined && d?.[k] !== null);
      if (d?.sourceRef?.generatorRef) set.push('sourceRef.generatorRef' as any);
      if (set.length > 1) {
        out.push(finding(field, `dataFrom[${i}] sets ${set.join(' and ')}: the ESO webhook rejects it ("extract, find, or generatorRef cannot be set at the same time")`,
          'split it into one dataFrom entry per source'));
      } else if (set.length === 0 && !d?.sourceRef) {
        out.push(finding(field, `dataFrom[${i}] sets none of extract, find or sourceRef: the ESO webhook rejects it`,
          'set extract: {key: ...}, find: {...} or sourceRef.generatorRef'));
      } else if (set.length === 0 && d?.sourceRef?.storeRef) {
        out.push(finding(field, `dataFrom[${i}] only names a store (sourceRef.storeRef) without extract or find: ESO accepts it but produces no keys`,
          'add extract: {key: ...} or find: {...} to say what to read from that store', { severity: Severity.WARNING }));
      }
    });
    return out;
  },
};
