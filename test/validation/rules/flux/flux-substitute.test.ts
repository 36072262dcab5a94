import { externalSecret, layered, run } from './fixtures';
import { fluxSubstituteRule } from '../../../../src/validation/rules/flux/flux-substitute';

const templated = (annotations?: Record<string, string>) => {
  const es = externalSecret('tpl', 'example', { target: { name: 'tpl', template: { data: { url: 'https://${HOST}/x' } } } });
  return annotations ? { ...es, metadata: { ...es.metadata, annotations } } : es;
};

describe('ESO-FLUX-SUBSTITUTE', () => {
  test('bad: ${...} in an ExternalSecret template of a substituting layer', () => {
    const items = [...layered({ apps: { postBuild: { substitute: { cluster: 'prod' } } } }), { manifest: templated(), file: 'repo/dist/apps/tpl.yaml' }];
    const d = run(fluxSubstituteRule, items);
    expect(d).toHaveLength(1);
    expect(d[0].severity).toBe('warning');
    expect(d[0].field).toBe('spec.target.template.data.url');
    expect(d[0].message).toContain('https://${HOST}/x');
    expect(d[0].fix).toContain('$${...}');
  });

  test('good: in repository mode the object is already substituted (a ${ left in it came from $${ and stays)', () => {
    const items = [...layered({ apps: { postBuild: { substitute: { cluster: 'prod' } } } }), { manifest: templated(), file: 'repo/dist/apps/tpl.yaml', appliedBy: 'flux-system/apps' }];
    expect(run(fluxSubstituteRule, items)).toEqual([]);
  });

  test('good: escaped, annotated, or no substitution', () => {
    const escaped = externalSecret('tpl', 'example', { target: { name: 'tpl', template: { data: { url: 'https://$${HOST}/x' } } } });
    const sub = { apps: { postBuild: { substituteFrom: [{ kind: 'ConfigMap', name: 'vars' }] } } };
    expect(run(fluxSubstituteRule, [...layered(sub), { manifest: escaped, file: 'repo/dist/apps/tpl.yaml' }])).toEqual([]);
    expect(run(fluxSubstituteRule, [...layered(sub), { manifest: templated({ 'kustomize.toolkit.fluxcd.io/substitute': 'disabled' }), file: 'repo/dist/apps/tpl.yaml' }])).toEqual([]);
    expect(run(fluxSubstituteRule, [...layered(), { manifest: templated(), file: 'repo/dist/apps/tpl.yaml' }])).toEqual([]);
  });
});
