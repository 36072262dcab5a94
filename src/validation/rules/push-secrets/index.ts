import { pushDataToCelRule } from './push-datato-cel';
import { pushDataToStoreRule } from './push-datato-store';
import { pushDeleteKvV2Rule } from './push-delete-kv2';
import { pushDuplicateRemoteKeyRule } from './push-duplicate-remote-key';
import { pushLoopRule } from './push-loop';
import { pushReadOnlyStoreRule } from './push-read-only-store';
import { pushSourceKeyRule } from './push-source-key';
import { pushStoreRefsRule } from './push-store-refs';
import { pushUnmanagedOverwriteRule } from './push-unmanaged-overwrite';
import { pushVaultPropertyRule } from './push-vault-property';
import { pushVaultRemoteKeyRule } from './push-vault-remote-key';
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
  pushSourceKeyRule,
];
