import { externalSecret, layered, run } from './fixtures';
import { fluxNamespaceRule } from '../../../../src/validation/rules/flux/flux-namespace';

describe('ESO-FLUX-NAMESPACE', () => {
  test('good: namespaced objects carry a namespace', () => {
    expect(run(fluxNamespaceRule, layered())).toEqual([]);
  });

  test('bad: ExternalSecret without namespace, layer without targetNamespace', () => {
    const items = [...layered(), { manifest: externalSecret('nons', null), file: 'repo/dist/apps/more.yaml' }];
    const d = run(fluxNamespaceRule, items);
    expect(d).toHaveLength(1);
    expect(d[0].ruleId).toBe('ESO-FLUX-NAMESPACE');
    expect(d[0].field).toBe('metadata.namespace');
    expect(d[0].object.name).toBe('nons');
    expect(d[0].message).toContain('namespace not specified');
  });

  test('good: targetNamespace on the layer; cluster-scoped kinds need none', () => {
    const items = [...layered({ apps: { targetNamespace: 'example' } }), { manifest: externalSecret('nons', null), file: 'repo/dist/apps/more.yaml' }];
    expect(run(fluxNamespaceRule, items)).toEqual([]); // the ClusterSecretStore in configs has no namespace either
  });
});
