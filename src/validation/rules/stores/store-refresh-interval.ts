import { isGoDuration, parseGoDuration } from '../../../model/go-duration';
import { ESO_GROUPS, STORE_KINDS } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/**
 * SS-2 + P22 (store part): `refreshInterval` is a non-negative integer (seconds) or a non-negative Go
 * duration (ESO ≥ 2.8). `0` means the controller default, not "never".
 */
export const storeRefreshIntervalRule: Rule = {
  id: 'ESO-STORE-REFRESH-INTERVAL',
  severity: Severity.ERROR,
  description: 'store refreshInterval must be a non-negative integer of seconds or a non-negative Go duration ("1h", "5m")',
  example: 'refreshInterval: 1d',
  pitfalls: ['P22'],
  kinds: STORE_KINDS,
  groups: ESO_GROUPS,
  checkObject(m) {
    const v = m.spec?.refreshInterval;
    const field = 'spec.refreshInterval';
    if (v === undefined || v === null || v === '') return [];
    const zero = finding(field, `refreshInterval ${JSON.stringify(v)} means the controller default (--store-requeue-interval, 5m), not "never"`,
      'drop the field to use the default, or write the interval you want, e.g. "10m"', { severity: Severity.WARNING });
    if (typeof v === 'number') {
      if (!Number.isInteger(v) || v < 0) {
        return [finding(field, `refreshInterval ${v} is not a non-negative whole number of seconds`, 'write a Go duration such as "5m" or a positive integer of seconds')];
      }
      return v === 0 ? [zero] : [];
    }
    if (typeof v !== 'string') {
      return [finding(field, `refreshInterval ${JSON.stringify(v)} is neither an integer nor a duration string`, 'write a Go duration such as "5m"')];
    }
    if (/^\d+$/.test(v) && v !== '0') {
      return [finding(field, `refreshInterval "${v}" is a string without a unit: Go's time.ParseDuration rejects it`, `write "${v}s" or the integer ${v}`)];
    }
    if (!isGoDuration(v)) {
      const dw = /^(\d+)([dw])$/.exec(v);
      const fix = dw ? `use "${Number(dw[1]) * (dw[2] === 'd' ? 24 : 168)}h" (Go durations have no "d" or "w")` : 'use Go duration units ns, us, ms, s, m, h, e.g. "1h30m"';
      return [finding(field, `refreshInterval "${v}" is not a Go duration`, fix)];
    }
    const ms = parseGoDuration(v)!;
    if (ms < 0) return [finding(field, `refreshInterval "${v}" is negative: the webhook rejects it`, 'use a positive duration, e.g. "5m"')];
    return ms === 0 ? [zero] : [];
  },
};
