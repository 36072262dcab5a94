import { arr, esSpecIn } from '../../../model/external-secrets';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/** ES-3 (P27): an ExternalSecret with neither data nor dataFrom is refused by the webhook. */
export const esDataRequiredRule: Rule = {
  id: 'ESO-ES-DATA-REQUIRED',
  severity: Severity.ERROR,
  description: 'an ExternalSecret needs at least one data or dataFrom entry',
  example: 'spec:\n  secretStoreRef: {name: vault, kind: ClusterSecretStore}\n  target: {name: app}',
  pitfalls: ['P27'],
  kinds: ['ExternalSecret', 'ClusterExternalSecret'],
  checkObject(m, ctx) {
    const es = esSpecIn(ctx.index, m);
    if (!es || arr(es.spec.data).length > 0 || arr(es.spec.dataFrom).length > 0) return [];
    return [finding(es.prefix, `${es.label} has neither data nor dataFrom: the ESO webhook rejects it ("either data or dataFrom should be specified")`,
      'add a data entry (SecretValue.fromProperty(...)) or a dataFrom source (SecretSource.extract(...), .find(...), .generator(...))')];
  },
};
