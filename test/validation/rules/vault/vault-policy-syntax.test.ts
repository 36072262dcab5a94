import { hcl, policy, run } from './helpers';
import { Severity } from '../../../../src/validation/diagnostic';
import { vaultPolicySyntaxRule as rule } from '../../../../src/validation/rules/vault/vault-policy-syntax';

describe('ESO-VAULT-POLICY-SYNTAX', () => {
  test('bad: glob not last, partial "+" segment, "+*", unknown capability', () => {
    const d = run(rule, [policy('p', hcl({ 'kv/data/*/app': ['read'], 'kv/data/a+/x': ['read'], 'kv/data/+*': ['read'], 'kv/data/ok': ['read', 'write'] }))]);
    expect(d.map(x => [x.ruleId, x.field])).toEqual(Array(4).fill(['ESO-VAULT-POLICY-SYNTAX', 'spec.policy']));
    const text = d.map(x => x.message).join('\n');
    expect(text).toContain('path "kv/data/*/app": "*" is only allowed as the last character');
    expect(text).toContain('"+" must be a whole path segment (got "a+")');
    expect(text).toContain('"+*" is not allowed');
    expect(text).toContain('unknown capability "write"');
  });

  test('bad: unparseable text and unknown top-level keys', () => {
    expect(run(rule, [policy('p', 'path "kv/data/x" { capabilities = ["read"]')])[0].message).toContain('does not parse');
    expect(run(rule, [policy('p', 'paths "kv/data/x" { capabilities = ["read"] }')])[0].message).toContain('unknown top-level key "paths"');
  });

  test('warning: subscribe/recover need Vault 1.21; operator Policy without type acl', () => {
    const m = policy('p', hcl({ 'sys/events/subscribe/*': ['subscribe'] }));
    delete (m.spec as any).type;
    const d = run(rule, [m]);
    expect(d.map(x => [x.severity, x.field])).toEqual([[Severity.WARNING, 'spec.policy'], [Severity.WARNING, 'spec.type']]);
    expect(d[0].message).toContain('needs Vault >= 1.21');
  });

  test('good: valid HCL (comments, legacy policy, provider-vault) passes', () => {
    const text = '# eso\npath "kv/data/+/app/*" {\n  capabilities = ["read"] // reads\n}\n/* legacy */\npath "kv/metadata/*" { policy = "read" }\n';
    expect(run(rule, [policy('p', text)])).toEqual([]);
    const xp = {
      apiVersion: 'vault.vault.m.upbound.io/v1alpha1',
      kind: 'Policy',
      metadata: { name: 'p', namespace: 'x' },
      spec: { providerConfigRef: { kind: 'ClusterProviderConfig', name: 'default' }, forProvider: { name: 'p', policy: hcl({ 'kv/data/a': ['read'] }) } },
    };
    expect(run(rule, [xp])).toEqual([]);
  });
});
