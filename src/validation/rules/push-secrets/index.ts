import { pushDataToCelRule } from './data-to-cel';
import { pushDataToStoreRule } from './data-to-store';
import { pushDeleteKvV2Rule } from './delete-kv-v2';
import { pushDuplicateRemoteKeyRule } from './duplicate-remote-key';
import { pushLoopRule } from './push-loop';
import { pushReadOnlyStoreRule } from './read-only-store';
import { pushStoreRefsRule } from './store-refs';
import { pushUnmanagedOverwriteRule } from './unmanaged-overwrite';
import { pushVaultPropertyRule } from './vault-property';
import { pushVaultRemoteKeyRule } from './vault-remote-key';
import { Rule } from '../../rule';

/** Rules for push-secrets: one file per rule, listed here. */
export const PUSH_SECRET_RULES: Rule[] = [
  pushStoreRefsRule,
  pushReadOnlyStoreRule,
  pushVaultRemoteKeyRule,
  pushVaultPropertyRule,
  pushDeleteKvV2Rule,
  pushDuplicateRemoteKeyRule,
  pushLoopRule,
  pushUnmanagedOverwriteRule,
  pushDataToCelRule,
  pushDataToStoreRule,
];
