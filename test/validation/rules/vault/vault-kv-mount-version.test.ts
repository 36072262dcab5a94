import { run, store } from './helpers';
import { Manifest } from '../../../../src/model/manifest';
import { vaultKvMountVersionRule as rule } from '../../../../src/validation/rules/vault/vault-kv-mount-version';

function kvMount(options?: Record<string, string>, type = 'kv'): Manifest {
  return {
    apiVersion: 'redhatcop.redhat.io/v1alpha1',
    kind: 'SecretEngineMount',
    metadata: { name: 'kv-mount', namespace: 'vault-admin' },
    spec: { authentication: { path: 'vault-config-operator', role: 'vault-admin' }, type, name: 'kv', ...(options ? { options } : {}) },
  };
}

describe('ESO-VAULT-KV-MOUNT-VERSION', () => {
  test('bad: a v2 store on a mount declared without options.version (KV v1)', () => {
    const d = run(rule, [store(), kvMount()]);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ severity: 'error', field: 'spec.provider.vault.version', object: { kind: 'ClusterSecretStore', name: 'vault' } });
    expect(d[0].message).toBe('store "vault" reads KV mount "kv" as KV v2, but SecretEngineMount kv-mount mounts it as KV v1: every read and push through the store fails');
    expect(d[0].fix).toContain('VaultKv.v1("kv")');
  });

  test('bad: a v1 store on a KV v2 mount', () => {
    expect(run(rule, [store({ version: 'v1' }), kvMount({ version: '2' })]).map(x => x.message)).toEqual([expect.stringContaining('as KV v1, but SecretEngineMount kv-mount mounts it as KV v2')]);
  });

  test('good: versions agree; another path; a non-KV engine; no mount objects', () => {
    expect(run(rule, [store(), kvMount({ version: '2' })])).toEqual([]);
    expect(run(rule, [store({ mount: 'secret' }), kvMount()])).toEqual([]);
    expect(run(rule, [store(), kvMount(undefined, 'database')])).toEqual([]);
    expect(run(rule, [store()])).toEqual([]);
  });
});
