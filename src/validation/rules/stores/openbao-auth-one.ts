import { ESO_GROUPS, OPENBAO_AUTH_METHODS, STORE_KINDS, authMethods, isObject, vaultBlocks } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/** CEL of the openBao provider: exactly one of appRole / tokenSecretRef / userPass. */
export const openBaoAuthOneRule: Rule = {
  id: 'ESO-OPENBAO-AUTH-ONE',
  severity: Severity.ERROR,
  description: 'openBao provider auth must set exactly one of appRole, tokenSecretRef, userPass (CRD CEL rule)',
  example: 'provider.openBao.auth: { appRole: {...}, userPass: {...} }',
  pitfalls: ['P18'],
  kinds: STORE_KINDS,
  groups: ESO_GROUPS,
  checkObject(m) {
    return vaultBlocks(m, ['openBao']).flatMap(b => {
      const field = `${b.field}.auth`;
      if (!isObject(b.spec.auth)) {
        return [finding(field, 'no auth is configured for the openBao provider: ESO cannot log in',
          `set exactly one of auth.${OPENBAO_AUTH_METHODS.join(', auth.')} (e.g. OpenBaoAuth.appRole(...))`)];
      }
      const methods = authMethods(b);
      const unknown = Object.keys(b.spec.auth).filter(k => k !== 'namespace' && !OPENBAO_AUTH_METHODS.includes(k));
      if (methods.length === 1) return [];
      if (methods.length === 0) {
        return [finding(field, `no supported auth method is set${unknown.length ? ` (${unknown.join(', ')} is not an openBao auth method)` : ''}: the API server rejects it (exactly one of appRole, tokenSecretRef, userPass)`,
          unknown.includes('kubernetes')
            ? 'the openBao provider has no Kubernetes auth: use SecretStoreProvider.vault(...) against OpenBao for Kubernetes auth, or appRole here'
            : 'set exactly one of auth.appRole, auth.tokenSecretRef, auth.userPass')];
      }
      return [finding(field, `${methods.length} auth methods are set (${methods.join(', ')}): the API server rejects it (exactly one must be set)`,
        `keep exactly one of ${methods.join(', ')}`)];
    });
  },
};
