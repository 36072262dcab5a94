import { ESO_GROUPS, STORE_KINDS, isObject, vaultBlocks } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/** Token auth keeps a long-lived Vault token in a cluster Secret that ESO never renews or revokes. */
export const vaultTokenAuthRule: Rule = {
  id: 'ESO-VAULT-TOKEN-AUTH',
  severity: Severity.WARNING,
  description: 'tokenSecretRef auth keeps a long-lived Vault token in the cluster',
  example: 'auth.tokenSecretRef: { name: vault-token, key: token }',
  kinds: STORE_KINDS,
  groups: ESO_GROUPS,
  checkObject(m) {
    return vaultBlocks(m).flatMap(b => {
      if (!isObject(b.spec.auth?.tokenSecretRef)) return [];
      return [finding(`${b.field}.auth.tokenSecretRef`, 'token auth keeps a long-lived Vault token in a Kubernetes Secret; ESO never renews or revokes it',
        b.key === 'vault'
          ? 'use Kubernetes auth (VaultAuth.kubernetes({ role, serviceAccount })) so ESO logs in with short-lived service-account tokens'
          : 'use appRole auth (OpenBaoAuth.appRole(...)), or the vault provider with Kubernetes auth')];
    });
  },
};
