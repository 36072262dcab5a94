import { hcl, policy, role, run, store } from './helpers';
import { Severity } from '../../../../src/validation/diagnostic';
import { vaultRoleDefaultPolicyRule as rule } from '../../../../src/validation/rules/vault/vault-role-default-policy';

describe('ESO-VAULT-ROLE-DEFAULT-POLICY', () => {
  test('bad: token_no_default_policy without lookup-self (P12)', () => {
    const d = run(rule, [store(), role({ extra: { tokenNoDefaultPolicy: true } }), policy('eso', hcl({ 'kv/data/*': ['read'] }))]);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ field: 'spec.tokenNoDefaultPolicy', severity: Severity.ERROR });
    expect(d[0].message).toContain('role "eso" (used by store "vault") sets token_no_default_policy');
    expect(d[0].message).toContain('auth/token/lookup-self');
  });

  test('warning: lookup-self but no revoke-self', () => {
    const d = run(rule, [store(), role({ extra: { tokenNoDefaultPolicy: true } }), policy('eso', hcl({ 'auth/token/lookup-self': ['read'] }))]);
    expect(d.map(x => x.severity)).toEqual([Severity.WARNING]);
  });

  test('good: both grants, or the default policy kept', () => {
    const both = hcl({ 'auth/token/lookup-self': ['read'], 'auth/token/revoke-self': ['update'] });
    expect(run(rule, [store(), role({ extra: { tokenNoDefaultPolicy: true } }), policy('eso', both)])).toEqual([]);
    expect(run(rule, [store(), role(), policy('eso', hcl({}))])).toEqual([]);
  });
});
