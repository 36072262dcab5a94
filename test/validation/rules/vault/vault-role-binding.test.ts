import { esKeys, role, run, store } from './helpers';
import { Severity } from '../../../../src/validation/diagnostic';
import { vaultRoleBindingRule as rule } from '../../../../src/validation/rules/vault/vault-role-binding';

describe('ESO-VAULT-ROLE-BINDING', () => {
  test('bad: the role binds another service account (P13)', () => {
    const d = run(rule, [store(), role({ sas: ['default'] })]);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-VAULT-ROLE-BINDING', field: 'spec.provider.vault.auth.kubernetes.serviceAccountRef' });
    expect(d[0].object).toMatchObject({ kind: 'ClusterSecretStore', name: 'vault' });
    expect(d[0].message).toContain('store "vault" logs in as service account "external-secrets/external-secrets", but Vault role "eso" binds names [default] in namespaces [external-secrets]');
    expect(d[0].message).toContain('service account name not authorized');
  });

  test('bad: a per-namespace SecretStore presents the SA of its own namespace', () => {
    const ss = store({ kind: 'SecretStore', namespace: 'team-a', sa: { name: 'vault-reader' } });
    const d = run(rule, [ss, role({ sas: ['vault-reader'], namespaces: ['team-b'] })]);
    expect(d[0].message).toContain('"team-a/vault-reader"');
    expect(d[0].message).toContain('namespace not authorized');
    expect(run(rule, [ss, role({ sas: ['vault-reader'], namespaces: ['team-*'] })])).toEqual([]);
  });

  test('bad: referent auth presents the SA of every consumer namespace', () => {
    const css = store({ sa: { name: 'vault-reader', audiences: ['vault'] } });
    const d = run(rule, [css, role({ sas: ['vault-reader'], namespaces: ['apps'] }), esKeys('a', ['x'], 'apps'), esKeys('b', ['y'], 'shop')]);
    expect(d.map(x => x.message)).toEqual([expect.stringContaining('"shop/vault-reader" (referent auth')]);
  });

  test('good: exact binding; namespace selector matched against Namespace labels', () => {
    expect(run(rule, [store(), role()])).toEqual([]);
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'external-secrets', labels: { eso: 'true' } } };
    expect(run(rule, [store(), role({ selector: { matchLabels: { eso: 'true' } } }), ns])).toEqual([]);
    const other = { ...ns, metadata: { name: 'external-secrets', labels: { eso: 'false' } } };
    expect(run(rule, [store(), role({ selector: { matchLabels: { eso: 'true' } } }), other])).toHaveLength(1);
  });

  test('warning: "*" bindings', () => {
    const d = run(rule, [store(), role({ sas: ['*'] })]);
    expect(d.map(x => [x.severity, x.field])).toEqual([[Severity.WARNING, 'spec.targetServiceAccounts']]);
  });
});
