import { kvKeyShape, kvStoreOf } from '../../../model/external-secrets';
import { psSpecOf, storeLabel, writesOf } from '../../../model/push-secrets';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * P02 on the push side: Vault/OpenBao remote keys are relative to the store's KV mount. ESO strips a
 * leading `<mount>/` (and `data/`) from the data path, but uses the key verbatim for the metadata path
 * it writes the `managed-by` marker to, so a prefixed key writes data and metadata to different secrets.
 */
export const pushVaultRemoteKeyRule: Rule = {
  id: 'ESO-PUSH-VAULT-REMOTE-KEY',
  severity: Severity.ERROR,
  description: 'PushSecret remote keys on Vault/OpenBao KV stores are mount-relative (no mount prefix, no data/, no leading /)',
  example: 'remoteKey: secret/data/databases/db-credentials   # store path: secret',
  pitfalls: ['P02'],
  kinds: ['PushSecret', 'ClusterPushSecret'],
  groups: ['external-secrets.io'],
  checkObject(m, ctx) {
    if (!psSpecOf(m)) return [];
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const w of writesOf(ctx.index, m)) {
      const kv = kvStoreOf(w.target.store);
      if (!kv || seen.has(w.field)) continue;
      const key = w.remoteKey;
      const shape = kvKeyShape(key, kv.mount);
      let problem: string | undefined;
      let severity: Severity | undefined;
      if (shape.repeatsMount) {
        problem = `repeats the mount "${kv.mount}" of ${storeLabel(w.target.kind, w.target.name)}: ESO writes the data to "${kv.mount}/${kv.version === 'v2' ? 'data/' : ''}${w.key}" `
          + `but the managed-by metadata to "${kv.mount}/metadata/${shape.trimmed}", so pushes and deletes act on different secrets`;
      } else if (kv.version === 'v2' && shape.trimmed.startsWith('data/')) {
        problem = `starts with "data/": on a KV v2 mount ESO adds "data/" itself, so this writes "${kv.mount ?? '<mount>'}/data/${shape.trimmed}"`;
      } else if (key.startsWith('/')) {
        problem = `starts with "/": ESO writes "${kv.mount ?? '<mount>'}/data//${shape.trimmed}" (Vault tolerates it, policies and other tools may not)`;
        severity = Severity.WARNING;
      }
      if (!problem) continue;
      seen.add(w.field);
      out.push(finding(w.field, `remoteKey "${key}" ${problem}`, `use the mount-relative key "${w.key.replace(/^\/+/, '')}"`, severity ? { severity } : {}));
    }
    return out;
  },
};
