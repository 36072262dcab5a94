import { ESO_GROUPS, STORE_KINDS, vaultBlocks } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/** P01: an omitted `version` silently means v2; a v1 mount then answers "Secret does not exist". */
export const vaultKvVersionRule: Rule = {
  id: 'ESO-VAULT-KV-VERSION',
  severity: Severity.WARNING,
  description: 'Vault stores should state the KV version explicitly (it defaults to v2)',
  example: 'provider.vault: { path: secret } (no version)',
  pitfalls: ['P01'],
  kinds: STORE_KINDS,
  groups: ESO_GROUPS,
  checkObject(m) {
    return vaultBlocks(m).flatMap(b => {
      if (b.spec.version !== undefined && b.spec.version !== null && b.spec.version !== '') return [];
      return [finding(`${b.field}.version`, 'version is not set, so ESO assumes KV v2: on a KV v1 mount every read fails with "Secret does not exist"',
        'set version: "v2" or "v1" to match the mount (VaultKv.v2(...) / VaultKv.v1(...))')];
    });
  },
};
