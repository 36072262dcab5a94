import { ESO_GROUPS, STORE_KINDS, isObject, vaultBlocks } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/** CEL of the openBao provider: appRole sets exactly one of roleId / roleRef. */
export const openBaoAppRoleRoleIdRule: Rule = {
  id: 'ESO-OPENBAO-APPROLE-ROLE-ID',
  severity: Severity.ERROR,
  description: 'openBao appRole auth must set exactly one of roleId and roleRef (CRD CEL rule)',
  example: 'auth.appRole: { roleId: x, roleRef: {...}, secretRef: {...} }',
  kinds: STORE_KINDS,
  groups: ESO_GROUPS,
  checkObject(m) {
    return vaultBlocks(m, ['openBao']).flatMap(b => {
      const ar = b.spec.auth?.appRole;
      if (!isObject(ar)) return [];
      const hasId = ar.roleId !== undefined && ar.roleId !== null;
      const hasRef = ar.roleRef !== undefined && ar.roleRef !== null;
      if (hasId !== hasRef) return [];
      return [finding(`${b.field}.auth.appRole`, hasId
        ? 'appRole sets both roleId and roleRef: the API server rejects it (exactly one must be set)'
        : 'appRole sets neither roleId nor roleRef: the API server rejects it (exactly one must be set)',
      hasId ? 'remove roleId or roleRef' : 'set roleId, or roleRef pointing at a Secret key')];
    });
  },
};
