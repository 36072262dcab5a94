import { arr, esSpecIn } from '../../../model/external-secrets';
import { parseGoDuration } from '../../../model/go-duration';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

const MINUTE = 60_000;

/** `1d` → `24h`, `2w` → `336h`, `1d12h` → `36h` (undefined when not a d/w duration). */
function suggest(s: string): string | undefined {
  const m = /^(\d+)([dw])(.*)$/.exec(s);
  if (!m) return undefined;
  const hours = Number(m[1]) * (m[2] === 'd' ? 24 : 168);
  const rest = m[3];
  const restMs = rest ? parseGoDuration(rest) : 0;
  if (restMs === undefined) return undefined;
  const total = hours * 3_600_000 + restMs;
  const h = Math.floor(total / 3_600_000);
  const min = Math.floor((total % 3_600_000) / MINUTE);
  return `${h}h${min ? `${min}m` : ''}`;
}

function check(value: unknown, field: string, what: string, out: Finding[], warnBelowMinute: boolean) {
  if (value === undefined || value === null) return;
  if (typeof value !== 'string') {
    out.push(finding(field, `${what} ${JSON.stringify(value)} must be a string Go duration, not a ${typeof value}: the API server rejects it`,
      `quote it as a Go duration, e.g. "${value === 0 ? '0s' : '1h'}" (cdk8s: Duration.hours(1))`));
    return;
  }
  const ms = parseGoDuration(value);
  if (ms === undefined) {
    const s = suggest(value);
    out.push(finding(field, `${what} ${JSON.stringify(value)} is not a Go duration (units ns, us, ms, s, m, h; there is no d or w)`,
      s ? `use "${s}"` : 'write it like "1h", "30m" or "1h30m"'));
    return;
  }
  if (ms < 0) {
    out.push(finding(field, `${what} ${JSON.stringify(value)} is negative: ESO treats it like 0 (sync once)`, 'use a positive duration, or refreshPolicy: CreatedOnce',
      { severity: Severity.WARNING }));
  } else if (warnBelowMinute && ms > 0 && ms < MINUTE) {
    out.push(finding(field, `${what} ${JSON.stringify(value)} is below one minute: every ExternalSecret polls the backend that often (Vault logins and leases pile up)`,
      'use "1h" (ESO\'s default) or at least "1m"; use refreshPolicy: OnChange for on-demand syncs', { severity: Severity.WARNING }));
  }
}

/** P22: ES refreshInterval, CES refreshTime and syncWindows durations are Go durations. */
export const esRefreshIntervalRule: Rule = {
  id: 'ESO-ES-REFRESH-INTERVAL',
  severity: Severity.ERROR,
  description: 'refreshInterval / refreshTime / syncWindows durations must be Go duration strings (no d or w units)',
  example: 'refreshInterval: 1d',
  pitfalls: ['P22'],
  kinds: ['ExternalSecret', 'ClusterExternalSecret'],
  checkObject(m, ctx) {
    const es = esSpecIn(ctx.index, m);
    if (!es) return [];
    const out: Finding[] = [];
    check(es.spec.refreshInterval, `${es.prefix}.refreshInterval`, 'refreshInterval', out, true);
    arr(es.spec.syncWindows?.windows).forEach((w, i) => check(w?.duration, `${es.prefix}.syncWindows.windows[${i}].duration`, 'sync window duration', out, false));
    if (m.kind === 'ClusterExternalSecret') check(m.spec?.refreshTime, 'spec.refreshTime', 'refreshTime', out, true);
    return out;
  },
};
