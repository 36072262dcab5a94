import { isGoDuration, parseGoDuration } from '../../../model/go-duration';
import { ESO_GROUPS, STORE_KINDS } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/** `retrySettings.retryInterval` is parsed only when the client is built: a bad value breaks the store at runtime. */
export const storeRetryIntervalRule: Rule = {
  id: 'ESO-STORE-RETRY-INTERVAL',
  severity: Severity.ERROR,
  description: 'retrySettings.retryInterval must be a positive Go duration and maxRetries non-negative',
  example: 'retrySettings: { retryInterval: 10 }',
  kinds: STORE_KINDS,
  groups: ESO_GROUPS,
  checkObject(m) {
    const rs = m.spec?.retrySettings;
    const out: Finding[] = [];
    if (!rs || typeof rs !== 'object') return out;
    const ri = rs.retryInterval;
    if (ri !== undefined && ri !== null) {
      if (typeof ri !== 'string' || !isGoDuration(ri) || (parseGoDuration(ri) ?? -1) < 0) {
        out.push(finding('spec.retrySettings.retryInterval', `retryInterval ${JSON.stringify(ri)} is not a non-negative Go duration: the provider client fails to build`,
          'write a Go duration such as "10s"'));
      }
    }
    const mr = rs.maxRetries;
    if (mr !== undefined && mr !== null && (typeof mr !== 'number' || !Number.isInteger(mr) || mr < 0)) {
      out.push(finding('spec.retrySettings.maxRetries', `maxRetries ${JSON.stringify(mr)} is not a non-negative integer`, 'write a whole number such as 3'));
    }
    return out;
  },
};
