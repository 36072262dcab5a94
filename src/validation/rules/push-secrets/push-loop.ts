import { allPushWrites, displayKey, esReadsByKey, propertiesOverlap, storeLabel } from '../../../model/push-secrets';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/** `refreshPolicy: CreatedOnce`, or `refreshInterval: 0` with the default (Periodic) policy. */
function readsOnce(spec: any): boolean {
  if (spec?.refreshPolicy === 'CreatedOnce') return true;
  return spec?.refreshPolicy === undefined && (spec?.refreshInterval === 0 || /^0+(\.0+)?(ns|us|µs|ms|s|m|h)?$/.test(String(spec?.refreshInterval ?? '-')));
}

/**
 * A PushSecret that pushes a Secret which an ExternalSecret materializes from the SAME store and key
 * is a loop: each controller overwrites the other's result. Pushing to a primary while ExternalSecrets
 * read the key from a replica (another store) is the intended multi-region design and is not flagged.
 */
export const pushLoopRule: Rule = {
  id: 'ESO-PUSH-LOOP',
  severity: Severity.ERROR,
  description: 'a PushSecret must not push a Secret back to the store and key an ExternalSecret materializes it from',
  example: 'ExternalSecret db (store vault, key app/db → Secret db) + PushSecret (Secret db → store vault, key app/db)',
  pitfalls: ['P08'],
  checkApp(ctx) {
    const out: Finding[] = [];
    const reads = esReadsByKey(ctx.index);
    const seen = new Set<string>();
    for (const w of allPushWrites(ctx.index)) {
      const source = w.ps.spec.selector?.secret?.name;
      if (typeof source !== 'string' || !source || w.ps.namespace === undefined) continue;
      for (const r of reads.get(w.key) ?? []) {
        if (!r.targetIsSecret || r.storeId !== w.target.id || r.targetName !== source || r.targetNamespace !== w.ps.namespace) continue;
        if (!propertiesOverlap(r.property, w.property)) continue;
        // an ExternalSecret that reads once (restore after a rebuild, then the PushSecret keeps the store current)
        // never overwrites the Secret again: no loop
        if (readsOnce(r.es.spec)) continue;
        const dedupe = `${w.entryField}|${w.target.id}|${r.es.manifest.metadata?.name}`;
        if (seen.has(dedupe)) continue;
        seen.add(dedupe);
        out.push(finding(w.field,
          `${w.ps.label} pushes Secret "${source}" to ${storeLabel(w.target.kind, w.target.name)} key "${displayKey(w.key, w.target.store)}"${w.property ? ` property "${w.property}"` : ''}, `
          + `but ${r.es.label} materializes Secret "${source}" from that same store and key (${r.field}): the two controllers overwrite each other in a loop`,
          'decide which side is the source of truth: drop the PushSecret (the value lives in the store), or make the ExternalSecret read from '
          + 'a replica/other store or write another Secret', { target: w.ps.manifest }));
      }
    }
    return out;
  },
};
