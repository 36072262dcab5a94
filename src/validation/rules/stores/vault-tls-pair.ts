import { ESO_GROUPS, STORE_KINDS, isObject, vaultBlocks } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/** V-8 / P21: client TLS certificate and key come together. */
export const vaultTlsPairRule: Rule = {
  id: 'ESO-VAULT-TLS-PAIR',
  severity: Severity.ERROR,
  description: 'Vault tls.certSecretRef and tls.keySecretRef must be set together',
  example: 'tls: { certSecretRef: {...} }',
  pitfalls: ['P21'],
  kinds: STORE_KINDS,
  groups: ESO_GROUPS,
  checkObject(m) {
    return vaultBlocks(m, ['vault']).flatMap(b => {
      const tls = b.spec.tls;
      if (!isObject(tls)) return [];
      const cert = isObject(tls.certSecretRef);
      const key = isObject(tls.keySecretRef);
      if (cert === key) return [];
      const missing = cert ? 'keySecretRef' : 'certSecretRef';
      return [finding(`${b.field}.tls.${missing}`, `client TLS has ${cert ? 'a certificate but no key' : 'a key but no certificate'}: ESO rejects a half-configured client TLS`,
        `set tls.${missing} too (e.g. key "${cert ? 'tls.key' : 'tls.crt'}" of the same TLS Secret), or remove tls`)];
    });
  },
};
