import { role, run, store } from './helpers';
import { Severity } from '../../../../src/validation/diagnostic';
import { vaultRoleMountRule as rule } from '../../../../src/validation/rules/vault/vault-role-mount';

describe('ESO-VAULT-ROLE-MOUNT', () => {
  test('bad: the role exists on another mount (P19)', () => {
    const d = run(rule, [store(), role({ mount: 'k8s-prod' })]);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ field: 'spec.provider.vault.auth.kubernetes.mountPath', severity: Severity.ERROR });
    expect(d[0].message).toContain('store "vault" logs in at auth/kubernetes with role "eso", but that role is defined on auth/k8s-prod');
  });

  test('warning: the store mount is not among the configured mounts', () => {
    const cfg = { apiVersion: 'redhatcop.redhat.io/v1alpha1', kind: 'KubernetesAuthEngineConfig', metadata: { name: 'k8s-prod', namespace: 'vault-admin' }, spec: { path: '', kubernetesHost: 'https://kubernetes.default.svc:443' } };
    const d = run(rule, [store({ role: 'other' }), cfg]);
    expect(d.map(x => x.severity)).toEqual([Severity.WARNING]);
  });

  test('good: same mount (slashes ignored); roles not in the app', () => {
    expect(run(rule, [store({ mountPath: 'kubernetes' }), role({ mount: '/kubernetes/' })])).toEqual([]);
    expect(run(rule, [store()])).toEqual([]);
  });
});
