import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { appWithStore, errors } from './fixtures';
import { VaultCapability } from '../../src';
import {
  TokenReviewer, VaultAuthMount, VaultConfigOperator, VaultConfigTarget, VaultKubernetesAuthConfig, VaultKubernetesAuthRole, VaultPolicy,
} from '../../src/vault';

const vaultSa = (c: Chart) => kplus.ServiceAccount.fromServiceAccountName(c, 'vault', 'vault', { namespaceName: 'vault' });

describe('typed fields of the vault-config-operator kinds', () => {
  test('connection.tLSConfig cacert and skipVerify reach Policy, KubernetesAuthEngineRole, KubernetesAuthEngineConfig (and the mounts); schema-valid', () => {
    const { app, admin, esoSa } = appWithStore();
    const target = VaultConfigOperator.authenticateAs('vault-admin', {
      namespace: 'vault-admin', address: 'https://vault.example.internal:8200', caCertFile: '/etc/vault-ca/ca.crt', tlsSkipVerify: false, tlsServerName: 'vault.example.internal',
    });
    const p = new VaultPolicy(admin, 'p', { policyName: 'eso', target }).addRule('kv/data/app/*', VaultCapability.READ);
    new VaultPolicy(admin, 'q', { policyName: 'q', target }).addRule('kv/data/q', VaultCapability.READ);
    new VaultKubernetesAuthRole(admin, 'r', { roleName: 'eso', serviceAccounts: [esoSa], policies: [p], audience: 'vault', target });
    new VaultKubernetesAuthConfig(admin, 'c', { tokenReviewer: TokenReviewer.vaultInCluster(vaultSa(admin)), target });
    new VaultAuthMount(admin, 'm', { path: 'k8s-other', target });
    const out = Testing.synth(admin).filter(m => m.apiVersion === 'redhatcop.redhat.io/v1alpha1');
    expect(out.map(m => m.kind)).toEqual(['Policy', 'Policy', 'KubernetesAuthEngineRole', 'KubernetesAuthEngineConfig', 'AuthEngineMount']);
    for (const m of out) {
      expect(m.spec.connection).toEqual({
        address: 'https://vault.example.internal:8200',
        tLSConfig: { cacert: '/etc/vault-ca/ca.crt', skipVerify: false, tlsServerName: 'vault.example.internal' },
      });
    }
    expect(errors(app).filter(e => !e.startsWith('ESO-VAULT-POLICY'))).toEqual([]);
  });

  test('bad input: TLS options without an address are refused (spec.connection.address is required)', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'vault-admin' });
    expect(() => new VaultPolicy(chart, 'p', { target: VaultConfigOperator.authenticateAs('a', { tlsSkipVerify: true }) }))
      .toThrow(/c\/p: vault-config-operator connection options need "address"/);
  });

  test('KubernetesAuthEngineConfig issuer, disableISSValidation, useOperatorPodCA; provider-vault issuer (no useOperatorPodCA)', () => {
    const { app, admin, esoSa } = appWithStore();
    new VaultKubernetesAuthConfig(admin, 'c', {
      tokenReviewer: TokenReviewer.clientJwt(esoSa), issuer: 'https://kubernetes.default.svc.cluster.local', disableIssValidation: false, useOperatorPodCa: false,
    });
    expect(Testing.synth(admin).find(m => m.kind === 'KubernetesAuthEngineConfig').spec).toMatchObject({
      issuer: 'https://kubernetes.default.svc.cluster.local', disableISSValidation: false, useOperatorPodCA: false, disableLocalCAJWT: true,
    });
    expect(errors(app)).toEqual([]);
    const xp = new Chart(Testing.app(), 'xp', { namespace: 'vault-admin' });
    const xpReviewer = TokenReviewer.vaultInCluster(vaultSa(xp));
    new VaultKubernetesAuthConfig(xp, 'c', { tokenReviewer: xpReviewer, issuer: 'iss', disableIssValidation: true, target: VaultConfigTarget.crossplane() });
    expect(Testing.synth(xp).find(m => m.kind === 'AuthBackendConfig').spec.forProvider).toMatchObject({ issuer: 'iss', disableIssValidation: true });
    expect(() => new VaultKubernetesAuthConfig(xp, 'd', { tokenReviewer: xpReviewer, useOperatorPodCa: true, target: VaultConfigTarget.crossplane() }))
      .toThrow(/xp\/d: useOperatorPodCa is a vault-config-operator field/);
  });

  test('KubernetesAuthEngineRole targetNamespaceSelector.matchExpressions (cdk8s-plus LabelExpression), with or without matchLabels; schema-valid', () => {
    const { app, admin } = appWithStore();
    new VaultKubernetesAuthRole(admin, 'r', {
      roleName: 'eso',
      boundServiceAccountNames: ['external-secrets'],
      namespaceSelectorLabels: { team: 'a' },
      namespaceSelectorExpressions: [kplus.LabelExpression.in('tier', ['prod', 'staging']), kplus.LabelExpression.exists('eso')],
      policies: [VaultPolicy.fromPolicyName(admin, 'p', 'eso')],
      audience: 'vault',
    });
    const role = Testing.synth(admin).find(m => m.kind === 'KubernetesAuthEngineRole');
    expect(role.spec.targetNamespaces).toEqual({
      targetNamespaceSelector: {
        matchLabels: { team: 'a' },
        matchExpressions: [{ key: 'tier', operator: 'In', values: ['prod', 'staging'] }, { key: 'eso', operator: 'Exists' }],
      },
    });
    expect(errors(app).filter(e => e.startsWith('ESO-SCHEMA') || e.startsWith('ESO-VAULT-ROLE-FIELDS'))).toEqual([]);
  });

  test('bad input: expressions with a namespace list (operator), or for provider-vault (Vault rejects them)', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'vault-admin' });
    const expr = [kplus.LabelExpression.exists('eso')];
    expect(() => new VaultKubernetesAuthRole(chart, 'a', { boundServiceAccountNames: ['x'], boundServiceAccountNamespaces: ['apps'], namespaceSelectorExpressions: expr }))
      .toThrow(/c\/a: vault-config-operator takes either a namespace list or a namespace selector/);
    expect(() => new VaultKubernetesAuthRole(chart, 'b', { boundServiceAccountNames: ['x'], namespaceSelectorExpressions: expr, target: VaultConfigTarget.crossplane() }))
      .toThrow(/c\/b: Vault's bound_service_account_namespace_selector rejects matchExpressions/);
  });
});
