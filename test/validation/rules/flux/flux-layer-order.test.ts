import { externalSecret, ks, layered, run } from './fixtures';
import { validateManifests } from '../../../../src/validation/engine';
import { fluxLayerOrderRule } from '../../../../src/validation/rules/flux/flux-layer-order';

describe('ESO-FLUX-LAYER-ORDER', () => {
  test('good: controllers (wait) -> configs -> apps', () => {
    expect(run(fluxLayerOrderRule, layered())).toEqual([]);
  });

  test('good: transitive dependency is enough', () => {
    const items = layered();
    expect(run(fluxLayerOrderRule, items).length).toBe(0); // apps -> configs -> controllers
  });

  test('bad: apps does not depend on the layer that installs ESO (an error for an app of this library)', () => {
    const items = layered({ apps: { dependsOn: undefined } }).map(i => ({ ...i, constructPath: `flux/${i.file}` }));
    const d = run(fluxLayerOrderRule, items);
    expect(d).toHaveLength(1);
    expect(d[0].ruleId).toBe('ESO-FLUX-LAYER-ORDER');
    expect(d[0].severity).toBe('error');
    expect(d[0].field).toBe('spec.dependsOn');
    expect(d[0].object).toMatchObject({ kind: 'Kustomization', name: 'apps' });
    expect(d[0].message).toContain('ExternalSecret example/db');
    expect(d[0].message).toContain('no matches for kind ExternalSecret');
    expect(d[0].fix).toContain('dependsOn: [{name: controllers}]');
  });

  test('in files (a repository, rendered output) the missing dependsOn is a warning: CRDs may come from a bootstrap', () => {
    const items = layered({ apps: { dependsOn: undefined } });
    const d = run(fluxLayerOrderRule, items);
    expect(d.map(x => [x.severity, x.field])).toEqual([['warning', 'spec.dependsOn']]);
    expect(d[0].message).toContain('unless they are installed before Flux (bootstrap)');
  });

  test('a chart a bootstrap helmfile installs before Flux (its CRDs exist from the start): nothing to order', () => {
    const items = layered({ apps: { dependsOn: undefined }, controllers: { wait: false } });
    expect(validateManifests(items, { rules: [fluxLayerOrderRule], installedBeforeFlux: ['external-secrets'] }).diagnostics).toEqual([]);
    expect(validateManifests(items, { rules: [fluxLayerOrderRule], installedBeforeFlux: ['cilium'] }).diagnostics).toHaveLength(2);
  });

  test('bad: the installing layer neither waits nor health-checks (an error in an app of this library, a warning in files)', () => {
    const ours = layered({ controllers: { wait: false } }).map(i => ({ ...i, constructPath: `flux/${i.file}` }));
    expect(run(fluxLayerOrderRule, ours).map(x => x.severity)).toEqual(['error']);
    const d = run(fluxLayerOrderRule, layered({ controllers: { wait: false } }));
    expect(d.map(x => x.severity)).toEqual(['warning']);
    expect(d).toHaveLength(1);
    expect(d[0].field).toBe('spec.wait');
    expect(d[0].object.name).toBe('controllers');
    expect(d[0].message).toContain('neither waits nor health-checks');
  });

  test('good: healthChecks instead of wait gate the dependency', () => {
    const checks = [{ apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', name: 'external-secrets', namespace: 'external-secrets' }];
    expect(run(fluxLayerOrderRule, layered({ controllers: { wait: false, healthChecks: checks } }))).toEqual([]);
  });

  test('good: nothing to check without an installer in the output (ESO installed out of band)', () => {
    const items = layered({ apps: { dependsOn: undefined } }).filter(i => i.manifest.kind !== 'HelmRelease');
    expect(run(fluxLayerOrderRule, items)).toEqual([]);
  });

  test('bad: vault-config-operator objects need the layer with its HelmRelease', () => {
    const vcoRelease = {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name: 'vault-config-operator', namespace: 'vault-config-operator' },
      spec: { interval: '1h', chart: { spec: { chart: 'vault-config-operator', version: 'v0.8.52', sourceRef: { kind: 'HelmRepository', name: 'vco' } } } },
    };
    const policy = { apiVersion: 'redhatcop.redhat.io/v1alpha1', kind: 'Policy', metadata: { name: 'eso', namespace: 'vault-admin' }, spec: {} };
    const items = [
      { manifest: ks('operators', './repo/dist/operators'), file: 'repo/dist/flux/operators.yaml' },
      { manifest: ks('vault', './repo/dist/vault'), file: 'repo/dist/flux/vault.yaml' },
      { manifest: vcoRelease, file: 'repo/dist/operators/vco.yaml' },
      { manifest: policy, file: 'repo/dist/vault/policy.yaml' },
    ];
    const d = run(fluxLayerOrderRule, items);
    expect(d).toHaveLength(1);
    expect(d[0].message).toContain('vault-config-operator objects (Policy vault-admin/eso)');
  });

  test('good: objects outside every Flux path are not judged', () => {
    const items = [...layered(), { manifest: externalSecret('other'), file: 'elsewhere/x.yaml' }];
    expect(run(fluxLayerOrderRule, items)).toEqual([]);
  });
});
