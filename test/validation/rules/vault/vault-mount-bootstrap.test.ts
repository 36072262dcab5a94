import { policy, role, run } from './helpers';
import { Manifest } from '../../../../src/model/manifest';
import { Severity } from '../../../../src/validation/diagnostic';
import { vaultMountBootstrapRule as rule } from '../../../../src/validation/rules/vault/vault-mount-bootstrap';

const auth = { path: 'kubernetes', role: 'vault-admin', serviceAccount: { name: 'default' } };

function authMount(path: string, name: string, login = auth): Manifest {
  return { apiVersion: 'redhatcop.redhat.io/v1alpha1', kind: 'AuthEngineMount', metadata: { name: 'mount', namespace: 'vault-admin' }, spec: { authentication: login, type: 'kubernetes', path, name } };
}

describe('ESO-VAULT-MOUNT-BOOTSTRAP', () => {
  test('bad: the app mounts auth/kubernetes, the mount the operator logs in through', () => {
    const d = run(rule, [authMount('', 'kubernetes'), policy('eso', ''), role()]);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ severity: Severity.ERROR, field: 'spec.path', object: { kind: 'AuthEngineMount', name: 'mount' } });
    expect(d[0].message).toContain('AuthEngineMount mounts auth/kubernetes, the mount vault-config-operator logs in through (spec.authentication.path of AuthEngineMount vault-admin/mount and 2 more)');
    expect(d[0].fix).toContain('authMountPath: "vault-config-operator"');
  });

  test('bad: a provider-vault Backend at the operator\'s login mount (nested path)', () => {
    const backend: Manifest = {
      apiVersion: 'auth.vault.m.upbound.io/v1alpha1',
      kind: 'Backend',
      metadata: { name: 'b', namespace: 'vault-admin' },
      spec: { forProvider: { type: 'kubernetes', path: 'clusters/prod' } },
    };
    const p = policy('eso', '');
    p.spec.authentication = { ...auth, path: '/clusters/prod/' };
    expect(run(rule, [backend, p]).map(x => x.field)).toEqual(['spec.forProvider.path']);
  });

  test('good: the operator logs in through its own bootstrap mount; the app mounts the one ESO uses', () => {
    const login = { ...auth, path: 'vault-config-operator' };
    const p = policy('eso', '');
    p.spec.authentication = login;
    expect(run(rule, [authMount('', 'kubernetes', login), p])).toEqual([]);
    expect(run(rule, [policy('eso', '')])).toEqual([]); // no mount objects at all
  });
});
