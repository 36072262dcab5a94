import { Chart, Testing } from 'cdk8s';
import * as eso from '../../../../src';
import { Manifest } from '../../../../src/model/manifest';
import { validateManifests } from '../../../../src/validation/engine';
import { duplicateObjectRule } from '../../../../src/validation/rules/core/duplicate-object';

const cm = (name: string, namespace?: string): Manifest => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ...(namespace ? { namespace } : {}) } });
const run = (items: Array<{ manifest: Manifest; file?: string; appliedBy?: string }>) =>
  validateManifests(items, { rules: [duplicateObjectRule] }).diagnostics;

describe('ESO-DUPLICATE-OBJECT', () => {
  test('bad: the same group, kind, namespace and name twice in one app names both places', () => {
    const d = run([{ manifest: cm('a', 'apps'), file: 'x.yaml' }, { manifest: cm('a', 'apps'), file: 'y.yaml' }]);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-DUPLICATE-OBJECT', severity: 'error', file: 'y.yaml', field: 'metadata.name' });
    expect(d[0].message).toContain('ConfigMap apps/a is defined twice (the other one: x.yaml)');
  });

  test('good: another name, namespace, kind or group; kustomization files are not objects', () => {
    const kfile = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', metadata: { name: 'k' } };
    expect(run([
      { manifest: cm('a', 'apps') }, { manifest: cm('b', 'apps') }, { manifest: cm('a', 'other') },
      { manifest: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'a', namespace: 'apps' } } },
      { manifest: kfile }, { manifest: kfile },
    ])).toEqual([]);
  });

  test('repository mode: the identity is per Flux Kustomization (each is its own build)', () => {
    expect(run([{ manifest: cm('a', 'apps'), appliedBy: 'flux-system/one' }, { manifest: cm('a', 'apps'), appliedBy: 'flux-system/two' }])).toEqual([]);
    const d = run([{ manifest: cm('a', 'apps'), appliedBy: 'flux-system/one' }, { manifest: cm('a', 'apps'), appliedBy: 'flux-system/one' }]);
    expect(d.map(x => x.message)).toEqual([expect.stringContaining('in Flux Kustomization flux-system/one')]);
  });

  test('at synth: two Vault policies with one name in one namespace are refused with the construct path', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'vault', { namespace: 'vault-admin' });
    new eso.VaultPolicy(chart, 'one', { policyName: 'external-secrets', rules: [{ path: 'kv/data/a', capabilities: [eso.VaultCapability.READ] }] });
    new eso.VaultPolicy(chart, 'two', { policyName: 'external-secrets', rules: [{ path: 'kv/data/b', capabilities: [eso.VaultCapability.READ] }] });
    let message = '';
    try {
      app.synth();
    } catch (e: any) {
      message = e.message;
    }
    expect(message).toContain('ESO-DUPLICATE-OBJECT');
    expect(message).toContain('is defined twice (the other one: vault/one)');
  });
});
