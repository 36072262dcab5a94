import { ESO_GROUPS, STORE_KINDS, vaultBlocks } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/** P19: `server` is `scheme://host[:port]` with no path (`/v1` is added by the client). */
export const vaultServerUrlRule: Rule = {
  id: 'ESO-VAULT-SERVER-URL',
  severity: Severity.ERROR,
  description: 'Vault server must be an http(s) URL with host and optional port, without a path such as /v1',
  example: 'server: https://vault.example.com:8200/v1',
  pitfalls: ['P19'],
  kinds: STORE_KINDS,
  groups: ESO_GROUPS,
  checkObject(m) {
    return vaultBlocks(m).flatMap(b => {
      const server = b.spec.server;
      if (typeof server !== 'string' || server === '') return []; // ESO-SCHEMA reports a missing server
      const field = `${b.field}.server`;
      const mm = /^(https?):\/\/([^/?#\s]+)(\/[^?#]*)?([?#].*)?$/i.exec(server.trim());
      if (!mm) {
        return [finding(field, `server "${server}" is not an http(s) URL with a host`, 'write it as "https://<host>:<port>", e.g. "https://vault.example.internal:8200"')];
      }
      const path = mm[3] ?? '';
      if ((path && path !== '/') || mm[4]) {
        return [finding(field, `server "${server}" has a path or query ("${path}${mm[4] ?? ''}"): the Vault client appends "/v1/..." itself, so requests go to the wrong URL`,
          `set server: "${mm[1].toLowerCase()}://${mm[2]}"`)];
      }
      return [];
    });
  },
};
