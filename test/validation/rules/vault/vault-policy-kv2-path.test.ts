import { hcl, policy, run, store } from './helpers';
import { vaultPolicyKv2PathRule as rule } from '../../../../src/validation/rules/vault/vault-policy-kv2-path';

describe('ESO-VAULT-POLICY-KV2-PATH', () => {
  test('bad: KV v2 mount path without data/ (P11), mount taken from the store', () => {
    const d = run(rule, [store(), policy('eso', hcl({ 'kv/external-secrets/*': ['read'] }))]);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-VAULT-POLICY-KV2-PATH', field: 'spec.policy' });
    expect(d[0].message).toContain('path "kv/external-secrets/*" is missing "data/" for KV v2 mount "kv"');
    expect(d[0].fix).toContain('"kv/data/external-secrets/*"');
  });

  test('good: data/, metadata/, wildcards after the mount, and KV v1 mounts', () => {
    expect(run(rule, [store(), policy('eso', hcl({ 'kv/data/a/*': ['read'], 'kv/metadata/a/*': ['list'], 'kv/+/a': ['read'], 'kv/*': ['read'] }))])).toEqual([]);
    expect(run(rule, [store({ version: 'v1' }), policy('eso', hcl({ 'kv/app/*': ['read'] }))])).toEqual([]);
  });

  test('good: multi-segment mounts match the longest mount first', () => {
    expect(run(rule, [store({ mount: 'kv/team-a' }), policy('eso', hcl({ 'kv/team-a/data/x': ['read'] }))])).toEqual([]);
    expect(run(rule, [store({ mount: 'kv/team-a' }), policy('eso', hcl({ 'kv/team-a/x': ['read'] }))])).toHaveLength(1);
  });
});
