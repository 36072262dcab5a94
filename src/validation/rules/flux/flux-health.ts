import { fluxModel, ksLabel } from '../../../model/flux';
import { ESO_READY_KINDS } from '../../../model/flux-api';
import { parseApiVersion } from '../../../model/manifest';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * P45: ESO objects have no observedGeneration and only a Ready condition, so kstatus treats Ready=False as
 * InProgress (the Kustomization waits for its timeout without ESO's reason) and a status-less object as
 * healthy. `wait: true` alone therefore does not prove that stores work or secrets synced.
 */
export const fluxHealthRule: Rule = {
  id: 'ESO-FLUX-HEALTH',
  severity: Severity.WARNING,
  pitfalls: ['P45'],
  description: 'a Flux Kustomization that waits on ESO objects needs healthCheckExprs for them (Flux >= 2.5); healthChecks are ignored with wait: true; expressions without wait/healthChecks never run',
  example: 'wait: true on a layer with ExternalSecrets but no healthCheckExprs',
  checkApp(ctx) {
    const model = fluxModel(ctx);
    const out: Finding[] = [];
    for (const k of model.kustomizations) {
      const checks: any[] = Array.isArray(k.spec.healthChecks) ? k.spec.healthChecks : [];
      const exprs: any[] = Array.isArray(k.spec.healthCheckExprs) ? k.spec.healthCheckExprs : [];
      if (k.wait && checks.length) {
        out.push(finding('spec.healthChecks',
          `${ksLabel(k)} has wait: true, so Flux ignores its ${checks.length} healthChecks entr${checks.length === 1 ? 'y' : 'ies'}`,
          'remove healthChecks (wait already checks every applied object), or set wait: false',
          { target: k.manifest }));
      }
      if (!k.wait && !checks.length && exprs.length) {
        out.push(finding('spec.healthCheckExprs',
          `${ksLabel(k)} has healthCheckExprs but neither wait: true nor healthChecks, so the expressions are never evaluated`,
          'set wait: true (or list the objects in healthChecks)',
          { target: k.manifest }));
      }
      if (!k.wait && !checks.length) continue; // nothing is health-checked: no false sense of security
      const covered = (group: string, kind: string) => exprs.some(e => e && e.kind === kind && typeof e.apiVersion === 'string' && parseApiVersion(e.apiVersion).group === group);
      const checked = (m: any) => k.wait || checks.some(c => c && c.kind === m.kind && c.name === m.metadata?.name);
      const missing = new Set<string>();
      for (const m of model.members(k)) {
        const group = parseApiVersion(m.apiVersion).group;
        const ready = ESO_READY_KINDS.find(r => r.kind === m.kind && parseApiVersion(r.apiVersion).group === group);
        if (ready && checked(m) && !covered(group, m.kind!)) missing.add(m.kind!);
      }
      if (missing.size) {
        const kinds = [...missing].sort();
        out.push(finding('spec.healthCheckExprs',
          `${ksLabel(k)} health-checks ${kinds.join(', ')} objects without healthCheckExprs: Flux treats Ready=False as "InProgress" (it waits for the whole timeout, without ESO's reason) and an object with no status yet as healthy`,
          `add healthCheckExprs for ${kinds.join(', ')} with failed/current on the Ready condition (FluxHealthCheckExpr.externalSecrets(); Flux >= 2.5)`,
          { target: k.manifest }));
      }
    }
    return out;
  },
};
