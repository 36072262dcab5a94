import { arr, esSpecIn, isSecretTarget } from '../../../model/external-secrets';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

const ALLOWED = ['', 'data', 'annotations', 'labels'];

/** ES-6 (P33): for Secret targets, templateFrom[].target is Data, Annotations or Labels (ESO >= 2.9). */
export const esTemplateFromTargetRule: Rule = {
  id: 'ESO-ES-TEMPLATE-FROM-TARGET',
  severity: Severity.ERROR,
  description: 'templateFrom[].target must be Data, Annotations or Labels when the target is a Secret',
  example: 'templateFrom:\n- target: spec.data\n  literal: ...',
  pitfalls: ['P33'],
  kinds: ['ExternalSecret', 'ClusterExternalSecret'],
  checkObject(m, ctx) {
    const es = esSpecIn(ctx.index, m);
    if (!es || !isSecretTarget(es.spec)) return [];
    const out: Finding[] = [];
    arr(es.spec.target?.template?.templateFrom).forEach((tf, i) => {
      const t = tf?.target;
      if (t === undefined || t === null) return;
      if (typeof t !== 'string' || !ALLOWED.includes(t.toLowerCase())) {
        out.push(finding(`${es.prefix}.target.template.templateFrom[${i}].target`,
          `templateFrom target ${JSON.stringify(t)} is not allowed when targeting a Secret, must be one of "Data", "Annotations" or "Labels"`,
          'use target: Data, Annotations or Labels (nested paths only work for generic, non-Secret target manifests)'));
      }
    });
    return out;
  },
};
