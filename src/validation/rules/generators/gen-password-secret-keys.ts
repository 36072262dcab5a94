import { passwordSpecOf } from '../../../model/password';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * ESO checks `secretKeys` only at runtime (the CRD's item minLength marker is misspelled and never
 * reached the schema): every key must be non-empty and unique.
 */
export const passwordSecretKeysRule: Rule = {
  id: 'ESO-GEN-PASSWORD-SECRET-KEYS',
  severity: Severity.ERROR,
  description: 'Password secretKeys must be non-empty and unique (checked by ESO only at runtime)',
  example: 'secretKeys: [password, password]',
  pitfalls: ['P37'],
  kinds: ['Password', 'ClusterGenerator'],
  groups: ['generators.external-secrets.io'],
  checkObject(m) {
    const at = passwordSpecOf(m);
    if (!at || !Array.isArray(at.spec.secretKeys)) return [];
    const out: Finding[] = [];
    const seen = new Map<string, number>();
    at.spec.secretKeys.forEach((k: unknown, i: number) => {
      const field = `${at.prefix}.secretKeys[${i}]`;
      if (typeof k !== 'string' || k === '') {
        out.push(finding(field, `secretKeys[${i}] is empty: ESO fails with "secretKeys must be non-empty and unique"`, 'give every output key a name, e.g. password'));
        return;
      }
      if (seen.has(k)) {
        out.push(finding(field, `secretKeys[${i}] "${k}" repeats secretKeys[${seen.get(k)}]: ESO fails with "secretKeys must be non-empty and unique"`, `remove the duplicate "${k}"`));
      } else {
        seen.set(k, i);
      }
    });
    return out;
  },
};
