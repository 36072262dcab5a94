import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart } from 'cdk8s';
import { externalSecret, ks, layered, run } from './fixtures';
import { validateCommand } from '../../../../src/cli/validate-command';
import { FluxLayout, FluxSource } from '../../../../src/flux';
import { Manifest, SourcedManifest } from '../../../../src/model/manifest';
import { fluxSecretDeadlockRule } from '../../../../src/validation/rules/flux/flux-secret-deadlock';
import { vaultClusterStore } from '../../../support/manifests';

/** The ExternalSecret `token` (namespace example) in the apps layer, and `m` in the configs layer. */
function inConfigs(m: Manifest, options: { configs?: Record<string, any>; esIn?: string; extra?: SourcedManifest[] } = {}): SourcedManifest[] {
  const items = layered({ configs: options.configs }).filter(i => i.manifest.kind !== 'ExternalSecret');
  return [
    ...items,
    { manifest: externalSecret('token', 'example'), file: `repo/dist/${options.esIn ?? 'apps'}/apps.yaml` },
    { manifest: m, file: 'repo/dist/configs/consumer.yaml' },
    ...(options.extra ?? []),
  ];
}

const source = (kind: string, apiVersion = 'source.toolkit.fluxcd.io/v1'): Manifest => ({
  apiVersion,
  kind,
  metadata: { name: 'charts', namespace: 'example' },
  spec: { interval: '10m', url: 'https://git.example.internal/charts.git', secretRef: { name: 'token' } },
});

const podSpec = (extra: Record<string, any>) => ({ containers: [{ name: 'app', image: 'registry.example.internal/app:1', ...extra.container }], ...extra.pod });
const workload = (kind: string, extra: Record<string, any>): Manifest => {
  const spec = podSpec(extra);
  const template = { metadata: { labels: { app: 'app' } }, spec };
  const bodies: Record<string, any> = {
    Deployment: { apiVersion: 'apps/v1', spec: { selector: { matchLabels: { app: 'app' } }, template } },
    StatefulSet: { apiVersion: 'apps/v1', spec: { serviceName: 'app', selector: { matchLabels: { app: 'app' } }, template } },
    DaemonSet: { apiVersion: 'apps/v1', spec: { selector: { matchLabels: { app: 'app' } }, template } },
    Job: { apiVersion: 'batch/v1', spec: { template: { spec: { ...spec, restartPolicy: 'Never' } } } },
    CronJob: { apiVersion: 'batch/v1', spec: { schedule: '@daily', jobTemplate: { spec: { template: { spec: { ...spec, restartPolicy: 'Never' } } } } } },
    Pod: { apiVersion: 'v1', spec },
  };
  const body = bodies[kind];
  return { apiVersion: body.apiVersion, kind, metadata: { name: 'app', namespace: 'example' }, spec: body.spec };
};

describe('ESO-FLUX-SECRET-DEADLOCK', () => {
  test.each([
    ['GitRepository', source('GitRepository'), 'spec.secretRef.name'],
    ['HelmRepository', source('HelmRepository'), 'spec.secretRef.name'],
    ['OCIRepository', source('OCIRepository', 'source.toolkit.fluxcd.io/v1beta2'), 'spec.secretRef.name'],
  ])('bad: a %s secretRef in configs, the ExternalSecret in apps (dependsOn configs)', (_kind, m, field) => {
    const d = run(fluxSecretDeadlockRule, inConfigs(m));
    expect(d).toHaveLength(1);
    expect(d[0].ruleId).toBe('ESO-FLUX-SECRET-DEADLOCK');
    expect(d[0].severity).toBe('error');
    expect(d[0].field).toBe(field);
    expect(d[0].message).toContain('needs Secret "example/token", which only ExternalSecret example/token writes, in Kustomization flux-system/apps');
    expect(d[0].message).toContain('a deadlock');
    expect(d[0].fix).toContain('move ExternalSecret example/token into Kustomization flux-system/configs');
  });

  test('bad: HelmRelease valuesFrom a Secret (not optional)', () => {
    const hr: Manifest = {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name: 'app', namespace: 'example' },
      spec: { interval: '1h', chart: { spec: { chart: 'app', sourceRef: { kind: 'HelmRepository', name: 'charts' } } }, valuesFrom: [{ kind: 'ConfigMap', name: 'token' }, { kind: 'Secret', name: 'token', valuesKey: 'values.yaml' }] },
    };
    const d = run(fluxSecretDeadlockRule, inConfigs(hr));
    expect(d.map(x => x.field)).toEqual(['spec.valuesFrom[1].name']);
    // optional values: the release installs without them
    hr.spec.valuesFrom[1].optional = true;
    expect(run(fluxSecretDeadlockRule, inConfigs(hr))).toEqual([]);
  });

  test.each([
    ['env secretKeyRef', { container: { env: [{ name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'token', key: 'password' } } }] } }, 'containers[0].env[0].valueFrom.secretKeyRef.name'],
    ['envFrom secretRef', { container: { envFrom: [{ secretRef: { name: 'token' } }] } }, 'containers[0].envFrom[0].secretRef.name'],
    ['secret volume', { pod: { volumes: [{ name: 'v', secret: { secretName: 'token' } }] } }, 'volumes[0].secret.secretName'],
    ['projected secret', { pod: { volumes: [{ name: 'v', projected: { sources: [{ secret: { name: 'token' } }] } }] } }, 'volumes[0].projected.sources[0].secret.name'],
    ['imagePullSecrets', { pod: { imagePullSecrets: [{ name: 'token' }] } }, 'imagePullSecrets[0].name'],
  ])('bad: a Deployment with %s', (_what, extra, field) => {
    const d = run(fluxSecretDeadlockRule, inConfigs(workload('Deployment', extra)));
    expect(d).toHaveLength(1);
    expect(d[0].field).toBe(`spec.template.spec.${field}`);
    expect(d[0].severity).toBe('error');
  });

  test.each(['StatefulSet', 'DaemonSet', 'Job', 'Pod'])('bad: a %s with envFrom', kind => {
    const d = run(fluxSecretDeadlockRule, inConfigs(workload(kind, { container: { envFrom: [{ secretRef: { name: 'token' } }] } })));
    expect(d).toHaveLength(1);
    expect(d[0].severity).toBe('error');
  });

  test('a CronJob: Flux does not wait for it, so its Jobs fail until the later layer applies (warning)', () => {
    const d = run(fluxSecretDeadlockRule, inConfigs(workload('CronJob', { container: { envFrom: [{ secretRef: { name: 'token' } }] } })));
    expect(d).toHaveLength(1);
    expect(d[0].severity).toBe('warning');
    expect(d[0].field).toBe('spec.jobTemplate.spec.template.spec.containers[0].envFrom[0].secretRef.name');
    expect(d[0].message).toContain('does not wait for it, but it fails until apps has written the Secret');
  });

  test('a layer that does not wait (wait: false, not in healthChecks): a warning, not a deadlock', () => {
    const d = run(fluxSecretDeadlockRule, inConfigs(source('GitRepository'), { configs: { wait: false } }));
    expect(d).toHaveLength(1);
    expect(d[0].severity).toBe('warning');
    // listed in healthChecks: waited for, so a deadlock again
    const checks = [{ apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository', name: 'charts', namespace: 'example' }];
    expect(run(fluxSecretDeadlockRule, inConfigs(source('GitRepository'), { configs: { wait: false, healthChecks: checks } }))[0].severity).toBe('error');
  });

  test('good: the ExternalSecret in the same layer, or in one the consumer depends on', () => {
    expect(run(fluxSecretDeadlockRule, inConfigs(source('GitRepository'), { esIn: 'configs' }))).toEqual([]);
    expect(run(fluxSecretDeadlockRule, inConfigs(source('GitRepository'), { esIn: 'controllers' }))).toEqual([]);
  });

  test('good: optional references, another namespace, and a Secret that an earlier layer also writes', () => {
    const optional = workload('Deployment', {
      container: { env: [{ name: 'T', valueFrom: { secretKeyRef: { name: 'token', key: 'k', optional: true } } }], envFrom: [{ secretRef: { name: 'token', optional: true } }] },
      pod: { volumes: [{ name: 'v', secret: { secretName: 'token', optional: true } }] },
    });
    expect(run(fluxSecretDeadlockRule, inConfigs(optional))).toEqual([]);
    expect(run(fluxSecretDeadlockRule, inConfigs({ ...source('GitRepository'), metadata: { name: 'charts', namespace: 'other' } }))).toEqual([]);
    const seeded: Manifest = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'token', namespace: 'example' }, type: 'Opaque' };
    expect(run(fluxSecretDeadlockRule, inConfigs(source('GitRepository'), { extra: [{ manifest: seeded, file: 'repo/dist/controllers/seed.yaml' }] }))).toEqual([]);
  });

  test('good: unrelated layers (neither depends on the other) are not a deadlock', () => {
    const items: SourcedManifest[] = [
      { manifest: ks('a', './repo/dist/a'), file: 'repo/dist/flux/a.yaml' },
      { manifest: ks('b', './repo/dist/b'), file: 'repo/dist/flux/b.yaml' },
      { manifest: source('GitRepository'), file: 'repo/dist/a/x.yaml' },
      { manifest: externalSecret('token', 'example'), file: 'repo/dist/b/x.yaml' },
    ];
    expect(run(fluxSecretDeadlockRule, items)).toEqual([]);
  });

  test('good: an ExternalSecret with creationPolicy Merge writes no Secret of its own, so it is not the writer', () => {
    const merge = externalSecret('token', 'example', { target: { name: 'token', creationPolicy: 'Merge' } });
    const items = inConfigs(source('GitRepository')).map(i => (i.manifest.kind === 'ExternalSecret' ? { ...i, manifest: merge } : i));
    expect(run(fluxSecretDeadlockRule, items)).toEqual([]);
  });

  test('a ClusterExternalSecret in a later layer writing into the namespace counts as the writer', () => {
    const ces: Manifest = {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ClusterExternalSecret',
      metadata: { name: 'tokens' },
      spec: { namespaces: ['example'], externalSecretName: 'token', externalSecretSpec: { secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' }, data: [] } },
    };
    const items = inConfigs(source('GitRepository')).filter(i => i.manifest.kind !== 'ExternalSecret');
    items.push({ manifest: ces, file: 'repo/dist/apps/apps.yaml' });
    const d = run(fluxSecretDeadlockRule, items);
    expect(d).toHaveLength(1);
    expect(d[0].message).toContain('which only ClusterExternalSecret tokens writes');
  });

  describe('synth (FluxLayout) and repository mode (CLI)', () => {
    const deadlocked = (outdir: string) => {
      const app = new App({ outdir });
      const layout = new FluxLayout(app, 'flux', { source: FluxSource.gitRepository('flux-system'), repositoryPath: 'clusters/prod' });
      const configs = new Chart(app, 'configs', { namespace: 'example' });
      new ApiObject(configs, 'charts', source('GitRepository') as any);
      new ApiObject(configs, 'vault', vaultClusterStore());
      layout.configs.add(configs);
      const apps = new Chart(app, 'apps', { namespace: 'example' });
      new ApiObject(apps, 'token', externalSecret('token', 'example') as any);
      layout.apps.add(apps);
      return layout;
    };

    test('bad: the synth refuses it and names the construct', () => {
      const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'deadlock-'));
      expect(() => deadlocked(outdir).synthFiles()).toThrow(/ESO-FLUX-SECRET-DEADLOCK[\s\S]*configs\/charts \(GitRepository example\/charts\)/);
    });

    test('bad: the CLI finds it in the written files (origin from the Flux Kustomizations)', () => {
      const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deadlock-')), 'clusters', 'prod');
      const layout = deadlocked(outdir);
      // a valid synth first (the ExternalSecret in configs), then the ExternalSecret moved to apps/ by hand
      const app = layout.node.root as App;
      const apps = app.node.findChild('apps') as Chart;
      apps.node.tryRemoveChild('token');
      new ApiObject(apps, 'other', externalSecret('other', 'example') as any);
      new ApiObject(app.node.findChild('configs') as Chart, 'token', externalSecret('token', 'example') as any);
      const files = layout.synthFiles();
      for (const [f, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(outdir, f)), { recursive: true });
        fs.writeFileSync(path.join(outdir, f), text);
      }
      const lines: string[] = [];
      expect(validateCommand([outdir], { out: l => lines.push(l) })).toBe(0);
      const cfg = path.join(outdir, 'configs', 'configs.yaml');
      const docs = fs.readFileSync(cfg, 'utf8').split(/^---\n/m);
      const es = docs.find(d => d.includes('kind: ExternalSecret'))!;
      fs.writeFileSync(cfg, docs.filter(d => d !== es).join('---\n'));
      fs.appendFileSync(path.join(outdir, 'apps', 'apps.yaml'), `---\n${es}`);
      lines.length = 0;
      expect(validateCommand([outdir], { out: l => lines.push(l) })).toBe(1);
      expect(lines.join('\n')).toContain('ESO-FLUX-SECRET-DEADLOCK');
      expect(lines.join('\n')).toContain('needs Secret "example/token", which only ExternalSecret example/token writes, in Kustomization flux-system/apps');
    });
  });
});
