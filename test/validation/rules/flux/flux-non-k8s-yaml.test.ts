import { kustomizeFile, layered, run } from './fixtures';
import { fluxNonKubernetesYamlRule } from '../../../../src/validation/rules/flux/flux-non-k8s-yaml';

describe('ESO-FLUX-NON-K8S-YAML', () => {
  test('bad: non-Kubernetes YAML in a layer folder without kustomization.yaml', () => {
    const d = run(fluxNonKubernetesYamlRule, layered(), [{ file: 'repo/dist/apps/values.yaml', line: 1 }]);
    expect(d).toHaveLength(1);
    expect(d[0].ruleId).toBe('ESO-FLUX-NON-K8S-YAML');
    expect(d[0].severity).toBe('error');
    expect(d[0].object).toMatchObject({ kind: 'Kustomization', name: 'apps' });
    expect(d[0].message).toContain('repo/dist/apps/values.yaml:1 is not Kubernetes YAML');
    expect(d[0].message).toContain('failed to decode Kubernetes YAML');
  });

  test('bad: listed in kustomization.yaml', () => {
    const items = [...layered(), { manifest: kustomizeFile(['apps.yaml', 'values.yaml']), file: 'repo/dist/apps/kustomization.yaml' }];
    const d = run(fluxNonKubernetesYamlRule, items, [{ file: 'repo/dist/apps/values.yaml' }]);
    expect(d).toHaveLength(1);
    expect(d[0].field).toBe('resources');
    expect(d[0].message).toContain('is listed in repo/dist/apps/kustomization.yaml');
  });

  test('good: unlisted stray file next to a kustomization.yaml is never built', () => {
    const items = [...layered(), { manifest: kustomizeFile(['apps.yaml']), file: 'repo/dist/apps/kustomization.yaml' }];
    expect(run(fluxNonKubernetesYamlRule, items, [{ file: 'repo/dist/apps/values.yaml' }])).toEqual([]);
  });

  test('good: non-Kubernetes YAML outside every Flux path', () => {
    expect(run(fluxNonKubernetesYamlRule, layered(), [{ file: 'repo/.github/workflows/ci.yaml' }])).toEqual([]);
  });
});
