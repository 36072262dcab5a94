import { ESO_GROUPS, STORE_KINDS, isObject, vaultBlocks } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/** V-2: Vault AppRole auth needs `roleId` or `roleRef` (webhook: "neither `roleId` nor `roleRef` was supplied"). */
export const vaultAppRoleRoleIdRule: Rule = {
  id: 'ESO-VAULT-APPROLE-ROLE-ID',
  severity: Severity.ERROR,
  description: 'Vault appRole auth needs roleId or roleRef',
  example: 'auth.appRole: { path: approle, secretRef: {...} }',
  pitfalls: ['P18'],
  kinds: STORE_KINDS,
  groups: ESO_GROUPS,
  checkObject(m) {
    return vaultBlocks(m, ['vault']).flatMap(b => {
      const ar = b.spec.auth?.appRole;
      if (!isObject(ar) || ar.roleId || isObject(ar.roleRef)) return [];
      return [finding(`${b.field}.auth.appRole`, 'appRole auth has neither roleId nor roleRef: ESO rejects the store',
        'set auth.appRole.roleId (the role id is not secret) or auth.appRole.roleRef pointing at a Secret key')];
    });
  },
};
