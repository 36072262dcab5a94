import { kvStoreOf } from '../../../model/external-secrets';
import { ManifestIndex } from '../../../model/manifest-index';
import { PsSpec, psSpecOf, storeLabel, writesOf } from '../../../model/push-secrets';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * True when the app declares the source Secret and its value for `key` is a JSON object: ESO's Vault docs
 * push such a key without a property on purpose (the object becomes the whole Vault secret).
 */
function sourceHoldsJsonObject(index: ManifestIndex, ps: PsSpec, key: string): boolean {
  const name = ps.spec.selector?.secret?.name;
  if (!ps.namespace || typeof name !== 'string') return false;
  const secret = index.get('', 'Secret', ps.namespace, name);
  let raw: unknown = secret?.stringData?.[key];
  if (typeof raw !== 'string' && typeof secret?.data?.[key] === 'string') raw = Buffer.from(secret.data[key], 'base64').toString('utf8');
  if (typeof raw !== 'string') return false;
  try {
    const v = JSON.parse(raw);
    return !!v && typeof v === 'object' && !Array.isArray(v);
  } catch {
    return false;
  }
}

/**
 * P09: pushing one key to Vault/OpenBao without `remoteRef.property` makes the value the WHOLE secret,
 * which ESO must parse as a JSON object ("error unmarshalling vault secret: invalid JSON format" for a
 * plain password or PEM).
 */
export const pushVaultPropertyRule: Rule = {
  id: 'ESO-PUSH-VAULT-PROPERTY',
  severity: Severity.ERROR,
  description: 'pushing one key to Vault/OpenBao needs remoteRef.property (without it the value must be a JSON object)',
  example: 'data: [{match: {secretKey: password, remoteRef: {remoteKey: databases/db-credentials}}}]',
  pitfalls: ['P09'],
  kinds: ['PushSecret', 'ClusterPushSecret'],
  groups: ['external-secrets.io'],
  checkObject(m, ctx) {
    if (!psSpecOf(m)) return [];
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const w of writesOf(ctx.index, m)) {
      if (w.dataTo || w.secretKey === undefined || w.property !== undefined || seen.has(w.entryField)) continue;
      if (!kvStoreOf(w.target.store)) continue;
      if (sourceHoldsJsonObject(ctx.index, w.ps, w.secretKey)) continue;
      seen.add(w.entryField);
      out.push(finding(`${w.entryField}.match.remoteRef.property`,
        `key "${w.secretKey}" is pushed to ${storeLabel(w.target.kind, w.target.name)} without remoteRef.property: Vault stores a map, so ESO parses the value `
        + 'as a JSON object and fails with "invalid JSON format" unless the key holds one',
        `set remoteRef.property: "${w.secretKey}" (PushValue.property("${w.secretKey}", "${w.key}", "${w.secretKey}")); silence this rule only if the key holds a JSON object`));
    }
    return out;
  },
};
