import { externalSecret, kustomizeFile, layered, run } from './fixtures';
import { fluxKustomizationFileRule } from '../../../../src/validation/rules/flux/flux-kustomization-file';

describe('ESO-FLUX-KUSTOMIZATION-FILE', () => {
  test('good: every file listed', () => {
    const items = [...layered(), { manifest: kustomizeFile(['./apps.yaml']), file: 'repo/dist/apps/kustomization.yaml' }];
    expect(run(fluxKustomizationFileRule, items)).toEqual([]);
  });

  test('bad: a manifest file is not listed (warning: never applied)', () => {
    const items = [
      ...layered(),
      { manifest: externalSecret('web'), file: 'repo/dist/apps/web.yaml' },
      { manifest: kustomizeFile(['apps.yaml']), file: 'repo/dist/apps/kustomization.yaml' },
    ];
    const d = run(fluxKustomizationFileRule, items);
    expect(d).toHaveLength(1);
    expect(d[0].severity).toBe('warning');
    expect(d[0].field).toBe('resources');
    expect(d[0].message).toContain('does not list "web.yaml"');
    expect(d[0].fix).toContain('add "web.yaml" to resources');
  });

  test('bad: a listed file does not exist (error: build fails)', () => {
    const items = [...layered(), { manifest: kustomizeFile(['apps.yaml', 'gone.yaml']), file: 'repo/dist/apps/kustomization.yaml' }];
    const d = run(fluxKustomizationFileRule, items);
    expect(d).toHaveLength(1);
    expect(d[0].severity).toBe('error');
    expect(d[0].field).toBe('resources[1]');
    expect(d[0].message).toContain('lists "gone.yaml"');
  });

  test('nested folders: listed as a folder, or flagged when the parent forgets them', () => {
    const base = [
      { manifest: externalSecret('a'), file: 'repo/k/sub/a.yaml' },
      { manifest: kustomizeFile(['a.yaml']), file: 'repo/k/sub/kustomization.yaml' },
    ];
    expect(run(fluxKustomizationFileRule, [...base, { manifest: kustomizeFile(['sub']), file: 'repo/k/kustomization.yaml' }])).toEqual([]);
    const d = run(fluxKustomizationFileRule, [...base, { manifest: kustomizeFile([]), file: 'repo/k/kustomization.yaml' }]);
    expect(d).toHaveLength(1);
    expect(d[0].message).toContain('does not list "sub/"');
  });

  test('good: remote and glob entries are not checked', () => {
    const items = [...layered(), { manifest: kustomizeFile(['apps.yaml', 'https://example.com/x.yaml', 'github.com/org/repo//deploy']), file: 'repo/dist/apps/kustomization.yaml' }];
    expect(run(fluxKustomizationFileRule, items)).toEqual([]);
  });
});
