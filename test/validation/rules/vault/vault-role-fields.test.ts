import { role, run, xpRole } from './helpers';
import { Severity } from '../../../../src/validation/diagnostic';
import { vaultRoleFieldsRule as rule } from '../../../../src/validation/rules/vault/vault-role-fields';

describe('ESO-VAULT-ROLE-FIELDS', () => {
  test('bad: token type, ttl order, batch restrictions', () => {
    expect(run(rule, [role({ extra: { tokenType: 'default-service' } })])[0].message).toContain('accept only service, batch or default');
    const ttl = run(rule, [role({ extra: { tokenTTL: 7200, tokenMaxTTL: 3600 } })]);
    expect(ttl.map(x => [x.field, x.message])).toEqual([['spec.tokenTTL', expect.stringContaining('token_ttl 7200s greater than token_max_ttl 3600s')]]);
    const batch = run(rule, [role({ extra: { tokenType: 'batch', tokenPeriod: 60, tokenNumUses: 3 } })]);
    expect(batch.map(x => x.field)).toEqual(['spec.tokenNumUses', 'spec.tokenPeriod']);
  });

  test('bad: "*" mixed with names; no namespaces', () => {
    expect(run(rule, [role({ sas: ['*', 'eso'] })])[0].message).toContain('mixes "*"');
    expect(run(rule, [role({ namespaces: [] })])[0].message).toContain('binds no namespace and no namespace selector');
  });

  test('bad: provider-vault selector must be a JSON object without matchExpressions', () => {
    expect(run(rule, [xpRole({ boundServiceAccountNamespaceSelector: 'team=a' })])[0].message).toContain('not a JSON LabelSelector');
    expect(run(rule, [xpRole({ boundServiceAccountNamespaceSelector: '{"matchExpressions":[{"key":"a","operator":"Exists"}]}' })])[0].message).toContain('rejects matchExpressions');
  });

  test('warning: mixed-case role name, middle glob', () => {
    const d = run(rule, [xpRole({ roleName: 'ESO', boundServiceAccountNames: ['eso*x'] })]);
    expect(d.map(x => [x.severity, x.field])).toEqual([
      [Severity.WARNING, 'spec.forProvider.boundServiceAccountNames'],
      [Severity.WARNING, 'spec.forProvider.roleName'],
    ]);
  });

  test('good: a complete role of either target', () => {
    expect(run(rule, [role({ extra: { tokenTTL: 900, tokenMaxTTL: 3600 } })])).toEqual([]);
    expect(run(rule, [xpRole({ boundServiceAccountNamespaceSelector: '{"matchLabels":{"eso":"true"}}' })])).toEqual([]);
  });

  test('role names: mixed case reads back lower-cased (warning); "_" is a Vault name (spec.name) and fine', () => {
    const upper = run(rule, [role({ extra: { name: 'ESO_Reader' } })]);
    expect(upper.map(x => [x.severity, x.field, x.message])).toEqual([[Severity.WARNING, 'spec.name', 'role name "ESO_Reader" is not lower-case; Vault stores role names lower-cased, so it reads back as "eso_reader"']]);
    expect(upper[0].fix).toContain('"eso_reader"');
    expect(run(rule, [role({ extra: { name: 'eso:reader' } })])[0].message).toContain('is not a Vault role name');
    expect(run(rule, [role({ extra: { name: 'eso_reader' } })])).toEqual([]);
  });
});
