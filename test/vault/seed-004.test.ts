import { manifests } from './fixtures';
import { buildApp } from '../../examples/seed-004-webgrip/app';
import { parseHcl } from '../../src/model/vault/hcl';
import { EsoValidation } from '../../src/synth/eso-validation';

/** The seed's hand-written policy (../shared/seeds/004, `vault policy write external-secrets`). */
const SEED_POLICY = `path "kv/data/external-secrets/*" {
  capabilities = ["read"]
}

path "kv/metadata/external-secrets/*" {
  capabilities = ["list", "read"]
}
`;
/** What the Backstage PushSecret needs (eso-api.md §9.2): create/read/update on data AND metadata of its key. */
const PUSH = 'webgrip/prod/clusters/soyo/apps/backstage/db';
const PUSH_RULES = [
  { path: `kv/data/${PUSH}`, capabilities: ['create', 'read', 'update'] },
  { path: `kv/metadata/${PUSH}`, capabilities: ['create', 'read', 'update'] },
];

const asMap = (rules: Array<{ path: string; capabilities: readonly string[] }>) =>
  Object.fromEntries(rules.map(r => [r.path, [...r.capabilities].sort()]));

describe('seed 004 (WebGrip): derived Vault policy, role and RBAC', () => {
  const app = buildApp();
  const all = manifests(app);

  test('the derived policy equals the seed\'s hand-written one plus exactly what the PushSecret needs', () => {
    const policy = all.find(m => m.kind === 'Policy' && m.apiVersion === 'redhatcop.redhat.io/v1alpha1');
    expect(policy.metadata).toEqual({ name: 'external-secrets', namespace: 'vault-admin' });
    const derived = parseHcl(policy.spec.policy);
    expect(derived.errors).toEqual([]);
    expect(asMap(derived.rules)).toEqual(asMap([...parseHcl(SEED_POLICY).rules, ...PUSH_RULES]));
  });

  test('role external-secrets on auth/kubernetes, bound to external-secrets/external-secrets, with the policy; auth-delegator for Vault', () => {
    const role = all.find(m => m.kind === 'KubernetesAuthEngineRole');
    expect(role.metadata).toEqual({ name: 'external-secrets', namespace: 'vault-admin' });
    expect(role.spec).toMatchObject({
      path: 'kubernetes',
      targetServiceAccounts: ['external-secrets'],
      targetNamespaces: { targetNamespaces: ['external-secrets'] },
      policies: ['external-secrets'],
      audience: 'vault',
      tokenTTL: 3600,
      authentication: { path: 'vault-config-operator', role: 'vault-admin', serviceAccount: { name: 'default' } },
      connection: { address: 'https://vault.vault.svc:8200' },
    });
    const crb = all.find(m => m.kind === 'ClusterRoleBinding');
    expect(crb).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'vault-kubernetes-auth' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'system:auth-delegator' },
      subjects: [{ apiGroup: '', kind: 'ServiceAccount', name: 'vault', namespace: 'vault' }],
    });
  });

  test('the seed\'s one-time setup as objects: KV v2 at kv, Kubernetes auth at kubernetes and its config; the operator logs in through its own bootstrap mount', () => {
    const kv = all.find(m => m.kind === 'SecretEngineMount');
    expect(kv.spec).toMatchObject({ type: 'kv', name: 'kv', options: { version: '2' } });
    const auth = all.find(m => m.kind === 'AuthEngineMount');
    expect(auth.spec).toMatchObject({ type: 'kubernetes', path: '', name: 'kubernetes' });
    for (const m of [kv, auth]) expect(m.metadata.annotations).toEqual({ 'kustomize.toolkit.fluxcd.io/prune': 'disabled' });
    const cfg = all.find(m => m.kind === 'KubernetesAuthEngineConfig');
    expect(cfg.spec).toMatchObject({ path: '', name: 'kubernetes', kubernetesHost: 'https://kubernetes.default.svc:443' });
    const redhat = all.filter(m => m.apiVersion === 'redhatcop.redhat.io/v1alpha1');
    expect(redhat.map(m => m.kind)).toEqual(['SecretEngineMount', 'AuthEngineMount', 'KubernetesAuthEngineConfig', 'Policy', 'KubernetesAuthEngineRole']);
    // the operator's own login mount is not in the app (ESO-VAULT-MOUNT-BOOTSTRAP)
    expect(new Set(redhat.map(m => m.spec.authentication.path))).toEqual(new Set(['vault-config-operator']));
    expect(all.filter(m => m.kind === 'ClusterRoleBinding')).toHaveLength(1);
  });

  test('the whole app validates (ESO-SCHEMA incl. the vault-config-operator CRDs, every rule) with no diagnostics from the vault rules', () => {
    const diags = EsoValidation.of(app).diagnostics();
    expect(diags.filter(d => d.severity === 'error')).toEqual([]);
    expect(diags.filter(d => d.ruleId.startsWith('ESO-VAULT-'))).toEqual([]);
  });

  test('the seed\'s hand-written policy (no push grants) fails synth with the coverage message', () => {
    const variant = buildApp(undefined, { handWrittenPolicy: true });
    const errs = EsoValidation.of(variant).diagnostics().filter(d => d.severity === 'error');
    expect(errs.map(d => [d.ruleId, d.object.kind, d.object.name, d.field])).toEqual([
      ['ESO-VAULT-POLICY-COVERAGE', 'PushSecret', 'backstage-db-credentials-to-vault', 'spec.data[0].match.remoteRef.remoteKey'],
      ['ESO-VAULT-POLICY-COVERAGE', 'PushSecret', 'backstage-db-credentials-to-vault', 'spec.data[0].match.remoteRef.remoteKey'],
      ['ESO-VAULT-POLICY-COVERAGE', 'PushSecret', 'backstage-db-credentials-to-vault', 'spec.data[1].match.remoteRef.remoteKey'],
      ['ESO-VAULT-POLICY-COVERAGE', 'PushSecret', 'backstage-db-credentials-to-vault', 'spec.data[1].match.remoteRef.remoteKey'],
    ]);
    expect(errs[0].message).toBe(`pushes to kv/data/${PUSH} (key "${PUSH}") through store "vault", but role "external-secrets" has no policy granting create, read, update on it`);
    expect(() => variant.synth()).toThrow(/ESO-VAULT-POLICY-COVERAGE[\s\S]*but role "external-secrets" has no policy granting create, read, update on it[\s\S]*nothing was written/);
  });
});
