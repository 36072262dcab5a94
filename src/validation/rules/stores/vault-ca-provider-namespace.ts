import { ESO_GROUPS, STORE_KINDS, isClusterStore, isObject, vaultBlocks } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/**
 * P21/P17: `caProvider.namespace` is required on a ClusterSecretStore ("missing namespace on caProvider
 * secret") and must be empty or the store's own on a SecretStore.
 */
export const vaultCaProviderNamespaceRule: Rule = {
  id: 'ESO-VAULT-CA-PROVIDER-NAMESPACE',
  severity: Severity.ERROR,
  description: 'caProvider.namespace is required on a ClusterSecretStore and must be the store\'s own on a SecretStore',
  example: 'kind: ClusterSecretStore, caProvider: { type: Secret, name: vault-ca, key: ca.crt }',
  pitfalls: ['P21', 'P17'],
  kinds: STORE_KINDS,
  groups: ESO_GROUPS,
  checkObject(m) {
    return vaultBlocks(m).flatMap(b => {
      const cp = b.spec.caProvider;
      if (!isObject(cp)) return [];
      const field = `${b.field}.caProvider.namespace`;
      if (isClusterStore(m)) {
        if (cp.namespace) return [];
        return [finding(field, `caProvider ${cp.type ?? ''} "${cp.name ?? '?'}" has no namespace: on a ClusterSecretStore ESO fails with "missing namespace on caProvider secret"`,
          'set caProvider.namespace to where the CA lives (CaProvider.fromSecret(secret, key, { namespace }))')];
      }
      const ns = m.metadata?.namespace;
      if (!cp.namespace || cp.namespace === ns) return [];
      return [finding(field, `caProvider namespace "${cp.namespace}" differs from the SecretStore's namespace ${ns ? `"${ns}"` : '(unset)'}`,
        'remove caProvider.namespace and keep the CA in the store\'s namespace, or use a ClusterSecretStore')];
    });
  },
};
