import { ESO_GROUPS, STORE_KINDS, vaultBlocks } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/** P20: the Vault namespace goes in `namespace`, never spelled into `path`. */
export const vaultNamespacePathRule: Rule = {
  id: 'ESO-VAULT-NAMESPACE-PATH',
  severity: Severity.WARNING,
  description: 'the Vault (Enterprise/HCP) namespace must not be repeated at the start of path',
  example: 'namespace: team-a, path: team-a/secret',
  pitfalls: ['P20'],
  kinds: STORE_KINDS,
  groups: ESO_GROUPS,
  checkObject(m) {
    return vaultBlocks(m).flatMap(b => {
      const ns = typeof b.spec.namespace === 'string' ? b.spec.namespace.replace(/^\/+|\/+$/g, '') : '';
      const path = typeof b.spec.path === 'string' ? b.spec.path.replace(/^\/+/, '') : '';
      if (!ns || !path || !(path === ns || path.startsWith(`${ns}/`))) return [];
      const rest = path.slice(ns.length).replace(/^\/+/, '');
      return [finding(`${b.field}.path`, `path "${b.spec.path}" starts with the Vault namespace "${ns}": ESO already sends the namespace as X-Vault-Namespace, so it is applied twice`,
        `set path: "${rest || '<mount>'}" and keep namespace: "${ns}"`)];
    });
  },
};
