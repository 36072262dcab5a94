import { layered, run, store } from './fixtures';
import { fluxCrdSameLayerRule } from '../../../../src/validation/rules/flux/flux-crd-same-layer';

describe('ESO-FLUX-CRD-SAME-LAYER', () => {
  test('good: stores in a later layer than the ESO HelmRelease', () => {
    expect(run(fluxCrdSameLayerRule, layered())).toEqual([]);
  });

  test('bad: a ClusterSecretStore next to the HelmRelease that installs its CRD', () => {
    const items = [...layered(), { manifest: store('early'), file: 'repo/dist/controllers/stores.yaml' }];
    const d = run(fluxCrdSameLayerRule, items);
    expect(d).toHaveLength(1);
    expect(d[0].ruleId).toBe('ESO-FLUX-CRD-SAME-LAYER');
    expect(d[0].object).toMatchObject({ kind: 'ClusterSecretStore', name: 'early' });
    expect(d[0].message).toContain('HelmRelease external-secrets/external-secrets');
    expect(d[0].message).toContain('no matches for kind ClusterSecretStore');
    expect(d[0].fix).toContain('dependsOn controllers');
  });

  test('good: plain CRD manifests in the same layer are staged first by Flux', () => {
    const crd = { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'clustersecretstores.external-secrets.io' }, spec: { group: 'external-secrets.io' } };
    const items = [
      ...layered().filter(i => i.manifest.kind !== 'HelmRelease'),
      { manifest: crd, file: 'repo/dist/configs/crds.yaml' },
    ];
    expect(run(fluxCrdSameLayerRule, items)).toEqual([]);
  });
});
