import { Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { appWithStore, errors } from './fixtures';
import {
  VaultAliasNameSource, VaultCapability, VaultConfigOperator, VaultConfigTarget, VaultKubernetesAuthRole, VaultPolicy,
  VaultTargetOptions, VaultTokenType,
} from '../../src/vault';

describe('VaultKubernetesAuthRole', () => {
  function everyField(target?: VaultConfigTarget) {
    const app = Testing.app();
    const chart = new Chart(app, 'admin', { namespace: 'vault-admin' });
    const sa = kplus.ServiceAccount.fromServiceAccountName(chart, 'sa', 'external-secrets', { namespaceName: 'external-secrets' });
    const role = new VaultKubernetesAuthRole(chart, 'role', {
      roleName: 'external-secrets',
      mountPath: '/kubernetes/',
      serviceAccounts: [sa],
      policies: [VaultPolicy.fromPolicyName(chart, 'p', 'eso-read')],
      audience: 'vault',
      aliasNameSource: VaultAliasNameSource.SERVICEACCOUNT_NAME,
      tokenTtl: Duration.minutes(15),
      tokenMaxTtl: Duration.hours(1),
      tokenExplicitMaxTtl: Duration.hours(2),
      tokenPeriod: Duration.minutes(30),
      tokenNumUses: 0,
      tokenBoundCidrs: ['10.0.0.0/8'],
      tokenNoDefaultPolicy: false,
      tokenType: VaultTokenType.SERVICE,
      target,
    });
    role.addPolicy(VaultPolicy.fromPolicyName(chart, 'q', 'extra'));
    role.addServiceAccount(kplus.ServiceAccount.fromServiceAccountName(chart, 'sa2', 'eso-push', { namespaceName: 'external-secrets' }));
    return { app, chart, role };
  }

  test('vault-config-operator KubernetesAuthEngineRole: every field, durations in seconds', () => {
    const { app, chart, role } = everyField(VaultConfigOperator.authenticateAs('vault-admin', { namespace: 'vault-admin' }));
    expect(role.mountPath).toBe('kubernetes');
    expect(role.policyNames).toEqual(['eso-read', 'extra']);
    const [m] = Testing.synth(chart);
    expect(m.spec).toMatchObject({ path: 'kubernetes', tokenTTL: 900, tokenMaxTTL: 3600, tokenExplicitMaxTTL: 7200, tokenPeriod: 1800, targetServiceAccounts: ['external-secrets', 'eso-push'], targetNamespaces: { targetNamespaces: ['external-secrets'] } });
    expect(Testing.synth(chart)).toMatchSnapshot();
    expect(errors(app)).toEqual([]);
  });

  test('Crossplane AuthBackendRole: every field', () => {
    const { app, chart } = everyField(VaultConfigTarget.crossplane());
    expect(Testing.synth(chart)).toMatchSnapshot();
    expect(errors(app)).toEqual([]);
  });

  test('namespace selector: reconcile-time targetNamespaceSelector (operator), login-time JSON string (Crossplane)', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'admin', { namespace: 'vault-admin' });
    new VaultKubernetesAuthRole(chart, 'op', { roleName: 'op', boundServiceAccountNames: ['vault-reader'], namespaceSelectorLabels: { tenant: 'true', a: 'b' }, policies: [VaultPolicy.fromPolicyName(chart, 'p', 'x')], audience: 'vault' });
    new VaultKubernetesAuthRole(chart, 'xp', { roleName: 'xp', boundServiceAccountNames: ['vault-reader'], boundServiceAccountNamespaces: ['ops'], namespaceSelectorLabels: { tenant: 'true' }, policies: [VaultPolicy.fromPolicyName(chart, 'q', 'x')], audience: 'vault', target: VaultConfigTarget.crossplane() });
    const [op, xp] = Testing.synth(chart);
    expect(op.spec.targetNamespaces).toEqual({ targetNamespaceSelector: { matchLabels: { a: 'b', tenant: 'true' } } });
    expect(xp.spec.forProvider.boundServiceAccountNamespaceSelector).toBe('{"matchLabels":{"tenant":"true"}}');
    expect(xp.spec.forProvider.boundServiceAccountNamespaces).toEqual(['ops']);
    expect(errors(app)).toEqual([]);
    expect(() => new VaultKubernetesAuthRole(chart, 'both', { boundServiceAccountNames: ['a'], boundServiceAccountNamespaces: ['x'], namespaceSelectorLabels: { a: 'b' } }))
      .toThrow(/either a namespace list or a namespace selector/);
  });

  test('field rules run at synth (batch token with a period)', () => {
    const { app, admin, esoSa } = appWithStore();
    new VaultKubernetesAuthRole(admin, 'r', { roleName: 'eso', serviceAccounts: [esoSa], policies: [VaultPolicy.fromPolicyName(admin, 'p', 'x')], audience: 'vault', tokenType: VaultTokenType.BATCH, tokenPeriod: Duration.minutes(5) });
    expect(errors(app)).toEqual([expect.stringContaining('ESO-VAULT-ROLE-FIELDS: role "eso" issues batch tokens with token_period 300s')]);
  });

  test('a role that does not bind the store\'s service account fails synth (P13)', () => {
    const { app, admin } = appWithStore();
    const other = kplus.ServiceAccount.fromServiceAccountName(admin, 'other', 'default', { namespaceName: 'external-secrets' });
    new VaultKubernetesAuthRole(admin, 'r', { roleName: 'eso', serviceAccounts: [other], policies: [VaultPolicy.fromPolicyName(admin, 'p', 'x')], audience: 'vault' });
    expect(errors(app)).toEqual([expect.stringContaining('ESO-VAULT-ROLE-BINDING: store "vault" logs in as service account "external-secrets/external-secrets"')]);
  });

  test('fromRoleName', () => {
    const c = new Chart(Testing.app(), 'c');
    const r = VaultKubernetesAuthRole.fromRoleName(c, 'r', 'eso', { mountPath: '/k8s/' });
    expect([r.roleName, r.mountPath]).toEqual(['eso', 'k8s']);
    const d = VaultKubernetesAuthRole.fromRoleName(c, 'd', 'eso');
    expect(d.mountPath).toBe('kubernetes');
  });
});

describe('VaultTargetOptions', () => {
  test('one target for the policy and the role', () => {
    const chart = new Chart(Testing.app(), 'admin', { namespace: 'vault-admin' });
    const where: VaultTargetOptions = { target: VaultConfigTarget.crossplane({ providerConfigName: 'vault' }) };
    const policy = new VaultPolicy(chart, 'p', { ...where, policyName: 'eso-read', rules: [{ path: 'kv/data/app/*', capabilities: [VaultCapability.READ] }] });
    const role = new VaultKubernetesAuthRole(chart, 'r', { ...where, roleName: 'eso', boundServiceAccountNames: ['eso'], boundServiceAccountNamespaces: ['eso'], policies: [policy] });
    expect(policy.target).toBe(where.target);
    expect(role.target).toBe(where.target);
    const out = Testing.synth(chart);
    expect(out.map(o => [o.apiVersion, o.kind, o.spec.providerConfigRef.name])).toEqual([
      ['vault.vault.m.upbound.io/v1alpha1', 'Policy', 'vault'],
      ['kubernetes.vault.m.upbound.io/v1alpha1', 'AuthBackendRole', 'vault'],
    ]);
  });
});
