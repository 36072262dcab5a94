import { loadFluxBuildEngine } from '../../../src/io/flux-build/engine';
import { readRepository } from '../../../src/io/repository/repository-reader';
import { fluxKustomization, tempTree } from '../../support/repo-files';

const ks = (name: string, p: string) => fluxKustomization(name, p);
const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: default\n`;

const repo = (files: Record<string, string>) => tempTree(files, 'eso-roots-');

describe('repository roots', () => {
  jest.setTimeout(60_000);

  test('with flux-system in the repository, a Kustomization nothing applies is not checked, and its path not read', () => {
    const dir = repo({
      'clusters/prod/flux-system/sync.yaml': ks('flux-system', './clusters/prod'),
      'clusters/prod/apps.yaml': ks('apps', './apps'),
      'apps/cm.yaml': cm('applied'),
      'disabled/ks.yaml': ks('disabled', './disabled/app'),
      'disabled/app/cm.yaml': cm('never-applied'),
    });
    const r = readRepository(dir, { engine: loadFluxBuildEngine() });
    const names = r.items.map(i => i.manifest.metadata?.name);
    expect(names).toContain('applied');
    expect(names).not.toContain('never-applied');
    expect(r.notChecked.map(n => [n.kustomization, n.reason])).toEqual([['flux-system/disabled', 'no Kustomization applies it (flux-system does not reach it)']]);
  });

  test('without a bootstrap Kustomization (rendered layer Kustomizations), every unapplied Kustomization is a root', () => {
    const dir = repo({ 'flux/apps.yaml': ks('apps', './apps'), 'flux/configs.yaml': ks('configs', './configs'), 'apps/cm.yaml': cm('a'), 'configs/cm.yaml': cm('c') });
    const r = readRepository(dir, { engine: loadFluxBuildEngine() });
    expect(r.items.map(i => `${i.appliedBy ?? '-'} ${i.manifest.kind} ${i.manifest.metadata?.name}`).sort()).toEqual([
      '- Kustomization apps', '- Kustomization configs', 'flux-system/apps ConfigMap a', 'flux-system/configs ConfigMap c',
    ]);
    expect(r.notChecked).toEqual([]);
  });

  test('charts a bootstrap helmfile installs are reported (their CRDs exist before Flux)', () => {
    const dir = repo({
      'clusters/prod/flux-system/sync.yaml': ks('flux-system', './clusters/prod'),
      'clusters/prod/cm.yaml': cm('x'),
      'bootstrap/helmfile/crds.yaml': 'releases:\n  - name: cilium\n    chart: oci://ghcr.io/home-operations/charts-mirror/cilium\n  - name: spegel\n    namespace: kube-system\n',
      'bootstrap/helmfile.d/01-apps.yaml': 'releases:\n  - name: external-secrets\n    namespace: external-secrets\n    chart: oci://ghcr.io/external-secrets/charts/external-secrets\n    version: 0.0.0\n',
    });
    expect(readRepository(dir, { engine: loadFluxBuildEngine() }).installedBeforeFlux).toEqual(['cilium', 'external-secrets', 'spegel']);
  });
});
