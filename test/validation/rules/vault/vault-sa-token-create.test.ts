import { run, store } from './helpers';
import { vaultServiceAccountTokenCreateRule as rule } from '../../../../src/validation/rules/vault/vault-sa-token-create';

const release = (values: Record<string, any>) => ({
  apiVersion: 'helm.toolkit.fluxcd.io/v2',
  kind: 'HelmRelease',
  metadata: { name: 'external-secrets', namespace: 'external-secrets' },
  spec: { interval: '1h', chart: { spec: { chart: 'external-secrets', sourceRef: { kind: 'HelmRepository', name: 'external-secrets' } } }, values },
});
const tokenRole = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'Role',
  metadata: { name: 'eso-token', namespace: 'team-a' },
  rules: [{ apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'], resourceNames: ['vault-reader'] }],
};
const binding = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'RoleBinding',
  metadata: { name: 'eso-token', namespace: 'team-a' },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'eso-token' },
  subjects: [{ kind: 'ServiceAccount', name: 'external-secrets', namespace: 'external-secrets' }],
};

describe('ESO-VAULT-SA-TOKEN-CREATE', () => {
  const ss = store({ kind: 'SecretStore', namespace: 'team-a', sa: { name: 'vault-reader', audiences: ['vault'] } });

  test('bad: serviceAccountTokenCreate false and no Role (P16)', () => {
    const d = run(rule, [release({ rbac: { serviceAccountTokenCreate: false } }), ss]);
    expect(d).toHaveLength(1);
    expect(d[0].field).toBe('spec.provider.vault.auth.kubernetes.serviceAccountRef');
    expect(d[0].message).toContain('uses serviceAccountRef "team-a/vault-reader", but the ESO release "external-secrets" sets rbac.serviceAccountTokenCreate: false');
  });

  test('good: chart default, an explicit Role, or no ESO release in the app', () => {
    expect(run(rule, [release({}), ss])).toEqual([]);
    expect(run(rule, [release({ rbac: { serviceAccountTokenCreate: false } }), ss, tokenRole, binding])).toEqual([]);
    expect(run(rule, [ss])).toEqual([]);
  });
});
