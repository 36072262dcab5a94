import { isReadOnly, psSpecOf, storeLabel, storeTargets } from '../../../model/push-secrets';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * Replicas (e.g. OpenBao/Vault performance standbys) refuse writes. A store marked read-only
 * (`store.markReadOnly()`, annotation `cdk8s-external-secrets.io/read-only: "true"`) must not be a
 * PushSecret target; reading from it stays fine.
 */
export const pushReadOnlyStoreRule: Rule = {
  id: 'ESO-PUSH-READ-ONLY-STORE',
  severity: Severity.ERROR,
  description: 'a PushSecret must not write to a store marked read-only (a replica): push to the primary',
  example: 'secretStoreRefs: [{name: vault-region1, kind: ClusterSecretStore}]   # annotated cdk8s-external-secrets.io/read-only: "true"',
  kinds: ['PushSecret', 'ClusterPushSecret'],
  groups: ['external-secrets.io'],
  checkObject(m, ctx) {
    const ps = psSpecOf(m);
    if (!ps) return [];
    const out: Finding[] = [];
    for (const t of storeTargets(ctx.index, ps)) {
      if (!isReadOnly(t.store)) continue;
      out.push(finding(t.field,
        `${ps.label} pushes to ${storeLabel(t.kind, t.name)}${t.viaSelector ? ' (selected by label)' : ''}, which is marked read-only (a replica): `
        + 'replicas refuse writes, so every push fails',
        `push to the primary store instead (writes replicate to ${t.name}), ${t.viaSelector ? 'narrow the label selector, ' : ''}`
        + 'or remove the read-only mark if the store is writable'));
    }
    return out;
  },
};
