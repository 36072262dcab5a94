import { arr, esSpecIn } from '../../../model/external-secrets';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

const SA_NAME_ANNOTATION = 'kubernetes.io/service-account.name';

/**
 * ES-4, ES-5 (P33): ESO refuses to mint privileged Secret types: a bootstrap token, or a
 * service-account token bound to a ServiceAccount through its annotation.
 */
export const esTemplateTypeRule: Rule = {
  id: 'ESO-ES-TEMPLATE-TYPE',
  severity: Severity.ERROR,
  description: 'template.type bootstrap.kubernetes.io/token is refused; service-account-token may not set the service-account.name annotation',
  example: 'template:\n  type: bootstrap.kubernetes.io/token',
  pitfalls: ['P33'],
  kinds: ['ExternalSecret', 'ClusterExternalSecret'],
  checkObject(m, ctx) {
    const es = esSpecIn(ctx.index, m);
    const t = es?.spec?.target?.template;
    if (!es || !t || typeof t !== 'object') return [];
    const field = `${es.prefix}.target.template`;
    const out: Finding[] = [];
    if (t.type === 'bootstrap.kubernetes.io/token') {
      out.push(finding(`${field}.type`, 'template.type "bootstrap.kubernetes.io/token" is not allowed: ESO refuses to create bootstrap tokens (webhook and controller)',
        'use another Secret type (e.g. Opaque); bootstrap tokens must be created by the cluster admin'));
    }
    if (t.type === 'kubernetes.io/service-account-token') {
      if (t.metadata?.annotations && typeof t.metadata.annotations === 'object' && SA_NAME_ANNOTATION in t.metadata.annotations) {
        out.push(finding(`${field}.metadata.annotations`, `template.type "kubernetes.io/service-account-token" with annotation ${SA_NAME_ANNOTATION} is not allowed: it would mint a token for that ServiceAccount`,
          `remove the ${SA_NAME_ANNOTATION} annotation, or use type Opaque`));
      }
      arr(t.templateFrom).forEach((tf, i) => {
        if (typeof tf?.target === 'string' && tf.target.toLowerCase() === 'annotations') {
          out.push(finding(`${field}.templateFrom[${i}].target`, 'templateFrom target Annotations is not allowed with template.type "kubernetes.io/service-account-token" (it could set the service-account.name annotation)',
            'render into Data or Labels, or use type Opaque'));
        }
      });
    }
    return out;
  },
};
