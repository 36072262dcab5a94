import { Manifest } from '../../../../src/model/manifest';
import { validateManifests } from '../../../../src/validation/engine';
import { apiVersionRule } from '../../../../src/validation/rules/core/api-version';

const run = (m: Manifest) => validateManifests([{ manifest: m }], { rules: [apiVersionRule] }).diagnostics;

describe('ESO-API-VERSION', () => {
  test('v1beta1 (unserved since ESO 0.17) is an error pointing at v1', () => {
    const d = run({ apiVersion: 'external-secrets.io/v1beta1', kind: 'ExternalSecret', metadata: { name: 'x', namespace: 'a' } });
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-API-VERSION', field: 'apiVersion', severity: 'error' });
    expect(d[0].fix).toBe('use apiVersion: external-secrets.io/v1');
  });

  test('PushSecret only exists as v1alpha1', () => {
    const d = run({ apiVersion: 'external-secrets.io/v1', kind: 'PushSecret', metadata: { name: 'x', namespace: 'a' } });
    expect(d[0].fix).toBe('use apiVersion: external-secrets.io/v1alpha1');
  });

  test('an unknown kind in a known group is reported', () => {
    expect(run({ apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'Passwrod', metadata: { name: 'x' } })[0].message).toMatch(/does not exist/);
  });

  test('served versions and foreign groups pass', () => {
    expect(run({ apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'x' } })).toEqual([]);
    expect(run({ apiVersion: 'external-secrets.io/v1alpha1', kind: 'PushSecret', metadata: { name: 'x' } })).toEqual([]);
    expect(run({ apiVersion: 'example.com/v9', kind: 'Thing', metadata: { name: 'x' } })).toEqual([]);
  });
});
