import { kvStoreOf } from '../../../model/external-secrets';
import { displayKey, psSpecOf, storeLabel, writesOf } from '../../../model/push-secrets';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * P10: with `deletionPolicy: Delete`, deleting the PushSecret (or one of its entries, or the source
 * Secret) deletes the KV v2 metadata of the remote secret, i.e. ALL its versions, not just the latest.
 */
export const pushDeleteKvV2Rule: Rule = {
  id: 'ESO-PUSH-DELETE-KV2',
  severity: Severity.WARNING,
  description: 'deletionPolicy Delete on a Vault/OpenBao KV v2 store destroys every version of the remote secret',
  example: 'deletionPolicy: Delete   # store: vault KV v2',
  pitfalls: ['P10'],
  kinds: ['PushSecret', 'ClusterPushSecret'],
  groups: ['external-secrets.io'],
  checkObject(m, ctx) {
    const ps = psSpecOf(m);
    if (!ps || ps.spec.deletionPolicy !== 'Delete') return [];
    const out: Finding[] = [];
    const keys = new Map<string, string[]>();
    for (const w of writesOf(ctx.index, m)) {
      const kv = kvStoreOf(w.target.store);
      if (!kv || kv.version !== 'v2') continue;
      const label = storeLabel(w.target.kind, w.target.name);
      const list = keys.get(label) ?? keys.set(label, []).get(label)!;
      const k = `"${displayKey(w.key, w.target.store)}"${w.property ? ` (property ${w.property})` : ''}`;
      if (!list.includes(k)) list.push(k);
    }
    for (const [store, list] of keys) {
      out.push(finding(`${ps.prefix}.deletionPolicy`,
        `${ps.label} has deletionPolicy Delete: deleting it (or an entry, or the source Secret) destroys all versions and the metadata of ${list.join(', ')} in ${store} (KV v2)`,
        'keep deletionPolicy: None (the default) unless the remote secrets must go with the PushSecret; back them up or rely on Vault snapshots before deleting'));
    }
    return out;
  },
};
