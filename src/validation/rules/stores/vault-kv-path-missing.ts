import { ESO_GROUPS, STORE_KINDS, vaultBlocks } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/** P04: without `path`, ESO takes the first key segment as the mount (breaks nested mounts, find, PushSecret on v1). */
export const vaultKvPathMissingRule: Rule = {
  id: 'ESO-VAULT-KV-PATH-MISSING',
  severity: Severity.WARNING,
  description: 'a Vault store without path makes ESO take the first segment of every key as the KV mount',
  example: 'provider.vault: { server: ..., version: v2 }',
  pitfalls: ['P04'],
  kinds: STORE_KINDS,
  groups: ESO_GROUPS,
  checkObject(m) {
    return vaultBlocks(m).flatMap(b => {
      if (typeof b.spec.path === 'string' && b.spec.path !== '') return [];
      return [finding(`${b.field}.path`, 'path is not set: ESO takes the first segment of every key as the mount and inserts "data/" after it (nested mounts, find and KV v1 pushes break)',
        'set path to the KV mount (VaultKv.v2(\'secret\')) and make every key relative to it')];
    });
  },
};
