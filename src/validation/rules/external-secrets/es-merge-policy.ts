import { arr, esSpecIn, referencedKeys, targetNameOf, templateStrings } from '../../../model/external-secrets';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/** P32: with mergePolicy Replace (the default), fetched keys no template uses never reach the Secret. */
export const esMergePolicyRule: Rule = {
  id: 'ESO-ES-MERGE-POLICY',
  severity: Severity.WARNING,
  description: 'with template data and mergePolicy Replace (default), fetched keys the template does not use are dropped',
  example: 'data: [{secretKey: user}, {secretKey: pass}]\ntemplate: {data: {url: "{{ .user }}"}}',
  pitfalls: ['P32'],
  kinds: ['ExternalSecret', 'ClusterExternalSecret'],
  checkObject(m, ctx) {
    const es = esSpecIn(ctx.index, m);
    const t = es?.spec?.target?.template;
    if (!es || !t || typeof t !== 'object' || t.mergePolicy === 'Merge') return [];
    const tData = t.data && typeof t.data === 'object' ? Object.keys(t.data) : [];
    const tFrom = arr(t.templateFrom);
    if (tData.length === 0 && tFrom.length === 0) return [];
    if (tFrom.some(tf => tf?.configMap || tf?.secret)) return []; // templates we cannot read
    const { keys, all } = referencedKeys(templateStrings(es).map(s => s.text));
    if (all) return [];
    const unused = arr(es.spec.data).map(d => d?.secretKey).filter((k): k is string => typeof k === 'string' && !keys.has(k));
    if (!unused.length) return [];
    return [finding(`${es.prefix}.target.template`,
      `keys [${unused.join(', ')}] are fetched but not used by the template and will not appear in Secret "${targetNameOf(es)}" (mergePolicy Replace)`,
      'reference them in the template, set template.mergePolicy: Merge, or stop fetching them')];
  },
};
