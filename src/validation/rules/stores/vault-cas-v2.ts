import { ESO_GROUPS, STORE_KINDS, vaultBlocks } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/** V-9 / P07: check-and-set exists only on KV v2. */
export const vaultCheckAndSetRule: Rule = {
  id: 'ESO-VAULT-CAS-V2',
  severity: Severity.ERROR,
  description: 'checkAndSet.required needs a KV v2 store (version: v2)',
  example: 'version: v1, checkAndSet: { required: true }',
  pitfalls: ['P07'],
  kinds: STORE_KINDS,
  groups: ESO_GROUPS,
  checkObject(m) {
    return vaultBlocks(m, ['vault']).flatMap(b => {
      if (b.spec.checkAndSet?.required !== true || b.spec.version !== 'v1') return [];
      return [finding(`${b.field}.checkAndSet.required`, 'checkAndSet is required on a KV v1 store: KV v1 has no versions, ESO rejects it',
        'remove checkAndSet, or use a KV v2 mount (VaultKv.v2(...), version: v2)')];
    });
  },
};
