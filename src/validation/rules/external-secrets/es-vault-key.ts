import { kvReads } from '../../../model/external-secret-kv-entries';
import { allEsSpecs, kvKeyShape } from '../../../model/external-secrets';
import { Severity } from '../../diagnostic';
import { Finding, Rule, RuleContext, finding } from '../../rule';

/**
 * P03: with the store's `path` set, Vault/OpenBao keys are relative to the mount. A key that repeats the
 * mount happens to read, but metadata, find and PushSecret use the doubled path; a `data/` prefix reads
 * `<mount>/data/data/...`.
 */
export const esVaultKeyRule: Rule = {
  id: 'ESO-ES-VAULT-KEY',
  severity: Severity.ERROR,
  description: 'Vault/OpenBao remote keys are relative to the store\'s KV mount (no mount prefix, no data/ or metadata/)',
  example: 'store path: secret\nremoteRef: {key: secret/data/app/db}',
  pitfalls: ['P03'],
  checkApp(ctx: RuleContext) {
    const out: Finding[] = [];
    for (const r of kvReads(ctx.index, allEsSpecs(ctx.index))) {
      const mount = r.store.mount;
      if (!mount) continue; // without a path the first segment is the mount (the stores/vault rules look at that)
      const keyField = r.via === 'data' ? 'remoteRef.key' : r.via === 'extract' ? 'extract.key' : 'find.path';
      const key = r.via === 'data' ? r.entry?.remoteRef?.key : r.via === 'extract' ? r.entry?.extract?.key : r.entry?.find?.path;
      if (typeof key !== 'string' || !key) continue;
      const field = `${r.field}.${keyField}`;
      const { trimmed, repeatsMount, firstSegment, relative: rel } = kvKeyShape(key, mount);
      const dataPrefix = r.store.version !== 'v1' && trimmed.includes('/') && (firstSegment === 'data' || firstSegment === 'metadata');
      if (repeatsMount || dataPrefix) {
        // a mount-prefixed key reads fine (ESO strips the prefix for data reads): it breaks only metadata reads
        // (metadataPolicy: Fetch) and find, so it is an error only where the entry uses one of those
        const metadataPolicy = r.via === 'data' ? r.entry?.remoteRef?.metadataPolicy : r.via === 'extract' ? r.entry?.extract?.metadataPolicy : undefined;
        const broken = dataPrefix || r.via === 'find' || metadataPolicy === 'Fetch';
        const why = repeatsMount
          ? `repeats the mount "${mount}" of store "${r.storeName}": ` + (broken
            ? `${r.via === 'find' ? 'find' : 'the metadata read (metadataPolicy: Fetch)'} uses "${mount}/metadata/${trimmed}", which does not exist`
            : `the data read works (ESO strips the prefix), but metadata reads, find and PushSecret would use "${mount}/metadata/${trimmed}"`)
          : `starts with "${firstSegment}/": ESO adds it itself, so this reads "${mount}/data/${trimmed}"`;
        out.push(finding(field, `${keyField} "${key}" ${why}`, rel ? `use "${rel}" (relative to the mount)` : 'name a secret under the mount, relative to it',
          { target: r.es.manifest, ...(broken ? {} : { severity: Severity.WARNING }) }));
      } else if (key.startsWith('/')) {
        out.push(finding(field, `${keyField} "${key}" starts with "/": ESO builds "${mount}/data//${trimmed}"`, `use "${trimmed}"`,
          { target: r.es.manifest, severity: Severity.WARNING }));
      }
    }
    return out;
  },
};
