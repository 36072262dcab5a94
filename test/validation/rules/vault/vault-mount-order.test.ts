import { role } from './helpers';
import { SourcedManifest } from '../../../../src/model/manifest';
import { validateManifests } from '../../../../src/validation/engine';
import { vaultMountOrderRule as rule } from '../../../../src/validation/rules/vault/vault-mount-order';
import { ks } from '../flux/fixtures';

const login = { path: 'vault-config-operator', role: 'vault-admin', serviceAccount: { name: 'default' } };
const mount = {
  apiVersion: 'redhatcop.redhat.io/v1alpha1',
  kind: 'AuthEngineMount',
  metadata: { name: 'kubernetes', namespace: 'vault-admin' },
  spec: { authentication: login, type: 'kubernetes', path: '' },
};

function layers(mountLayer: 'configs' | 'apps' | 'bootstrap'): SourcedManifest[] {
  return [
    { manifest: ks('bootstrap', './repo/dist/bootstrap'), file: 'repo/dist/flux/bootstrap.yaml' },
    { manifest: ks('configs', './repo/dist/configs', { dependsOn: [{ name: 'bootstrap' }] }), file: 'repo/dist/flux/configs.yaml' },
    { manifest: ks('apps', './repo/dist/apps', { dependsOn: [{ name: 'configs' }] }), file: 'repo/dist/flux/apps.yaml' },
    { manifest: mount, file: `repo/dist/${mountLayer}/vault.yaml` },
    { manifest: role(), file: 'repo/dist/configs/roles.yaml' },
  ];
}
const run = (items: SourcedManifest[]) => validateManifests(items, { rules: [rule] }).diagnostics;

describe('ESO-VAULT-MOUNT-ORDER', () => {
  test('bad: the role\'s auth mount is applied by a later layer', () => {
    const d = run(layers('apps'));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ severity: 'warning', field: 'spec.path', object: { kind: 'KubernetesAuthEngineRole', name: 'eso' } });
    expect(d[0].message).toContain('KubernetesAuthEngineRole vault-admin/eso is on auth/kubernetes, whose AuthEngineMount is applied by Kustomization flux-system/apps, which Kustomization flux-system/configs does not depend on');
    expect(d[0].fix).toContain('dependsOn: [{name: apps}]');
  });

  test('good: same layer, or a layer the role\'s layer depends on; no layers; mount not in the app', () => {
    expect(run(layers('configs'))).toEqual([]);
    expect(run(layers('bootstrap'))).toEqual([]);
    expect(run([{ manifest: mount }, { manifest: role() }])).toEqual([]);
    expect(run(layers('apps').filter(i => i.manifest !== mount))).toEqual([]);
  });
});
