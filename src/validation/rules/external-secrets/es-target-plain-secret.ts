import { targetWriters } from './es-target-owner';
import { producedKeys } from '../../../model/external-secrets';
import { Severity } from '../../diagnostic';
import { Finding, Rule, RuleContext, finding } from '../../rule';

/**
 * P25: a Secret that is both committed as a plain v1 Secret and written by an ExternalSecret: ESO adopts
 * it and GitOps reverts ESO's data. Merging into a declared Secret is the intended use of
 * creationPolicy Merge, so that is only refused when both sides set the same keys.
 */
export const esTargetPlainSecretRule: Rule = {
  id: 'ESO-ES-TARGET-PLAIN-SECRET',
  severity: Severity.ERROR,
  description: 'the target Secret of an ExternalSecret must not also be declared as a plain Secret in the app (Merge: no shared keys)',
  example: 'kind: Secret (name app) + ExternalSecret with target.name: app in the same namespace',
  pitfalls: ['P25'],
  checkApp(ctx: RuleContext) {
    const out: Finding[] = [];
    const writers = targetWriters(ctx);
    for (const s of ctx.index.ofKind('Secret', '')) {
      const key = `${s.metadata?.namespace ?? ''}/${s.metadata?.name ?? ''}`;
      for (const w of writers.get(key) ?? []) {
        const field = `${w.es.prefix}.target.name`;
        if (w.policy === 'Merge') {
          const declared = new Set([...Object.keys(s.data ?? {}), ...Object.keys(s.stringData ?? {})]);
          const shared = [...producedKeys(w.es).keys].filter(k => declared.has(k));
          if (shared.length) {
            out.push(finding(field, `${w.es.label} merges keys [${shared.join(', ')}] into Secret "${key}", which the app also declares with those keys: GitOps and ESO overwrite each other`,
              'drop those keys from the plain Secret', { target: w.es.manifest }));
          }
          continue;
        }
        out.push(finding(field,
          `Secret "${key}" is both declared as a plain Secret in the app and managed by ${w.es.label} (${w.policy}): ESO adopts it and GitOps reverts ESO's data, so the two controllers fight`,
          'remove the plain Secret (the ExternalSecret creates it), or change target.name', { target: w.es.manifest }));
      }
    }
    return out;
  },
};
