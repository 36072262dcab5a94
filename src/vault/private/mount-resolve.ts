// Internal: the auth mount a config or role names (not re-exported from index.ts).
import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { IVaultAuthMount, VaultAuthMount } from '../auth-mount';
import type { VaultConfigTarget } from '../config-target';

/**
 * The mount a config or role names: the given one (its path must agree with `mountPath`), a new `Mount` child,
 * or none. A mount in the same chart is ordered before the object. Internal.
 */
export function resolveAuthMount(
  scope: Construct, target: VaultConfigTarget, mountPath: string | undefined, mount: IVaultAuthMount | undefined, create: boolean | undefined,
): IVaultAuthMount | undefined {
  const trimmed = mountPath?.replace(/^\/+|\/+$/g, '');
  if (mount && create) throw new Error(`${scope.node.path}: give either mount (an existing or separately made VaultAuthMount) or createMount: true, not both`);
  if (mount && (typeof mount.mountPath !== 'string' || !mount.node)) {
    throw new Error(`${scope.node.path}: mount must be a VaultAuthMount or VaultAuthMount.fromMountPath(scope, id, path)`);
  }
  if (mount && trimmed !== undefined && trimmed !== mount.mountPath) {
    throw new Error(`${scope.node.path}: mountPath "${trimmed}" and mount (auth/${mount.mountPath}) disagree; drop mountPath (the mount's path is used)`);
  }
  const m = create ? new VaultAuthMount(scope, 'Mount', { path: trimmed ?? 'kubernetes', target }) : mount;
  if (m instanceof VaultAuthMount && Chart.of(m) === Chart.of(scope)) scope.node.addDependency(m);
  return m;
}
