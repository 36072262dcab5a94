import { crb, run, store } from './helpers';
import { vaultTokenReviewerRule as rule } from '../../../../src/validation/rules/vault/vault-token-reviewer';

const cfg = (spec: Record<string, any>, annotations?: Record<string, string>) => ({
  apiVersion: 'redhatcop.redhat.io/v1alpha1',
  kind: 'KubernetesAuthEngineConfig',
  metadata: { name: 'k8s', namespace: 'vault-admin', ...(annotations ? { annotations } : {}) },
  spec: { path: '', name: 'kubernetes', kubernetesHost: 'https://kubernetes.default.svc:443', ...spec },
});

describe('ESO-VAULT-TOKEN-REVIEWER', () => {
  test('bad: dedicated reviewer without auth-delegator (P15)', () => {
    const d = run(rule, [cfg({ tokenReviewerServiceAccount: { name: 'vault-auth' }, disableLocalCAJWT: true })]);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-VAULT-TOKEN-REVIEWER', field: 'spec.tokenReviewerServiceAccount' });
    expect(d[0].message).toContain('Vault Kubernetes auth "kubernetes" validates tokens with service account "vault-admin/vault-auth" (the dedicated reviewer), which has no ClusterRoleBinding to system:auth-delegator');
  });

  test('bad: a RoleBinding does not work; client JWT reviewers are the store SAs', () => {
    const d = run(rule, [cfg({ disableLocalCAJWT: true }), store(), crb('rb', 'external-secrets', 'external-secrets', 'system:auth-delegator', 'RoleBinding')]);
    expect(d[0].message).toContain('"external-secrets/external-secrets" (client JWT of store "vault")');
    expect(d[0].message).toContain('a RoleBinding does not work');
  });

  test('good: bindings present; unknown in-cluster reviewer not judged', () => {
    expect(run(rule, [cfg({ tokenReviewerServiceAccount: { name: 'vault-auth' } }), crb('b', 'vault-auth', 'vault-admin')])).toEqual([]);
    expect(run(rule, [cfg({}, { 'vault.cdk8s-external-secrets.io/token-reviewer': 'vault/vault' }), crb('b', 'vault', 'vault')])).toEqual([]);
    expect(run(rule, [cfg({})])).toEqual([]);
  });

  test('bad: the annotated in-cluster Vault SA without binding', () => {
    expect(run(rule, [cfg({}, { 'vault.cdk8s-external-secrets.io/token-reviewer': 'vault/vault' })])[0].message).toContain("\"vault/vault\" (Vault's own pod service account)");
  });
});
