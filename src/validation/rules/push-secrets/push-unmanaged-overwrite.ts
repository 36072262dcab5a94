import { kvStoreOf } from '../../../model/external-secrets';
import { allPushWrites, displayKey, esReadsByKey, isReadOnly, propertiesOverlap, storeLabel, storeTargets } from '../../../model/push-secrets';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * P08: ESO refuses to overwrite a Vault/OpenBao secret it did not create: before every write it reads
 * the secret's metadata and fails with "secret not managed by external-secrets" unless
 * `custom_metadata.managed-by` is `external-secrets`. When a PushSecret with `updatePolicy: Replace`
 * writes a key that the app also reads through ANOTHER (writable) store on the same mount, that secret
 * probably exists already and was made by someone else. Reads through read-only replicas, or through
 * stores the same PushSecret also writes to, are the push's own output and are not flagged.
 */
export const pushUnmanagedOverwriteRule: Rule = {
  id: 'ESO-PUSH-UNMANAGED-OVERWRITE',
  severity: Severity.WARNING,
  description: 'updatePolicy Replace on a Vault key the app also reads through another store: ESO refuses to overwrite Vault secrets it did not create',
  example: 'PushSecret → store vault-write, key app/db (Replace); ExternalSecret ← store vault-read, key app/db',
  pitfalls: ['P08'],
  checkApp(ctx) {
    const out: Finding[] = [];
    const reads = esReadsByKey(ctx.index);
    const done = new Set<string>();
    for (const w of allPushWrites(ctx.index)) {
      const policy = w.ps.spec.updatePolicy ?? 'Replace';
      if (policy !== 'Replace') continue;
      const kv = kvStoreOf(w.target.store);
      if (!kv) continue;
      const own = new Set(storeTargets(ctx.index, w.ps).map(t => t.id));
      for (const r of reads.get(w.key) ?? []) {
        if (own.has(r.storeId) || isReadOnly(r.store)) continue;
        const rkv = kvStoreOf(r.store);
        if (!rkv || rkv.mount !== kv.mount) continue;
        if (!propertiesOverlap(r.property, w.property)) continue;
        const dedupe = `${w.entryField}|${w.target.id}`;
        if (done.has(dedupe)) break;
        done.add(dedupe);
        const where = displayKey(w.key, w.target.store);
        out.push(finding(w.field,
          `${w.ps.label} replaces "${where}" in ${storeLabel(w.target.kind, w.target.name)}, and ${r.es.label} reads the same key through `
          + `${storeLabel(r.storeKind, r.storeName)} (${r.field}): if that secret already exists and was not created by ESO, ESO refuses to overwrite it `
          + '("secret not managed by external-secrets"; it needs custom_metadata managed-by=external-secrets)',
          `if ${r.storeName} is a read-only replica of ${w.target.name}, mark it read-only (store.markReadOnly()); if the secret exists already, adopt it once with `
          + `\`vault kv metadata put -custom-metadata=managed-by=external-secrets ${where}\`, or use updatePolicy: IfNotExists`,
          { target: w.ps.manifest }));
        break;
      }
    }
    return out;
  },
};
