// Internal: what the mount constructs hand to the controllers (not re-exported from index.ts).
import { Names } from 'cdk8s';
import { Construct } from 'constructs';
import { checkObjectName } from './names';
import { TargetObject, emitTargetObject } from './target-object';
import { toGoDuration } from '../../model/go-duration';
import { PRUNE_ANNOTATION } from '../../model/vault/objects';
import { VaultMountTuneOptions } from '../mount-options';

/** Mount tuning, rendered (Go durations; undefined = not set). */
export interface MountTuneInput {
  readonly defaultLeaseTtl?: string;
  readonly maxLeaseTtl?: string;
  readonly auditNonHmacRequestKeys?: string[];
  readonly auditNonHmacResponseKeys?: string[];
  readonly listingVisibility?: string;
  readonly passthroughRequestHeaders?: string[];
  readonly allowedResponseHeaders?: string[];
}

/** A secrets-engine mount, as `VaultSecretsMount` hands it to the controller. */
export interface SecretsMountInput {
  readonly mountPath: string;
  readonly type: string;
  readonly options?: { [key: string]: string };
  readonly description?: string;
  readonly local?: boolean;
  readonly sealWrap?: boolean;
  readonly externalEntropyAccess?: boolean;
  readonly forceNoCache?: boolean;
  readonly tune: MountTuneInput;
}

/** An auth-method mount, as `VaultAuthMount` hands it to the controller. */
export interface AuthMountInput {
  readonly mountPath: string;
  readonly type: string;
  readonly description?: string;
  readonly local?: boolean;
  readonly sealWrap?: boolean;
  readonly tokenType?: string;
  readonly tuneDescription?: string;
  readonly tuneOptions?: { [key: string]: string };
  readonly disableRemount?: boolean;
  readonly identityTokenKey?: string;
  readonly tune: MountTuneInput;
}

/** A mount path without leading/trailing `/`; refuses an empty one and empty segments. */
export function normMountPath(where: string, p: unknown): string {
  const s = typeof p === 'string' ? p.replace(/^\/+|\/+$/g, '') : '';
  if (!s || s.split('/').some(seg => !seg || seg === '.' || seg === '..')) {
    throw new Error(`${where}: mount path ${JSON.stringify(p)} is not a Vault mount path; give one like "kv" or "team-a/kv" (no empty segments)`);
  }
  return s;
}

/** Whole seconds only: Vault's lease TTLs are seconds. */
function ttl(where: string, field: string, d: VaultMountTuneOptions['defaultLeaseTtl']): string | undefined {
  if (d === undefined) return undefined;
  if (d.toMilliseconds() % 1000 !== 0) throw new Error(`${where}: ${field} must be whole seconds (Vault lease TTLs are seconds), got ${d.toMilliseconds()}ms`);
  return toGoDuration(d);
}

export function mountTuneInput(where: string, o: VaultMountTuneOptions): MountTuneInput {
  return {
    defaultLeaseTtl: ttl(where, 'defaultLeaseTtl', o.defaultLeaseTtl),
    maxLeaseTtl: ttl(where, 'maxLeaseTtl', o.maxLeaseTtl),
    auditNonHmacRequestKeys: o.auditNonHmacRequestKeys,
    auditNonHmacResponseKeys: o.auditNonHmacResponseKeys,
    listingVisibility: o.listingVisibility,
    passthroughRequestHeaders: o.passthroughRequestHeaders,
    allowedResponseHeaders: o.allowedResponseHeaders,
  };
}

/**
 * Writes a mount construct's object: its name checked, and `kustomize.toolkit.fluxcd.io/prune: disabled` unless
 * `allowPrune` (deleting a mount object disables the mount and everything in it).
 */
export function emitMountObject(
  scope: Construct, props: { readonly objectName?: string; readonly allowPrune?: boolean }, rendered: TargetObject,
): void {
  checkObjectName(scope.node.path, props.objectName);
  emitTargetObject(scope, props.objectName ?? Names.toDnsLabel(scope), rendered, props.allowPrune ? undefined : { [PRUNE_ANNOTATION]: 'disabled' });
}
