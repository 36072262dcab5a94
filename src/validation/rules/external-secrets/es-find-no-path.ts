import { kvReads } from '../../../model/external-secret-kv-entries';
import { Severity } from '../../diagnostic';
import { Finding, Rule, RuleContext, finding } from '../../rule';

/**
 * ESO's Vault client lists a KV v2 mount through `<store path>/metadata/<find.path>`; without a store
 * `path` it can only rewrite a find.path that already contains "data" (buildMetadataPath), and otherwise
 * fails every reconcile with "provided Path isn't a valid kv v2 path". ESO-VAULT-KV-PATH-MISSING warns
 * about the store; this is the error where the object cannot work at all.
 */
export const esFindNoPathRule: Rule = {
  id: 'ESO-ES-FIND-NO-PATH',
  severity: Severity.ERROR,
  description: 'dataFrom.find on a KV v2 Vault/OpenBao store without spec.provider.*.path fails every sync',
  example: 'store provider.vault: {server: ..., version: v2} (no path)\ndataFrom: [{find: {name: {regexp: ".*"}}}]',
  pitfalls: ['P04'],
  checkApp(ctx: RuleContext) {
    const out: Finding[] = [];
    for (const r of kvReads(ctx.index)) {
      if (r.via !== 'find' || r.store.version !== 'v2' || r.store.mount) continue;
      const findPath = r.entry?.find?.path;
      if (typeof findPath === 'string' && findPath.includes('data')) continue; // ESO rewrites data → metadata
      out.push(finding(`${r.field}.find`, `find on store "${r.storeName}", a KV v2 store without path: ESO lists "<path>/metadata/…" and fails every sync `
        + '("provided Path isn\'t a valid kv v2 path")', `set ${r.store.field}.path to the KV mount (e.g. "secret")`, { target: r.es.manifest }));
    }
    return out;
  },
};
