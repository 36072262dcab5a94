import { checkString } from '../base/private/prop-checks';
import { VaultKvVersion } from '../refs/vault-provider-config';

/**
 * A KV secrets-engine mount: its path and its version, in one place.
 *
 * The store emits both `path` and an explicit `version`, so a v1 mount is never read as v2 by default
 * (ESO's default when `version` is omitted), and `path` is the mount only (ESO inserts `/data/` after it on v2):
 * keys stay relative to it.
 */
export class VaultKv {
  /** A KV v1 mount, e.g. `VaultKv.v1('secret')`. */
  public static v1(mountPath: string): VaultKv {
    checkString('VaultKv.v1', 'mountPath', mountPath, { required: true, fix: 'give the KV mount path, e.g. VaultKv.v1(\'secret\')' });
    return new VaultKv(mountPath, VaultKvVersion.V1);
  }

  /** A KV v2 mount, e.g. `VaultKv.v2('kv')` (ESO inserts `/data/` itself: do not add it). */
  public static v2(mountPath: string): VaultKv {
    checkString('VaultKv.v2', 'mountPath', mountPath, { required: true, fix: 'give the KV mount path, e.g. VaultKv.v2(\'kv\')' });
    return new VaultKv(mountPath, VaultKvVersion.V2);
  }

  /**
   * @param mountPath Mount path of the engine (`secret`, `kv/team-a`), without `/data` and without leading/trailing `/`.
   * @param version KV version of the mount.
   */
  private constructor(public readonly mountPath: string, public readonly version: VaultKvVersion) {}
}
