import { Duration } from 'cdk8s';
import { effectiveGeneratorKind, generatorRefsOf, isRandomKind } from '../../../model/generators';
import { parseGoDuration, toGoDuration } from '../../../model/go-duration';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

function describeInterval(raw: unknown, fallback: string): string {
  if (typeof raw !== 'string') return `${fallback} (the default)`;
  const ms = parseGoDuration(raw);
  return ms === undefined ? JSON.stringify(raw) : toGoDuration(Duration.millis(ms));
}

function hasStoreSources(spec: any): boolean {
  if (Array.isArray(spec?.data) && spec.data.length) return true;
  return Array.isArray(spec?.dataFrom) && spec.dataFrom.some((d: any) => d?.extract || d?.find);
}

/**
 * P39 (ESO #2377): an ExternalSecret fed by a Password/UUID/SSHKey generator regenerates the value on
 * every refresh. Without an explicit `refreshPolicy` and with the default 1h interval, the password
 * changes every hour (error); with an explicit non-zero interval the rotation is stated (warning). An explicit Periodic policy is a rotation on purpose, but not when the
 * same ExternalSecret also polls store values (each poll regenerates the password).
 * A PushSecret with a random generator source and no explicit refreshInterval rotates the remote value hourly.
 */
export const generatorRefreshRule: Rule = {
  id: 'ESO-GEN-REFRESH',
  severity: Severity.ERROR,
  description: 'ExternalSecrets fed by a Password/UUID/SSHKey generator need an explicit refreshPolicy (else the value regenerates every refreshInterval, 1h by default)',
  example: 'dataFrom: [{sourceRef: {generatorRef: {kind: Password, name: pw}}}]   # no refreshPolicy: new password every hour',
  pitfalls: ['P39'],
  kinds: ['ExternalSecret', 'ClusterExternalSecret', 'PushSecret', 'ClusterPushSecret'],
  groups: ['external-secrets.io'],
  checkObject(m, ctx) {
    const out: Finding[] = [];
    const uses = generatorRefsOf(m).filter(u => isRandomKind(effectiveGeneratorKind(ctx.index, u)));
    if (!uses.length) return out;
    const use = uses[0];
    const kind = effectiveGeneratorKind(ctx.index, use);
    if (use.push) {
      const spec = m.kind === 'PushSecret' ? m.spec : m.spec?.pushSecretSpec;
      const prefix = m.kind === 'PushSecret' ? 'spec' : 'spec.pushSecretSpec';
      if (spec?.refreshInterval === undefined) {
        out.push(finding(`${prefix}.refreshInterval`,
          `the ${kind} generator "${use.ref.name}" is pushed with the default refreshInterval 1h: a new value is generated and pushed every hour`,
          'set refreshInterval to the rotation period you want (e.g. 2160h for 90 days), or "0s" to push once', { severity: Severity.WARNING }));
      }
      return out;
    }
    const isCes = m.kind === 'ClusterExternalSecret';
    const spec = isCes ? m.spec?.externalSecretSpec : m.spec;
    const prefix = isCes ? 'spec.externalSecretSpec' : 'spec';
    const policy = spec?.refreshPolicy;
    const ms = typeof spec?.refreshInterval === 'string' ? parseGoDuration(spec.refreshInterval) : 3_600_000;
    const interval = describeInterval(spec?.refreshInterval, '1h');
    if (policy === undefined || policy === '') {
      if (ms === 0) return out; // generate once, said implicitly: ESO-ES-REFRESH-ZERO asks for CreatedOnce
      // An explicit interval states the rotation period (ESO's own generator docs use refreshInterval: 30m to
      // rotate): a warning. Relying on the default 1h is the accident of ESO #2377: an error.
      const explicit = typeof spec?.refreshInterval === 'string';
      out.push(finding(`${prefix}.refreshPolicy`,
        `${use.label} is fed by the ${kind} generator "${use.ref.name}" without a refreshPolicy: ESO regenerates the value every ${interval} (ESO #2377), `
        + 'so every consumer of the Secret gets a new password/UUID on each refresh',
        'set refreshPolicy: CreatedOnce to generate once (add target.immutable: true to freeze it), or refreshPolicy: Periodic with the rotation '
        + 'period as refreshInterval (e.g. 2160h for 90 days)', explicit ? { severity: Severity.WARNING } : {}));
      return out;
    }
    if (policy === 'Periodic' && ms !== 0 && hasStoreSources(spec)) {
      out.push(finding(`${prefix}.refreshPolicy`,
        `${use.label} mixes the ${kind} generator "${use.ref.name}" with store values under a Periodic refresh of ${interval}: `
        + 'every poll of the store also regenerates the value',
        'split it into two ExternalSecrets: one for the generated value (refreshPolicy: CreatedOnce or a long rotation period) and one polling the store'));
    }
    return out;
  },
};
