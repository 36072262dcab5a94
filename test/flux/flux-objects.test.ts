import { ApiObject, Chart, Duration, Testing } from 'cdk8s';
import {
  ExternalSecretsOperatorRelease, FluxGitRepository, FluxHealthCheckExpr, FluxHelmRelease, FluxHelmRepository,
  FluxKustomization, FluxObjectProps, FluxSource, GitRef, HelmCrdPolicy, HelmRepositoryType, VaultConfigOperatorRelease,
} from '../../src';
import { validateManifests } from '../../src/validation/engine';
import { fluxSpecRule } from '../../src/validation/rules/flux/flux-spec';

const byKind = (objs: any[], kind: string) => objs.filter(o => o.kind === kind);
const specErrors = (objs: any[]) => validateManifests(objs.map(manifest => ({ manifest })), { rules: [fluxSpecRule] }).diagnostics;

describe('FluxKustomization (kustomize.toolkit.fluxcd.io/v1)', () => {
  test('every field, explicitly', () => {
    const chart = Testing.chart();
    const controllers = FluxKustomization.fromKustomizationName(chart, 'ctl', 'controllers');
    const k = new FluxKustomization(chart, 'apps', {
      name: 'apps',
      source: FluxSource.gitRepository('flux-system'),
      path: './dist/apps',
      dependsOn: [controllers],
      interval: Duration.minutes(10),
      retryInterval: Duration.minutes(1),
      timeout: Duration.minutes(5),
      prune: true,
      wait: false,
      targetNamespace: 'example',
      healthChecks: [{ apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', name: 'db', namespace: 'example' }],
      healthCheckExprs: [FluxHealthCheckExpr.readyCondition('external-secrets.io/v1', 'ExternalSecret')],
      substitute: { cluster: 'prod' },
      substituteFrom: [{ kind: 'ConfigMap', name: 'cluster-vars', optional: true }],
      sopsSecretName: 'sops-age',
    });
    const [m] = Testing.synth(chart);
    expect(m.apiVersion).toBe('kustomize.toolkit.fluxcd.io/v1');
    expect(m.kind).toBe('Kustomization');
    expect(m.metadata).toEqual({ name: 'apps', namespace: 'flux-system' });
    expect(m.spec).toEqual({
      dependsOn: [{ name: 'controllers' }],
      interval: '10m',
      retryInterval: '1m',
      timeout: '5m',
      path: './dist/apps',
      prune: true,
      sourceRef: { kind: 'GitRepository', name: 'flux-system' },
      targetNamespace: 'example',
      wait: false,
      healthChecks: [{ apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', name: 'db', namespace: 'example' }],
      healthCheckExprs: [{
        apiVersion: 'external-secrets.io/v1',
        kind: 'ExternalSecret',
        failed: "status.conditions.filter(e, e.type == 'Ready').all(e, e.status == 'False')",
        current: "status.conditions.filter(e, e.type == 'Ready').all(e, e.status == 'True')",
      }],
      postBuild: { substitute: { cluster: 'prod' }, substituteFrom: [{ kind: 'ConfigMap', name: 'cluster-vars', optional: true }] },
      decryption: { provider: 'sops', secretRef: { name: 'sops-age' } },
    });
    expect(k.kustomizationName).toBe('apps');
    expect(specErrors([m])).toEqual([]);
  });

  test('healthChecks are not emitted when wait is true (Flux ignores them)', () => {
    const chart = Testing.chart();
    new FluxKustomization(chart, 'k', {
      name: 'k',
      source: FluxSource.ociRepository('manifests', { namespace: 'sources' }),
      path: './x',
      wait: true,
      healthChecks: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'd', namespace: 'n' }],
    });
    const [m] = Testing.synth(chart);
    expect(m.spec.healthChecks).toBeUndefined();
    expect(m.spec.wait).toBe(true);
    expect(m.spec.sourceRef).toEqual({ kind: 'OCIRepository', name: 'manifests', namespace: 'sources' });
    expect(m.spec.dependsOn).toBeUndefined();
  });

  test('defaults: interval 10m, timeout 5m, prune true, wait false; mutators', () => {
    const chart = Testing.chart();
    const a = new FluxKustomization(chart, 'a', { name: 'a', source: FluxSource.bucket('b'), path: './a' });
    const b = new FluxKustomization(chart, 'b', { name: 'b', source: FluxSource.bucket('b'), path: './b', namespace: 'other' });
    b.addDependsOn(a);
    b.addHealthCheck({ apiVersion: 'v1', kind: 'ConfigMap', name: 'c' });
    b.addHealthCheckExpr(FluxHealthCheckExpr.custom({ apiVersion: 'example.com/v1', kind: 'Thing', current: 'true', inProgress: 'false' }));
    const [ma, mb] = Testing.synth(chart);
    expect(ma.spec).toEqual({ interval: '10m', timeout: '5m', path: './a', prune: true, sourceRef: { kind: 'Bucket', name: 'b' }, wait: false });
    expect(mb.spec.dependsOn).toEqual([{ name: 'a', namespace: 'flux-system' }]);
    expect(mb.spec.healthChecks).toEqual([{ apiVersion: 'v1', kind: 'ConfigMap', name: 'c' }]);
    expect(mb.spec.healthCheckExprs).toEqual([{ apiVersion: 'example.com/v1', kind: 'Thing', inProgress: 'false', current: 'true' }]);
  });

  test('refuses paths outside the source and bad substitution variable names', () => {
    const chart = Testing.chart();
    expect(() => new FluxKustomization(chart, 'a', { source: FluxSource.bucket('b'), path: '../up' })).toThrow(/stay inside it/);
    expect(() => new FluxKustomization(chart, 'b', { source: FluxSource.bucket('b'), path: './x', substitute: { 'bad-name': 'x' } })).toThrow(/not a valid Flux variable name/);
  });

  test('FluxHealthCheckExpr.externalSecrets covers ExternalSecret, SecretStore, ClusterSecretStore, PushSecret, ClusterExternalSecret, ClusterPushSecret', () => {
    expect(FluxHealthCheckExpr.externalSecrets().map(e => `${e.apiVersion} ${e.kind}`)).toEqual([
      'external-secrets.io/v1 ExternalSecret',
      'external-secrets.io/v1 SecretStore',
      'external-secrets.io/v1 ClusterSecretStore',
      'external-secrets.io/v1alpha1 PushSecret',
      'external-secrets.io/v1 ClusterExternalSecret',
      'external-secrets.io/v1alpha1 ClusterPushSecret',
    ]);
  });
});

describe('Flux sources and Helm objects', () => {
  test('GitRepository (source.toolkit.fluxcd.io/v1)', () => {
    const chart = Testing.chart();
    const repo = new FluxGitRepository(chart, 'repo', {
      name: 'platform',
      url: 'ssh://git@example.com/org/platform',
      ref: GitRef.tag('v1.2.3'),
      interval: Duration.minutes(5),
      timeout: Duration.seconds(90),
      secretName: 'git-ssh',
      ignore: '/*\n!/dist\n',
    });
    const [m] = Testing.synth(chart);
    expect(m).toEqual({
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: 'platform', namespace: 'flux-system' },
      spec: { interval: '5m', timeout: '1m30s', url: 'ssh://git@example.com/org/platform', ref: { tag: 'v1.2.3' }, secretRef: { name: 'git-ssh' }, ignore: '/*\n!/dist\n' },
    });
    expect(repo.sourceName).toBe('platform');
    expect(GitRef.branch('main').toJson()).toEqual({ branch: 'main' });
    expect(GitRef.semver('>=1.0.0').toJson()).toEqual({ semver: '>=1.0.0' });
    expect(GitRef.commit('abc123').toJson()).toEqual({ commit: 'abc123' });
    expect(GitRef.refName('refs/heads/main').toJson()).toEqual({ name: 'refs/heads/main' });
    expect(() => new FluxGitRepository(chart, 'bad', { url: 'git@example.com:org/x' })).toThrow(/must start with https:\/\//);
    expect(specErrors([m])).toEqual([]);
  });

  test('HelmRepository and HelmRelease (helm.toolkit.fluxcd.io/v2)', () => {
    const chart = Testing.chart();
    const repo = new FluxHelmRepository(chart, 'repo', { name: 'podinfo', namespace: 'apps', url: 'https://stefanprodan.github.io/podinfo' });
    const oci = new FluxHelmRepository(chart, 'oci', { name: 'oci', namespace: 'apps', url: 'oci://ghcr.io/example/charts' });
    const base = new FluxHelmRelease(chart, 'base', { name: 'base', namespace: 'apps', chart: 'base', version: '1.0.0', repository: oci });
    new FluxHelmRelease(chart, 'rel', {
      namespace: 'apps',
      chart: 'podinfo',
      version: '6.5.4',
      repository: repo,
      interval: Duration.minutes(30),
      timeout: Duration.minutes(3),
      targetNamespace: 'web',
      releaseName: 'web-podinfo',
      createNamespace: true,
      crds: HelmCrdPolicy.SKIP,
      values: { replicaCount: 2 },
      dependsOn: [base],
      retries: 5,
    });
    const objs = Testing.synth(chart);
    const [r, o] = byKind(objs, 'HelmRepository');
    expect(r).toEqual({ apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'HelmRepository', metadata: { name: 'podinfo', namespace: 'apps' }, spec: { interval: '1h', url: 'https://stefanprodan.github.io/podinfo' } });
    expect(o.spec).toEqual({ type: HelmRepositoryType.OCI, url: 'oci://ghcr.io/example/charts' });
    const rel = byKind(objs, 'HelmRelease').find(x => x.metadata.name === 'podinfo');
    expect(rel).toEqual({
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name: 'podinfo', namespace: 'apps' },
      spec: {
        interval: '30m',
        timeout: '3m',
        chart: { spec: { chart: 'podinfo', version: '6.5.4', sourceRef: { kind: 'HelmRepository', name: 'podinfo', namespace: 'apps' } } },
        releaseName: 'web-podinfo',
        targetNamespace: 'web',
        install: { crds: 'Skip', createNamespace: true, remediation: { retries: 5 } },
        upgrade: { crds: 'Skip', remediation: { retries: 5 } },
        values: { replicaCount: 2 },
        dependsOn: [{ name: 'base', namespace: 'apps' }],
      },
    });
    expect(specErrors(objs)).toEqual([]);
    expect(() => new FluxHelmRepository(chart, 'mismatch', { url: 'https://x', type: HelmRepositoryType.OCI })).toThrow(/starts with oci:\/\//);
    expect(() => new FluxHelmRelease(chart, 'nover', { chart: 'x', version: '', repository: repo })).toThrow(/pin the chart version/);
  });

  test('ExternalSecretsOperatorRelease: chart external-secrets 2.9.0, CRDs with the chart, CreateReplace', () => {
    const chart = new Chart(Testing.app(), 'controllers', { namespace: 'flux-system' });
    const eso = new ExternalSecretsOperatorRelease(chart, 'eso');
    const objs = Testing.synth(chart);
    expect(objs.map(o => `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`)).toEqual([
      'Namespace /external-secrets',
      'HelmRepository external-secrets/external-secrets',
      'HelmRelease external-secrets/external-secrets',
    ]);
    const hr = byKind(objs, 'HelmRelease')[0];
    expect(hr.spec.chart.spec).toEqual({ chart: 'external-secrets', version: '2.9.0', sourceRef: { kind: 'HelmRepository', name: 'external-secrets', namespace: 'external-secrets' } });
    expect(hr.spec.install.crds).toBe('CreateReplace');
    expect(hr.spec.upgrade.crds).toBe('CreateReplace');
    expect(hr.spec.values).toEqual({ installCRDs: true });
    expect(byKind(objs, 'HelmRepository')[0].spec.url).toBe('https://charts.external-secrets.io');
    expect(eso.helmRelease.version).toBe(ExternalSecretsOperatorRelease.CHART_VERSION);
    expect(specErrors(objs)).toEqual([]);
  });

  test('VaultConfigOperatorRelease: redhat-cop chart, cert-manager on, VAULT_ADDR', () => {
    const chart = Testing.chart();
    new VaultConfigOperatorRelease(chart, 'vco', { vaultAddress: 'https://vault.example.internal:8200', createNamespace: false });
    const objs = Testing.synth(chart);
    expect(objs.map(o => o.kind)).toEqual(['HelmRepository', 'HelmRelease']);
    const hr = byKind(objs, 'HelmRelease')[0];
    expect(hr.metadata).toEqual({ name: 'vault-config-operator', namespace: 'vault-config-operator' });
    expect(hr.spec.chart.spec.chart).toBe('vault-config-operator');
    expect(hr.spec.chart.spec.version).toBe(VaultConfigOperatorRelease.CHART_VERSION);
    expect(hr.spec.values).toEqual({ enableCertManager: true, env: [{ name: 'VAULT_ADDR', value: 'https://vault.example.internal:8200' }] });
    expect(byKind(objs, 'HelmRepository')[0].spec.url).toBe('https://redhat-cop.github.io/vault-config-operator');
  });

  test('the raw L1 objects are ApiObjects', () => {
    const chart = Testing.chart();
    const k = new FluxKustomization(chart, 'k', { source: FluxSource.gitRepository('flux-system'), path: './x' });
    expect(k.apiObject).toBeInstanceOf(ApiObject);
    expect(ApiObject.of(k)).toBe(k.apiObject);
  });

  test('FluxObjectProps: name and namespace, the same for Kustomization, GitRepository and HelmRepository', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'apps' });
    const at = (name: string): FluxObjectProps => ({ name, namespace: 'platform' });
    const git = new FluxGitRepository(chart, 'git', { ...at('repo'), url: 'https://git.example.internal/repo.git' });
    const helm = new FluxHelmRepository(chart, 'helm', { ...at('charts'), url: 'https://charts.example.internal' });
    const ks = new FluxKustomization(chart, 'ks', { ...at('apps'), source: git, path: './dist' });
    expect([git.name, git.sourceNamespace, helm.name, helm.repositoryNamespace, ks.name, ks.kustomizationNamespace])
      .toEqual(['repo', 'platform', 'charts', 'platform', 'apps', 'platform']);
    const dflt = new FluxHelmRepository(chart, 'd', { url: 'https://charts.example.internal' });
    expect(dflt.metadata.namespace).toBe('apps');
  });

  test('fromKustomizationName / fromHelmRepositoryName: namespace option, default flux-system', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'apps' });
    const ks = FluxKustomization.fromKustomizationName(chart, 'ks', 'infra');
    const ksNs = FluxKustomization.fromKustomizationName(chart, 'ks2', 'infra', { namespace: 'platform' });
    expect([ks.kustomizationName, ks.kustomizationNamespace]).toEqual(['infra', 'flux-system']);
    expect([ksNs.kustomizationName, ksNs.kustomizationNamespace]).toEqual(['infra', 'platform']);
    const repo = FluxHelmRepository.fromHelmRepositoryName(chart, 'repo', 'podinfo');
    const repoNs = FluxHelmRepository.fromHelmRepositoryName(chart, 'repo2', 'podinfo', { namespace: 'apps' });
    expect([repo.repositoryName, repo.repositoryNamespace]).toEqual(['podinfo', 'flux-system']);
    expect(repoNs.repositoryNamespace).toBe('apps');
    new FluxKustomization(chart, 'apps', { name: 'apps', source: FluxSource.gitRepository('flux-system'), path: './x', dependsOn: [ks, ksNs] });
    new FluxHelmRelease(chart, 'rel', { chart: 'podinfo', version: '6.5.4', repository: repo });
    const objs = Testing.synth(chart);
    expect(byKind(objs, 'Kustomization')[0].spec.dependsOn).toEqual([
      { name: 'infra', namespace: 'flux-system' },
      { name: 'infra', namespace: 'platform' },
    ]);
    expect(byKind(objs, 'HelmRelease')[0].spec.chart.spec.sourceRef).toEqual({ kind: 'HelmRepository', name: 'podinfo', namespace: 'flux-system' });
  });
});
