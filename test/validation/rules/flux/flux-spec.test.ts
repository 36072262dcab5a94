import { esoRelease, ks, run } from './fixtures';
import { fluxSpecRule } from '../../../../src/validation/rules/flux/flux-spec';

const diag = (m: any) => run(fluxSpecRule, [{ manifest: m }]);

describe('ESO-FLUX-SPEC', () => {
  test('good: well-formed Flux objects', () => {
    expect(diag(ks('apps', './dist/apps', { dependsOn: [{ name: 'configs' }], healthCheckExprs: [{ apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', current: 'true' }] }))).toEqual([]);
    expect(diag(esoRelease())).toEqual([]);
    expect(diag({ apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'HelmRepository', metadata: { name: 'r' }, spec: { interval: '1h', url: 'https://charts.external-secrets.io' } })).toEqual([]);
    expect(diag({ apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository', metadata: { name: 'g' }, spec: { interval: '1m', url: 'ssh://git@example.com/org/repo', ref: { branch: 'main' } } })).toEqual([]);
  });

  test('bad: Kustomization without prune, with a non-Go interval and a bad sourceRef kind', () => {
    const m = ks('apps', '/abs', { prune: undefined, interval: '1d', sourceRef: { kind: 'HelmRepository', name: 'x' } });
    const fields = diag(m).map(d => d.field).sort();
    expect(fields).toEqual(['spec.interval', 'spec.path', 'spec.prune', 'spec.sourceRef.kind']);
    expect(diag(m).find(d => d.field === 'spec.interval')!.message).toContain('"1d" is not a Go duration');
  });

  test('bad: HelmRelease with both chart and chartRef, bad CRD policy', () => {
    const hr = esoRelease();
    const m = { ...hr, spec: { ...hr.spec, chartRef: { kind: 'OCIRepository', name: 'eso' }, install: { crds: 'Replace' } } };
    const d = diag(m);
    expect(d.map(x => x.field).sort()).toEqual(['spec.chartRef', 'spec.install.crds']);
    expect(d.find(x => x.field === 'spec.install.crds')!.message).toContain('"Replace" is not one of Skip, Create, CreateReplace');
  });

  test('bad: HelmRepository type/url mismatch; GitRepository without interval', () => {
    expect(diag({ apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'HelmRepository', metadata: { name: 'r' }, spec: { type: 'oci', url: 'https://x' } })[0].field).toBe('spec.url');
    expect(diag({ apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository', metadata: { name: 'g' }, spec: { url: 'https://x/y' } })[0].message).toBe('spec.interval is required');
  });

  test('good: the kustomize.config.k8s.io Kustomization (kustomization.yaml) is not a Flux object', () => {
    expect(diag({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: [] })).toEqual([]);
  });
});
