import { vaultModel } from '../../../model/vault/objects';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * A store reads its KV mount as `provider.vault.version` says; when the app also declares that mount (a
 * SecretEngineMount), both must agree: a v1 mount read as v2 (or the reverse) fails every read and push.
 */
export const vaultKvMountVersionRule: Rule = {
  id: 'ESO-VAULT-KV-MOUNT-VERSION',
  severity: Severity.ERROR,
  description: "a store's KV version matches the KV version of the mount object the app declares at its path",
  example: 'store path: kv, version: v2; SecretEngineMount kv with type kv and no options.version (KV v1)',
  checkApp(ctx) {
    const model = vaultModel(ctx.index);
    const kv = model.mounts.filter(m => m.kind === 'secrets' && m.kvVersion !== undefined);
    if (!kv.length) return [];
    const out: Finding[] = [];
    for (const store of model.stores) {
      if (!store.mount) continue;
      const want = store.version === 'v1' ? '1' : '2';
      const mount = kv.find(m => m.mountPath === store.mount && m.kvVersion !== want);
      if (!mount || kv.some(m => m.mountPath === store.mount && m.kvVersion === want)) continue;
      out.push(finding(`${store.field}.version`,
        `store "${store.name}" reads KV mount "${store.mount}" as KV v${want}, but ${mount.manifest.kind} ${mount.manifest.metadata?.name ?? ''} mounts it as KV v${mount.kvVersion}: every read and push through the store fails`,
        `make them agree: VaultKv.v${mount.kvVersion}("${store.mount}") in the store, or VaultSecretsEngine.kvV${want}() in the mount (changing a mount's version migrates its data)`,
        { target: store.manifest }));
    }
    return out;
  },
};
