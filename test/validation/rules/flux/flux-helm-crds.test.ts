import { esoRelease, layered, run } from './fixtures';
import { fluxHelmCrdsRule } from '../../../../src/validation/rules/flux/flux-helm-crds';

const crd = { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'externalsecrets.external-secrets.io' }, spec: { group: 'external-secrets.io' } };

describe('ESO-FLUX-HELM-CRDS', () => {
  test('bad: CRDs as manifests and installCRDs left at its default', () => {
    const items = [...layered().filter(i => i.manifest.kind !== 'HelmRelease'),
      { manifest: esoRelease({ crds: { create: false } }), file: 'repo/dist/controllers/eso.yaml' },
      { manifest: crd, file: 'repo/dist/crds/crds.yaml' }];
    const d = run(fluxHelmCrdsRule, items);
    expect(d).toHaveLength(1);
    expect(d[0].severity).toBe('warning');
    expect(d[0].field).toBe('spec.values.installCRDs');
    expect(d[0].message).toContain('externalsecrets.external-secrets.io');
    expect(d[0].message).toContain('crds.create: false is not a value of the chart');
  });

  test('good: installCRDs false with CRD manifests, or chart-only CRDs', () => {
    const items = [...layered().filter(i => i.manifest.kind !== 'HelmRelease'),
      { manifest: esoRelease({ installCRDs: false }), file: 'repo/dist/controllers/eso.yaml' },
      { manifest: crd, file: 'repo/dist/crds/crds.yaml' }];
    expect(run(fluxHelmCrdsRule, items)).toEqual([]);
    expect(run(fluxHelmCrdsRule, layered())).toEqual([]);
  });
});
