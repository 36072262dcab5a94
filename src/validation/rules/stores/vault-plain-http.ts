import { ESO_GROUPS, STORE_KINDS, serverScheme, vaultBlocks } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/** Tokens and secrets travel in clear over `http://`. */
export const vaultPlainHttpRule: Rule = {
  id: 'ESO-VAULT-PLAIN-HTTP',
  severity: Severity.WARNING,
  description: 'a Vault server reached over http:// sends tokens and secret values unencrypted',
  example: 'server: http://vault.vault.svc:8200',
  kinds: STORE_KINDS,
  groups: ESO_GROUPS,
  checkObject(m) {
    return vaultBlocks(m).flatMap(b => {
      if (serverScheme(b.spec.server) !== 'http') return [];
      return [finding(`${b.field}.server`, `server "${b.spec.server}" uses plain http: login tokens and secret values cross the network unencrypted`,
        `serve Vault over TLS and use "${String(b.spec.server).replace(/^http:/i, 'https:')}" (with caBundle/caProvider for a private CA)`)];
    });
  },
};
