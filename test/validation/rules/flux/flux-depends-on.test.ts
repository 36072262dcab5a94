import { ks, layered, run } from './fixtures';
import { fluxDependsOnRule } from '../../../../src/validation/rules/flux/flux-depends-on';

describe('ESO-FLUX-DEPENDS-ON', () => {
  test('good: chain of waiting Kustomizations', () => {
    expect(run(fluxDependsOnRule, layered())).toEqual([]);
  });

  test('bad: unknown target (warning)', () => {
    const d = run(fluxDependsOnRule, [{ manifest: ks('apps', './a', { dependsOn: [{ name: 'infra' }] }), file: 'f/apps.yaml' }]);
    expect(d).toHaveLength(1);
    expect(d[0].severity).toBe('warning');
    expect(d[0].field).toBe('spec.dependsOn[0]');
    expect(d[0].message).toContain('depends on flux-system/infra, which is not a Flux Kustomization');
  });

  test('bad: cycle (error on every member)', () => {
    const d = run(fluxDependsOnRule, [
      { manifest: ks('a', './a', { dependsOn: [{ name: 'b' }] }), file: 'f/a.yaml' },
      { manifest: ks('b', './b', { dependsOn: [{ name: 'a' }] }), file: 'f/b.yaml' },
    ]);
    expect(d.map(x => [x.object.name, x.severity])).toEqual([['a', 'error'], ['b', 'error']]);
    expect(d[0].message).toContain('dependsOn cycle among a, b');
  });

  test('bad: self dependency', () => {
    const d = run(fluxDependsOnRule, [{ manifest: ks('a', './a', { dependsOn: [{ name: 'a' }] }), file: 'f/a.yaml' }]);
    expect(d).toHaveLength(1);
    expect(d[0].message).toContain('depends on itself');
  });

  test('bad: dependency that never waits (warning)', () => {
    const d = run(fluxDependsOnRule, [
      { manifest: ks('a', './a', { wait: false }), file: 'f/a.yaml' },
      { manifest: ks('b', './b', { dependsOn: [{ name: 'a' }] }), file: 'f/b.yaml' },
    ]);
    expect(d).toHaveLength(1);
    expect(d[0].severity).toBe('warning');
    expect(d[0].message).toContain('neither wait: true nor healthChecks');
  });

  test('good: cross-namespace dependency resolved by namespace', () => {
    const other = ks('infra', './i');
    (other.metadata as any).namespace = 'platform';
    expect(run(fluxDependsOnRule, [
      { manifest: other, file: 'f/i.yaml' },
      { manifest: ks('b', './b', { dependsOn: [{ name: 'infra', namespace: 'platform' }] }), file: 'f/b.yaml' },
    ])).toEqual([]);
  });
});
