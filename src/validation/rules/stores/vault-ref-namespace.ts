import { ESO_GROUPS, providerRefs, vaultBlocks } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * V-1, V-3, V-5, V-6, V-7, V-8 (P17): on a namespaced SecretStore, every Secret / service-account
 * reference must have no namespace or the store's own (webhook: "namespace should either be empty or
 * match the namespace of the SecretStore").
 */
export const vaultRefNamespaceRule: Rule = {
  id: 'ESO-VAULT-REF-NAMESPACE',
  severity: Severity.ERROR,
  description: 'a SecretStore may only reference Secrets and service accounts of its own namespace',
  example: 'kind: SecretStore (ns apps), auth.tokenSecretRef.namespace: vault',
  pitfalls: ['P17'],
  kinds: ['SecretStore'],
  groups: ESO_GROUPS,
  checkObject(m) {
    const out: Finding[] = [];
    const ns = m.metadata?.namespace;
    for (const block of vaultBlocks(m)) {
      for (const r of providerRefs(block)) {
        const refNs = r.ref.namespace;
        if (refNs === undefined || refNs === null || refNs === '' || refNs === ns) continue;
        out.push(finding(`${block.field}.${r.path}.namespace`,
          `namespace "${refNs}" differs from the SecretStore's namespace ${ns ? `"${ns}"` : '(unset)'}: ESO rejects cross-namespace references from a namespaced SecretStore`,
          `remove the namespace (or set "${ns ?? '<store namespace>'}") and keep the ${r.kind === 'secret' ? 'Secret' : 'service account'} in the store's namespace, or use a ClusterSecretStore`));
      }
    }
    return out;
  },
};
