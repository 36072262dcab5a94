import { ces, css, es, run, ss } from './helpers';
import { esStoreConditionsRule } from '../../../../src/validation/rules/external-secrets/es-store-conditions';
import { esStoreNamespaceRule } from '../../../../src/validation/rules/external-secrets/es-store-namespace';
import { esStoreRefRule } from '../../../../src/validation/rules/external-secrets/es-store-ref';

describe('ESO-ES-STORE-REF (P30)', () => {
  test('a defaulted kind pointing at a ClusterSecretStore is an error', () => {
    const d = run(esStoreRefRule, css('vault'), es({ secretStoreRef: { name: 'vault' } }));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-ES-STORE-REF', field: 'spec.secretStoreRef.kind', severity: 'error', object: { kind: 'ExternalSecret', name: 'app' } });
    expect(d[0].message).toContain('references SecretStore "vault" (kind not set, so ESO assumes SecretStore), but only ClusterSecretStore "vault" exists');
  });
  test('kind ClusterSecretStore pointing at a SecretStore is an error', () => {
    const d = run(esStoreRefRule, ss('vault', 'shop'), es());
    expect(d[0].message).toContain('but only SecretStore "vault" exists');
  });
  test('a store nowhere in the app is a warning (it may be imported by name)', () => {
    const d = run(esStoreRefRule, es(), es({ secretStoreRef: { name: 'local', kind: 'SecretStore' } }, 'b'));
    expect(d.map(x => x.severity)).toEqual(['warning', 'warning']);
    expect(d[0].message).toContain('not declared in this app');
  });
  test('per-entry store refs are resolved too', () => {
    const d = run(esStoreRefRule, css('vault'), ss('other', 'shop'),
      es({ dataFrom: [{ extract: { key: 'a' }, sourceRef: { storeRef: { name: 'other', kind: 'ClusterSecretStore' } } }] }));
    expect(d[0].field).toBe('spec.dataFrom[0].sourceRef.storeRef.kind');
  });
  test('entries with no store at all are an error', () => {
    const d = run(esStoreRefRule, es({ secretStoreRef: undefined, dataFrom: [{ sourceRef: { generatorRef: { kind: 'Password', name: 'pw' } } }, { extract: { key: 'x' } }] }));
    expect(d[0]).toMatchObject({ field: 'spec.secretStoreRef', severity: 'error' });
    expect(d[0].message).toContain('data[0], dataFrom[1] name no store of their own');
  });
  test('resolved refs and generator-only specs pass', () => {
    expect(run(esStoreRefRule, css('vault'), es())).toEqual([]);
    expect(run(esStoreRefRule, ss('local', 'shop'), es({ secretStoreRef: { name: 'local', kind: 'SecretStore' } }))).toEqual([]);
    expect(run(esStoreRefRule, es({ secretStoreRef: undefined, data: undefined, dataFrom: [{ sourceRef: { generatorRef: { kind: 'Password', name: 'pw' } } }] }))).toEqual([]);
  });
});

describe('ESO-ES-STORE-NAMESPACE (P30)', () => {
  test('a SecretStore of another namespace is an error', () => {
    const d = run(esStoreNamespaceRule, ss('local', 'platform'), es({ secretStoreRef: { name: 'local', kind: 'SecretStore' } }));
    expect(d[0]).toMatchObject({ ruleId: 'ESO-ES-STORE-NAMESPACE', field: 'spec.secretStoreRef', severity: 'error' });
    expect(d[0].message).toContain('in namespace "shop" references SecretStore "local", which lives in namespace "platform"');
  });
  test('every namespace of a ClusterExternalSecret needs its own SecretStore', () => {
    const d = run(esStoreNamespaceRule, ss('local', 'a'), ces({ secretStoreRef: { name: 'local', kind: 'SecretStore' } }, ['a', 'b']));
    expect(d).toHaveLength(1);
    expect(d[0].message).toContain('in namespace "b"');
  });
  test('a SecretStore in the same namespace passes', () => {
    expect(run(esStoreNamespaceRule, ss('local', 'shop'), ss('local', 'other'), es({ secretStoreRef: { name: 'local', kind: 'SecretStore' } }))).toEqual([]);
  });
});

describe('ESO-ES-STORE-CONDITIONS (P29)', () => {
  test('conditions that do not admit the namespace are an error', () => {
    const d = run(esStoreConditionsRule, css('vault', { conditions: [{ namespaces: ['team-a'] }, { namespaceRegexes: ['^dev-'] }] }), es());
    expect(d[0]).toMatchObject({ ruleId: 'ESO-ES-STORE-CONDITIONS', field: 'spec.secretStoreRef', severity: 'error' });
    expect(d[0].message).toContain('uses ClusterSecretStore "vault" from namespace "shop", but the store\'s conditions do not admit "shop"');
  });
  test('selectors are evaluated against Namespace objects of the app and the name label', () => {
    const nsObj = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { tier: 'apps' } } };
    const store = css('vault', { conditions: [{ namespaceSelector: { matchLabels: { tier: 'platform' } } }] });
    expect(run(esStoreConditionsRule, store, nsObj, es())).toHaveLength(1);
    const byName = css('vault', { conditions: [{ namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['x'] }] } }] });
    expect(run(esStoreConditionsRule, byName, es())).toHaveLength(1);
  });
  test('admitted namespaces, unanchored regexes and unknown labels pass', () => {
    expect(run(esStoreConditionsRule, css('vault', { conditions: [{ namespaces: ['shop'] }] }), es())).toEqual([]);
    expect(run(esStoreConditionsRule, css('vault', { conditions: [{ namespaceRegexes: ['sho'] }] }), es())).toEqual([]);
    expect(run(esStoreConditionsRule, css('vault', { conditions: [{ namespaceSelector: { matchLabels: { tier: 'apps' } } }] }), es())).toEqual([]);
    const nsObj = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { tier: 'apps' } } };
    expect(run(esStoreConditionsRule, css('vault', { conditions: [{ namespaceSelector: { matchLabels: { tier: 'apps' } } }] }), nsObj, es())).toEqual([]);
    expect(run(esStoreConditionsRule, css('vault'), es())).toEqual([]);
  });
});

describe('ESO-ES-STORE-REF and imported stores', () => {
  test('stores listed in the external-stores annotation do not warn; kind mismatches still fail', () => {
    const m = es();
    (m.metadata as any).annotations = { 'cdk8s-external-secrets.io/external-stores': 'ClusterSecretStore/vault,SecretStore/x' };
    expect(run(esStoreRefRule, m)).toEqual([]);
    expect(run(esStoreRefRule, m, ss('vault', 'shop'))[0].severity).toBe('error');
  });
});
