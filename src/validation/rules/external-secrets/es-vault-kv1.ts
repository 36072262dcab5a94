import { kvReads } from '../../../model/external-secret-kv-entries';
import { allEsSpecs } from '../../../model/external-secrets';
import { Severity } from '../../diagnostic';
import { Finding, Rule, RuleContext, finding } from '../../rule';

/** P07: metadata reads and tag searches need KV v2; on a KV v1 store ESO fails the sync. */
export const esVaultKv1Rule: Rule = {
  id: 'ESO-ES-VAULT-KV1',
  severity: Severity.ERROR,
  description: 'metadataPolicy Fetch and find.tags need a KV v2 store (Vault/OpenBao version v1 fails them)',
  example: 'store version: v1\ndataFrom: [{find: {tags: {team: a}}}]',
  pitfalls: ['P07'],
  checkApp(ctx: RuleContext) {
    const out: Finding[] = [];
    for (const r of kvReads(ctx.index, allEsSpecs(ctx.index))) {
      if (r.store.version !== 'v1') continue;
      const fix = `set spec.provider.${r.store.providerKey}.version: v2 if the mount is KV v2, or read the data instead (drop the v2-only feature)`;
      const mp = r.via === 'data' ? r.entry?.remoteRef?.metadataPolicy : r.via === 'extract' ? r.entry?.extract?.metadataPolicy : undefined;
      if (mp === 'Fetch') {
        const sub = r.via === 'data' ? 'remoteRef' : 'extract';
        out.push(finding(`${r.field}.${sub}.metadataPolicy`, `metadataPolicy Fetch requires a KV v2 mount, but store "${r.storeName}" is KV v1 (ESO: "cannot perform metadata fetch operations with kv version v1")`,
          fix, { target: r.es.manifest }));
      }
      const tags = r.via === 'find' ? r.entry?.find?.tags : undefined;
      if (tags && typeof tags === 'object' && Object.keys(tags).length) {
        out.push(finding(`${r.field}.find.tags`, `find.tags requires a KV v2 mount (custom_metadata), but store "${r.storeName}" is KV v1 (ESO: "cannot perform find by tag operations with kv version v1")`,
          fix, { target: r.es.manifest }));
      }
    }
    return out;
  },
};
