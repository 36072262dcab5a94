import { role, run, store } from './helpers';
import { Severity } from '../../../../src/validation/diagnostic';
import { vaultRoleAudienceRule as rule } from '../../../../src/validation/rules/vault/vault-role-audience';

describe('ESO-VAULT-ROLE-AUDIENCE', () => {
  test('bad: the role audience is not among serviceAccountRef.audiences (P14)', () => {
    const d = run(rule, [store({ sa: { name: 'external-secrets', namespace: 'external-secrets', audiences: ['api'] } }), role()]);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ field: 'spec.provider.vault.auth.kubernetes.serviceAccountRef.audiences', severity: Severity.ERROR });
    expect(d[0].message).toContain('role "eso" expects audience "vault", but store "vault" requests [api]');
  });

  test('bad: the controller token cannot carry the audience', () => {
    const d = run(rule, [store({ sa: null }), role()]);
    expect(d[0].message).toContain('has no serviceAccountRef');
  });

  test('warning: role without audience', () => {
    const d = run(rule, [store(), role({ audience: null })]);
    expect(d.map(x => [x.severity, x.field])).toEqual([[Severity.WARNING, 'spec.audience']]);
    expect(d[0].fix).toContain('"vault"');
  });

  test('good: matching audience', () => {
    expect(run(rule, [store(), role()])).toEqual([]);
  });
});
