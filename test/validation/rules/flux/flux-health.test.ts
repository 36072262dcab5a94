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

describe('ESO-FLUX-HEALTH: ClusterExternalSecret and ClusterPushSecret', () => {
  const ces = {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ClusterExternalSecret',
    metadata: { name: 'tls-replicas' },
    spec: { namespaces: ['dex'], externalSecretSpec: { secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' }, data: [{ secretKey: 'k', remoteRef: { key: 'tls', property: 'k' } }] } },
  };
  const cps = {
    apiVersion: 'external-secrets.io/v1alpha1',
    kind: 'ClusterPushSecret',
    metadata: { name: 'push-all' },
    spec: { namespaceSelectors: [{ matchLabels: { push: 'yes' } }], pushSecretSpec: { secretStoreRefs: [{ kind: 'ClusterSecretStore', name: 'vault' }], selector: { secret: { name: 'db' } }, data: [{ match: { secretKey: 'password', remoteRef: { remoteKey: 'db' } } }] } },
  };
  const withCluster = (configs: Record<string, any>) => [
    ...layered({ configs, apps: { healthCheckExprs: exprs } }),
    { manifest: ces, file: 'repo/dist/configs/replicas.yaml' },
    { manifest: cps, file: 'repo/dist/configs/replicas.yaml' },
  ];

  test('bad: a layer waiting on them with only the older ESO expressions', () => {
    const old = exprs.filter(e => e.kind !== 'ClusterExternalSecret' && e.kind !== 'ClusterPushSecret');
    const d = run(fluxHealthRule, withCluster({ healthCheckExprs: old }));
    expect(d).toHaveLength(1);
    expect(d[0].object.name).toBe('configs');
    expect(d[0].message).toContain('health-checks ClusterExternalSecret, ClusterPushSecret objects without healthCheckExprs');
  });

  test('good: FluxHealthCheckExpr.externalSecrets() covers them', () => {
    expect(run(fluxHealthRule, withCluster({ healthCheckExprs: exprs }))).toEqual([]);
  });
});
