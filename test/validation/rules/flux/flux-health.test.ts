import { layered, run } from './fixtures';
import { FluxHealthCheckExpr } from '../../../../src/flux/health-check';
import { fluxHealthRule } from '../../../../src/validation/rules/flux/flux-health';

const exprs = FluxHealthCheckExpr.externalSecrets().map(e => e.toJson());

describe('ESO-FLUX-HEALTH', () => {
  test('good: wait + healthCheckExprs for the ESO kinds', () => {
    expect(run(fluxHealthRule, layered({ configs: { healthCheckExprs: exprs }, apps: { healthCheckExprs: exprs } }))).toEqual([]);
  });

  test('bad: wait on ExternalSecrets without healthCheckExprs', () => {
    const d = run(fluxHealthRule, layered({ configs: { healthCheckExprs: exprs } }));
    expect(d).toHaveLength(1);
    expect(d[0].ruleId).toBe('ESO-FLUX-HEALTH');
    expect(d[0].object.name).toBe('apps');
    expect(d[0].field).toBe('spec.healthCheckExprs');
    expect(d[0].message).toContain('health-checks ExternalSecret objects without healthCheckExprs');
    expect(d[0].message).toContain('"InProgress"');
  });

  test('bad: healthChecks ignored with wait: true', () => {
    const checks = [{ apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', name: 'db', namespace: 'example' }];
    const d = run(fluxHealthRule, layered({ configs: { healthCheckExprs: exprs }, apps: { healthCheckExprs: exprs, healthChecks: checks } }));
    expect(d).toHaveLength(1);
    expect(d[0].field).toBe('spec.healthChecks');
    expect(d[0].message).toContain('Flux ignores its 1 healthChecks entry');
  });

  test('bad: expressions that never run', () => {
    const d = run(fluxHealthRule, layered({ configs: { healthCheckExprs: exprs }, apps: { wait: false, healthCheckExprs: exprs } }));
    expect(d).toHaveLength(1);
    expect(d[0].message).toContain('never evaluated');
  });

  test('good: healthChecks (wait false) naming the ExternalSecret, with expressions', () => {
    const checks = [{ apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', name: 'db', namespace: 'example' }];
    const items = layered({ configs: { healthCheckExprs: exprs }, apps: { wait: false, healthChecks: checks, healthCheckExprs: exprs } });
    expect(run(fluxHealthRule, items)).toEqual([]);
  });
});
