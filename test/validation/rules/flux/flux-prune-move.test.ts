import { externalSecret, ks, layered } from './fixtures';
import { SourcedManifest } from '../../../../src/model/manifest';
import { validateManifests } from '../../../../src/validation/engine';
import { fluxPruneMoveRule } from '../../../../src/validation/rules/flux/flux-prune-move';

function run(items: SourcedManifest[], previous?: SourcedManifest[]) {
  return validateManifests(items, { rules: [fluxPruneMoveRule], previous }).diagnostics;
}

/** `layered()` plus a `payments` layer; the ExternalSecret example/db in `where`. */
function withPayments(where: 'apps' | 'payments', es = externalSecret()): SourcedManifest[] {
  return [
    ...layered().filter(i => i.manifest.kind !== 'ExternalSecret'),
    { manifest: ks('payments', './repo/dist/payments', { dependsOn: [{ name: 'configs' }] }), file: 'repo/dist/flux/payments.yaml' },
    { manifest: es, file: `repo/dist/${where}/${where}.yaml` },
  ];
}

describe('ESO-FLUX-PRUNE-MOVE', () => {
  test('bad: the ExternalSecret moved to another Kustomization', () => {
    const d = run(withPayments('payments'), withPayments('apps'));
    expect(d).toHaveLength(1);
    expect(d[0].ruleId).toBe('ESO-FLUX-PRUNE-MOVE');
    expect(d[0].severity).toBe('warning');
    expect(d[0].field).toBe('');
    expect(d[0].object).toMatchObject({ kind: 'ExternalSecret', namespace: 'example', name: 'db' });
    expect(d[0].file).toBe('repo/dist/payments/payments.yaml');
    expect(d[0].message).toBe('ExternalSecret "example/db" takes over Secret "db" from "example/db" (Kustomization "apps" → "payments"): ' +
      'with prune, Flux deletes the old ExternalSecret and its Owner Secret is garbage-collected before the new one recreates it');
    expect(d[0].fix).toContain('creationPolicy: Orphan on the old ExternalSecret');
    expect(d[0].fix).toContain('kustomize.toolkit.fluxcd.io/prune: disabled');
  });

  test('bad: the ExternalSecret was renamed (same Secret, default creationPolicy)', () => {
    const old = externalSecret('db', 'example', { target: { name: 'db' } });
    const renamed = externalSecret('db-v2', 'example', { target: { name: 'db' } });
    const d = run(withPayments('apps', renamed), withPayments('apps', old));
    expect(d).toHaveLength(1);
    expect(d[0].object.name).toBe('db-v2');
    expect(d[0].message).toContain('ExternalSecret "example/db-v2" takes over Secret "db" from "example/db" (Kustomization "apps")');
  });

  test('bad: target.name defaults to the ExternalSecret name', () => {
    const old = externalSecret('db', 'example', { target: {} });
    const renamed = externalSecret('db-v2', 'example', { target: { name: 'db' } });
    expect(run(withPayments('payments', renamed), withPayments('apps', old))[0].message).toContain('(Kustomization "apps" → "payments")');
  });

  test('good: no previous output, or an unchanged one', () => {
    expect(run(withPayments('payments'))).toEqual([]);
    expect(run(withPayments('apps'), withPayments('apps'))).toEqual([]);
  });

  test('good: the old ExternalSecret was Orphan or opted out of prune for the cut-over', () => {
    const orphan = externalSecret('db', 'example', { target: { name: 'db', creationPolicy: 'Orphan' } });
    expect(run(withPayments('payments'), withPayments('apps', orphan))).toEqual([]);
    const kept = externalSecret();
    (kept.metadata as { annotations?: Record<string, string> }).annotations = { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' };
    expect(run(withPayments('payments'), withPayments('apps', kept))).toEqual([]);
  });

  test('good: the old Kustomization does not prune', () => {
    const previous = withPayments('apps').map(i => (i.manifest.metadata?.name === 'apps' && i.manifest.kind === 'Kustomization'
      ? { ...i, manifest: { ...i.manifest, spec: { ...i.manifest.spec, prune: false } } } : i));
    expect(run(withPayments('payments'), previous)).toEqual([]);
  });

  test('good: the Secret is no longer produced, or produced with Merge', () => {
    const gone = withPayments('apps').filter(i => i.manifest.kind !== 'ExternalSecret');
    expect(run(gone, withPayments('apps'))).toEqual([]);
    const merge = externalSecret('db-v2', 'example', { target: { name: 'db', creationPolicy: 'Merge' } });
    expect(run(withPayments('payments', merge), withPayments('apps'))).toEqual([]);
  });

  test('good: the old ExternalSecret stays where it was next to a new one', () => {
    const items = [...withPayments('apps'), { manifest: externalSecret('db-v2', 'example', { target: { name: 'db' } }), file: 'repo/dist/payments/payments.yaml' }];
    expect(run(items, withPayments('apps'))).toEqual([]);
  });

  test('good: no Flux Kustomizations in the previous output', () => {
    const plain = (name: string) => [{ manifest: externalSecret(name, 'example', { target: { name: 'db' } }), file: 'x/es.yaml' }];
    expect(run(plain('db-v2'), plain('db'))).toEqual([]);
  });
});
