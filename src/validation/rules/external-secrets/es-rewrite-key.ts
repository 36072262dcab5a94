import { arr, esSpecIn } from '../../../model/external-secrets';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

const KEY_CHARS = /^[-._a-zA-Z0-9]*$/;

/** The literal characters a rewrite writes into every key: regexp target minus `$1`/`${name}`, template minus `{{ }}`. */
function literalPart(kind: 'regexp' | 'transform', text: string): string {
  return kind === 'regexp'
    ? text.replace(/\$\{[^}]*\}|\$[A-Za-z0-9_]+|\$\$/g, '')
    : text.replace(/\{\{[\s\S]*?\}\}/g, '');
}

/**
 * P28 (the part that is knowable offline): Secret keys allow only `-._a-zA-Z0-9`. Remote field names
 * are only known at runtime, but a dataFrom rewrite whose own literal text adds another character
 * (a `/`, a space, `:`) makes every key it produces invalid, and ESO fails the sync with "invalid secret keys".
 */
export const esRewriteKeyRule: Rule = {
  id: 'ESO-ES-REWRITE-KEY',
  severity: Severity.ERROR,
  description: 'a dataFrom rewrite must not put characters into keys that Secret keys do not allow (only -._a-zA-Z0-9)',
  example: 'rewrite:\n- regexp: {source: "(.*)", target: "app/$1"}',
  pitfalls: ['P28'],
  kinds: ['ExternalSecret', 'ClusterExternalSecret'],
  checkObject(m, ctx) {
    const es = esSpecIn(ctx.index, m);
    if (!es) return [];
    const out: Finding[] = [];
    arr(es.spec.dataFrom).forEach((d, i) => {
      arr(d?.rewrite).forEach((r, j) => {
        const checks: Array<['regexp' | 'transform', string, unknown]> = [
          ['regexp', `${es.prefix}.dataFrom[${i}].rewrite[${j}].regexp.target`, r?.regexp?.target],
          ['transform', `${es.prefix}.dataFrom[${i}].rewrite[${j}].transform.template`, r?.transform?.template],
        ];
        for (const [kind, field, text] of checks) {
          if (typeof text !== 'string') continue;
          const literal = literalPart(kind, text);
          if (KEY_CHARS.test(literal)) continue;
          const bad = [...new Set(literal.replace(/[-._a-zA-Z0-9]/g, ''))].map(c => JSON.stringify(c)).join(', ');
          out.push(finding(field, `rewrite ${kind === 'regexp' ? 'target' : 'template'} ${JSON.stringify(text)} puts ${bad} into every key it produces; Secret keys allow only -._a-zA-Z0-9, so ESO fails the sync ("invalid secret keys")`,
            'use "_" or "-" instead (e.g. target: "app_$1"), or convert the keys with conversionStrategy'));
        }
      });
    });
    return out;
  },
};
