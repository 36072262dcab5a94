import { isGoDuration } from '../../../model/go-duration';
import { parseApiVersion } from '../../../model/manifest';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';
import { durationFieldsOf, valuesAt } from '../../schema/durations';

/**
 * Duration fields with a dedicated rule that says more (minimum intervals, integer seconds): ESO-DURATION
 * leaves them to it. test/validation/rules/core/duration.test.ts proves each of them reports a bad value.
 */
export const DURATION_FIELDS_OF_OTHER_RULES: Record<string, string> = {
  'ExternalSecret spec.refreshInterval': 'ESO-ES-REFRESH-INTERVAL',
  'ExternalSecret spec.syncWindows.windows.*.duration': 'ESO-ES-REFRESH-INTERVAL',
  'ClusterExternalSecret spec.externalSecretSpec.refreshInterval': 'ESO-ES-REFRESH-INTERVAL',
  'ClusterExternalSecret spec.externalSecretSpec.syncWindows.windows.*.duration': 'ESO-ES-REFRESH-INTERVAL',
  'ClusterExternalSecret spec.refreshTime': 'ESO-ES-REFRESH-INTERVAL',
  'SecretStore spec.refreshInterval': 'ESO-STORE-REFRESH-INTERVAL',
  'ClusterSecretStore spec.refreshInterval': 'ESO-STORE-REFRESH-INTERVAL',
  'SecretStore spec.retrySettings.retryInterval': 'ESO-STORE-RETRY-INTERVAL',
  'ClusterSecretStore spec.retrySettings.retryInterval': 'ESO-STORE-RETRY-INTERVAL',
};

/**
 * Every field ESO's Go types decode as a duration (metav1.Duration → time.ParseDuration), taken from
 * those types by test/conformance/cmd/durations at gen:schemas time. The CRD says only `type: string`,
 * so the API server stores `1d`; the controller then fails to decode the object on every reconcile.
 */
export const durationRule: Rule = {
  id: 'ESO-DURATION',
  severity: Severity.ERROR,
  description: 'every field ESO decodes as a Go duration (PushSecret refreshInterval, webhook timeout, generator retryInterval, …) must parse with time.ParseDuration',
  example: 'PushSecret spec.refreshInterval: 1d',
  checkObject(m) {
    const { group, version } = parseApiVersion(m.apiVersion);
    if (!group || !m.kind) return [];
    const out: Finding[] = [];
    for (const f of durationFieldsOf(group, version, m.kind)) {
      if (DURATION_FIELDS_OF_OTHER_RULES[`${m.kind} ${f.path.join('.')}`]) continue;
      for (const [v, field] of valuesAt(m, f.path)) {
        if (typeof v === 'string' && isGoDuration(v)) continue;
        if (f.intOrString && Number.isInteger(v)) continue;
        out.push(finding(field, `${JSON.stringify(v)} is not a Go duration: the API server stores it, then ESO cannot decode the object `
          + '(time.ParseDuration: units ns, us, ms, s, m, h; no d or w)', 'write a Go duration such as "1h", "30m" or "2160h" (90 days)'));
      }
    }
    return out;
  },
};
