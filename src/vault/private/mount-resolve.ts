// Internal: the auth mount a config or role names (not re-exported from index.ts).
import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { IVaultAuthMount, VaultAuthMount } from '../auth-mount';
import type { VaultConfigTarget } from '../config-target';
import type { VaultSecretsMount } from '../secrets-mount';

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
  const path = trimmed ?? 'kubernetes';
  const m = create ? reuseOrCreate(scope, VaultAuthMount, path, target, () => new VaultAuthMount(scope, 'Mount', { path, target })) : mount;
  if (m instanceof VaultAuthMount && Chart.of(m) === Chart.of(scope)) scope.node.addDependency(m);
  return m;
}

/** A mount construct of the app at `path` for the same Vault as `target` (two objects for one mount would fight), else a new one. */
export function reuseOrCreate<T extends VaultAuthMount | VaultSecretsMount>(
  scope: Construct, type: new (...a: any[]) => T, path: string, target: VaultConfigTarget, create: () => T,
): T {
  const found = scope.node.root.node.findAll().find((c): c is T => c instanceof type
    && (c as T).mountPath === path && (c as T).target._controller.destinationKey === target._controller.destinationKey);
  return found ?? create();
}
