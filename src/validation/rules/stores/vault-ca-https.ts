import { ESO_GROUPS, STORE_KINDS, serverScheme, vaultBlocks } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/** P21: a CA is only used for TLS: with an http:// server it is ignored and the connection is in clear. */
export const vaultCaHttpsRule: Rule = {
  id: 'ESO-VAULT-CA-HTTPS',
  severity: Severity.ERROR,
  description: 'caBundle/caProvider need an https:// server (they are ignored over plain http)',
  example: 'server: http://vault:8200, caBundle: LS0t...',
  pitfalls: ['P21'],
  kinds: STORE_KINDS,
  groups: ESO_GROUPS,
  checkObject(m) {
    return vaultBlocks(m).flatMap(b => {
      if (serverScheme(b.spec.server) !== 'http') return [];
      const which = b.spec.caBundle ? 'caBundle' : b.spec.caProvider ? 'caProvider' : undefined;
      if (!which) return [];
      return [finding(`${b.field}.${which}`, `${which} is set but server "${b.spec.server}" is plain http: the CA is never used and nothing is verified`,
        `use "${String(b.spec.server).replace(/^http:/i, 'https:')}" as server, or remove ${which}`)];
    });
  },
};
