import { esKeys, role, run } from './helpers';
import { Severity } from '../../../../src/validation/diagnostic';
import { vaultConfigNamespaceRule as rule } from '../../../../src/validation/rules/vault/vault-config-namespace';

describe('ESO-VAULT-CONFIG-NAMESPACE', () => {
  test('warning: vault-config-operator object in a tenant namespace', () => {
    const d = run(rule, [role({ ns: 'apps' }), esKeys('db', ['a'], 'apps')]);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-VAULT-CONFIG-NAMESPACE', severity: Severity.WARNING, field: 'metadata.namespace' });
    expect(d[0].message).toContain('is in namespace "apps", where ExternalSecret "db" lives');
  });

  test('warning: no namespace', () => {
    const r = role();
    delete (r.metadata as any).namespace;
    expect(run(rule, [r])[0].message).toContain('has no namespace');
  });

  test('good: admin namespace', () => {
    expect(run(rule, [role(), esKeys('db', ['a'], 'apps')])).toEqual([]);
  });
});
