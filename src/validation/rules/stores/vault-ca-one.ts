import { ESO_GROUPS, STORE_KINDS, isObject, vaultBlocks } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/** P21: with both set, the Vault provider silently uses `caBundle` and ignores `caProvider`. */
export const vaultCaOneRule: Rule = {
  id: 'ESO-VAULT-CA-ONE',
  severity: Severity.WARNING,
  description: 'Vault caBundle and caProvider both set: caBundle wins and caProvider is ignored',
  example: 'caBundle: LS0t..., caProvider: { type: Secret, ... }',
  pitfalls: ['P21'],
  kinds: STORE_KINDS,
  groups: ESO_GROUPS,
  checkObject(m) {
    return vaultBlocks(m, ['vault']).flatMap(b => {
      if (!b.spec.caBundle || !isObject(b.spec.caProvider)) return [];
      return [finding(`${b.field}.caProvider`, 'both caBundle and caProvider are set: ESO uses caBundle and silently ignores caProvider',
        'keep only one of caBundle / caProvider')];
    });
  },
};
