import { ks, run } from './fixtures';
import { fluxHealthCheckApiVersionRule } from '../../../../src/validation/rules/flux/flux-hc-api-version';

describe('ESO-FLUX-HC-API-VERSION', () => {
  test('bad: healthChecks pinned to external-secrets.io/v1beta1', () => {
    const m = ks('apps', './a', { wait: false, healthChecks: [{ apiVersion: 'external-secrets.io/v1beta1', kind: 'ExternalSecret', name: 'db', namespace: 'x' }] });
    const d = run(fluxHealthCheckApiVersionRule, [{ manifest: m }]);
    expect(d).toHaveLength(1);
    expect(d[0].severity).toBe('warning');
    expect(d[0].field).toBe('spec.healthChecks[0].apiVersion');
    expect(d[0].message).toContain('external-secrets.io/v1beta1');
    expect(d[0].fix).toBe('use apiVersion: external-secrets.io/v1');
  });

  test('bad: healthCheckExprs with an unserved PushSecret version', () => {
    const m = ks('apps', './a', { healthCheckExprs: [{ apiVersion: 'external-secrets.io/v1', kind: 'PushSecret', current: 'true' }] });
    const d = run(fluxHealthCheckApiVersionRule, [{ manifest: m }]);
    expect(d).toHaveLength(1);
    expect(d[0].fix).toBe('use apiVersion: external-secrets.io/v1alpha1');
  });

  test('good: served versions and foreign groups', () => {
    const m = ks('apps', './a', {
      wait: false,
      healthChecks: [
        { apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', name: 'db', namespace: 'x' },
        { apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', name: 'eso', namespace: 'x' },
      ],
    });
    expect(run(fluxHealthCheckApiVersionRule, [{ manifest: m }])).toEqual([]);
  });
});
