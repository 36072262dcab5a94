import { ESO_GROUPS, STORE_KINDS, authMethods, isObject, vaultBlocks } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/** P19: auth mount paths are relative to `auth/` and have no slashes at either end. */
export const vaultAuthMountPathRule: Rule = {
  id: 'ESO-VAULT-AUTH-MOUNT-PATH',
  severity: Severity.ERROR,
  description: 'Vault auth mountPath/path must not start with "auth/" nor have a leading or trailing "/"',
  example: 'auth.kubernetes.mountPath: auth/kubernetes',
  pitfalls: ['P19'],
  kinds: STORE_KINDS,
  groups: ESO_GROUPS,
  checkObject(m) {
    const out: Finding[] = [];
    for (const b of vaultBlocks(m)) {
      for (const method of authMethods(b)) {
        const body = b.spec.auth[method];
        if (!isObject(body)) continue;
        const prop = method === 'kubernetes' ? 'mountPath' : 'path';
        const p = body[prop];
        if (typeof p !== 'string' || p === '') continue;
        const field = `${b.field}.auth.${method}.${prop}`;
        const clean = p.replace(/^\/+|\/+$/g, '').replace(/^auth\//, '');
        if (/^\/?auth\//.test(p)) {
          out.push(finding(field, `${prop} "${p}" starts with "auth/": ESO already logs in at "auth/<${prop}>/login", so this calls "auth/${p.replace(/^\//, '')}/login"`,
            `set ${prop}: "${clean}"`));
        } else if (p !== clean) {
          out.push(finding(field, `${prop} "${p}" has a leading or trailing "/"`, `set ${prop}: "${clean}"`));
        }
      }
    }
    return out;
  },
};
