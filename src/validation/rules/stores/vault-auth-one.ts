import { ESO_GROUPS, STORE_KINDS, authMethods, vaultBlocks } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/** P18: exactly one Vault auth method (ESO silently uses the first it finds, in a fixed order). */
export const vaultAuthOneRule: Rule = {
  id: 'ESO-VAULT-AUTH-ONE',
  severity: Severity.ERROR,
  description: 'a Vault store must configure exactly one auth method',
  example: 'auth: { tokenSecretRef: {...}, kubernetes: {...} }',
  pitfalls: ['P18'],
  kinds: STORE_KINDS,
  groups: ESO_GROUPS,
  checkObject(m) {
    return vaultBlocks(m, ['vault']).flatMap(b => {
      const methods = authMethods(b);
      if (methods.length === 1) return [];
      if (methods.length === 0) {
        return [finding(`${b.field}.auth`, 'no Vault auth method is configured: ESO fails with "no valid auth method specified" (or silently uses a token from its own environment)',
          'configure one method, e.g. auth.kubernetes (VaultAuth.kubernetes({ role, serviceAccount }))')];
      }
      return [finding(`${b.field}.auth`, `${methods.length} auth methods are configured (${methods.join(', ')}): ESO silently uses only "${methods[0]}"`,
        `keep exactly one of ${methods.join(', ')}`)];
    });
  },
};
