import { esSpecIn } from '../../../model/external-secrets';
import { parseGoDuration } from '../../../model/go-duration';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/**
 * P22 / ESO §9.3: `refreshInterval: 0` with the periodic policy syncs once and then ignores every spec
 * edit and force-sync. `refreshPolicy: CreatedOnce` says the same thing explicitly.
 */
export const esRefreshZeroRule: Rule = {
  id: 'ESO-ES-REFRESH-ZERO',
  severity: Severity.WARNING,
  description: 'refreshInterval 0 means "sync once, never again, even after spec edits": say refreshPolicy CreatedOnce instead',
  example: 'refreshInterval: "0"',
  pitfalls: ['P22'],
  kinds: ['ExternalSecret', 'ClusterExternalSecret'],
  checkObject(m, ctx) {
    const es = esSpecIn(ctx.index, m);
    if (!es || typeof es.spec.refreshInterval !== 'string') return [];
    const policy = es.spec.refreshPolicy;
    if (policy !== undefined && policy !== 'Periodic') return [];
    if (parseGoDuration(es.spec.refreshInterval) !== 0) return [];
    return [finding(`${es.prefix}.refreshInterval`,
      `refreshInterval ${JSON.stringify(es.spec.refreshInterval)} syncs once and never again, even after the ExternalSecret's spec is edited or force-synced`,
      'set refreshPolicy: CreatedOnce (sync once per ExternalSecret; re-sync if the target Secret changes) or OnChange (sync on spec edits), and drop refreshInterval')];
  },
};
