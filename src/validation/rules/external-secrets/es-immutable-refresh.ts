import { esSpecIn, targetNameOf } from '../../../model/external-secrets';
import { parseGoDuration } from '../../../model/go-duration';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/** P35: an immutable target with a periodic refresh never updates and only produces errors or no-ops. */
export const esImmutableRefreshRule: Rule = {
  id: 'ESO-ES-IMMUTABLE-REFRESH',
  severity: Severity.WARNING,
  description: 'target.immutable: true goes with refreshPolicy CreatedOnce (a periodic refresh of an immutable Secret never applies)',
  example: 'refreshInterval: 1h\ntarget: {immutable: true}',
  pitfalls: ['P35'],
  kinds: ['ExternalSecret', 'ClusterExternalSecret'],
  checkObject(m, ctx) {
    const es = esSpecIn(ctx.index, m);
    if (!es || es.spec.target?.immutable !== true) return [];
    const policy = es.spec.refreshPolicy;
    if (policy === 'CreatedOnce') return [];
    if ((policy === undefined || policy === 'Periodic') && typeof es.spec.refreshInterval === 'string' && parseGoDuration(es.spec.refreshInterval) === 0) return [];
    const how = policy === 'OnChange' ? 'refreshPolicy OnChange' : `a periodic refresh (every ${es.spec.refreshInterval ?? '1h'})`;
    return [finding(`${es.prefix}.target.immutable`,
      `immutable target "${targetNameOf(es)}" with ${how} never updates: every later sync is a no-op or fails with "field is immutable"`,
      'set refreshPolicy: CreatedOnce, or drop immutable: true if the Secret must follow the source')];
  },
};
