import { clusterGenerator, externalSecret, genRef, password, pushSecret, run } from './helpers';
import { generatorRefRule as rule } from '../../../../src/validation/rules/generators/gen-ref';

const ps = (ref: any) => pushSecret({ secretStoreRefs: [{ name: 'bao-primary', kind: 'ClusterSecretStore' }], selector: { generatorRef: ref } });
const es = (ref: any) => externalSecret({ refreshPolicy: 'CreatedOnce', dataFrom: [{ sourceRef: { generatorRef: ref } }] });
const pw = password({ length: 32, noUpper: false, allowRepeat: true }, 'pw');

describe('ESO-GEN-REF', () => {
  test('PushSecret generatorRef in the wrong API group', () => {
    const d = run(rule, pw, ps(genRef('Password', 'pw', 'external-secrets.io/v1alpha1')));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-GEN-REF', field: 'spec.selector.generatorRef.apiVersion', severity: 'error' });
    expect(d[0].message).toContain('is not in generators.external-secrets.io');
  });

  test('unknown version of the generators group', () => {
    const d = run(rule, pw, es(genRef('Password', 'pw', 'generators.external-secrets.io/v1')));
    expect(d[0]).toMatchObject({ field: 'spec.dataFrom[0].sourceRef.generatorRef.apiVersion' });
    expect(d[0].message).toContain('only served as v1alpha1');
  });

  test('kind mismatch with the generator of that name', () => {
    const d = run(rule, pw, es(genRef('UUID', 'pw')));
    expect(d[0]).toMatchObject({ field: 'spec.dataFrom[0].sourceRef.generatorRef.kind', severity: 'error' });
    expect(d[0].message).toContain('is a Password');
  });

  test('generator not in the app at all: warning (it may be made elsewhere)', () => {
    const d = run(rule, es(genRef('Password', 'pw')));
    expect(d[0]).toMatchObject({ field: 'spec.dataFrom[0].sourceRef.generatorRef.name', severity: 'warning' });
    expect(d[0].message).toContain('in namespace "databases"');
  });

  test('generator only in another namespace: error (generatorRef has no namespace, ESO can never find it)', () => {
    const d = run(rule, password({ length: 32, noUpper: false, allowRepeat: true }, 'pw', 'other'), es(genRef('Password', 'pw')));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ field: 'spec.dataFrom[0].sourceRef.generatorRef.name', severity: 'error' });
    expect(d[0].message).toContain('exists only in namespace "other"');
    expect(d[0].fix).toContain('ClusterGenerator');
  });

  test('resolved refs are clean (namespaced and ClusterGenerator)', () => {
    const cg = clusterGenerator({ kind: 'Password', generator: { passwordSpec: { length: 32, noUpper: false, allowRepeat: true } } }, 'global-pw');
    expect(run(rule, pw, cg, es(genRef('Password', 'pw')), ps(genRef('ClusterGenerator', 'global-pw')))).toEqual([]);
  });
});
