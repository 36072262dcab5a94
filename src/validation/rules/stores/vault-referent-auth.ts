import { ESO_GROUPS, providerRefs, vaultBlocks } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * P17/P13: a ClusterSecretStore reference without a namespace is resolved in the namespace of each
 * ExternalSecret ("referent auth"), which is rarely intended: `secrets "vault-token" not found` everywhere.
 */
export const vaultReferentAuthRule: Rule = {
  id: 'ESO-VAULT-REFERENT-AUTH',
  severity: Severity.WARNING,
  description: 'a ClusterSecretStore credential reference without namespace is looked up in every consumer\'s namespace (referent auth)',
  example: 'kind: ClusterSecretStore, auth.tokenSecretRef: { name: vault-token, key: token }',
  pitfalls: ['P17', 'P13'],
  kinds: ['ClusterSecretStore'],
  groups: ESO_GROUPS,
  checkObject(m) {
    const out: Finding[] = [];
    for (const block of vaultBlocks(m)) {
      for (const r of providerRefs(block)) {
        if (r.ref.namespace) continue;
        const what = r.kind === 'secret' ? `Secret "${r.ref.name ?? '?'}"` : `service account "${r.ref.name ?? '?'}"`;
        out.push(finding(`${block.field}.${r.path}`,
          `${what} has no namespace, so ESO looks it up in the namespace of every ExternalSecret/PushSecret using this ClusterSecretStore (referent auth)`,
          `set ${r.path}.namespace to where the ${r.kind === 'secret' ? 'Secret' : 'service account'} lives (e.g. "external-secrets"), or silence this rule if every consumer namespace really has its own`));
      }
    }
    return out;
  },
};
