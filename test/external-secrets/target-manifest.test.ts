import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as eso from '../../src';
import { secretInventory } from '../../src/model/inventory';
import { validateManifests } from '../../src/validation/engine';

function setup() {
  const app = Testing.app();
  const configs = new Chart(app, 'configs');
  const chart = new Chart(app, 'apps', { namespace: 'shop' });
  const vault = new eso.ClusterSecretStore(configs, 'vault', {
    metadata: { name: 'vault' },
    provider: eso.SecretStoreProvider.vault({ server: 'https://vault.example.internal:8200', kv: eso.VaultKv.v2('secret'), auth: eso.VaultAuth.kubernetes({ role: 'external-secrets' }) }),
  });
  return { app, configs, chart, vault };
}

/** Every registered rule over what the app synthesizes. */
function validateApp(app: ReturnType<typeof Testing.app>) {
  return validateManifests(app.charts.flatMap(c => c.toJson()).map((manifest: any) => ({ manifest })));
}

const es = (target: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'external-secrets.io/v1',
  kind: 'ExternalSecret',
  metadata: { name: 'app-config', namespace: 'shop' },
  spec: { secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' }, refreshInterval: '1h', target, data: [{ secretKey: 'LOG_LEVEL', remoteRef: { key: 'shop/config', property: 'log-level' } }], ...extra },
});

describe('target.manifest: an ExternalSecret that writes a ConfigMap or another kind', () => {
  test('ConfigMap target: typed apiVersion + kind, a templateFrom rendering into a path; valid against the pinned CRD', () => {
    const { app, chart, vault } = setup();
    const cm = new eso.ExternalSecret(chart, 'config', {
      metadata: { name: 'app-config' },
      store: vault,
      target: { manifest: eso.TargetManifest.configMap() },
      data: [eso.SecretValue.fromProperty('LOG_LEVEL', 'shop/config', 'log-level')],
      template: eso.SecretTemplate.of({ templateFrom: [eso.TemplateFrom.literal('app.yaml: "level: {{ .LOG_LEVEL }}"', { targetPath: 'data' })] }),
    });
    const [m] = Testing.synth(chart);
    expect(m.spec.target).toEqual({
      name: 'app-config',
      creationPolicy: 'Owner',
      manifest: { apiVersion: 'v1', kind: 'ConfigMap' },
      template: { engineVersion: 'v2', templateFrom: [{ literal: 'app.yaml: "level: {{ .LOG_LEVEL }}"', target: 'data' }] },
    });
    const r = validateApp(app);
    expect(r.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
    // workloads get the ConfigMap, never a Secret of that name
    expect(cm.targetConfigMap.name).toBe('app-config');
    expect(() => cm.targetSecret).toThrow(/writes a ConfigMap \(target\.manifest\), not a Secret; use targetConfigMap/);
    const pod = new kplus.Deployment(chart, 'web', { containers: [{ image: 'nginx', securityContext: { ensureNonRoot: false } }] });
    pod.addVolume(kplus.Volume.fromConfigMap(chart, 'cfg', cm.targetConfigMap));
  });

  test('ClusterExternalSecret with a custom kind and a nested path; the default target still has no manifest', () => {
    const { app, chart, vault } = setup();
    new eso.ClusterExternalSecret(chart, 'apps', {
      metadata: { name: 'argo-values' },
      store: vault,
      namespaces: ['argocd'],
      target: { name: 'shop', manifest: eso.TargetManifest.of('argoproj.io/v1alpha1', 'Application') },
      data: [eso.SecretValue.fromProperty('replicas', 'shop/config', 'replicas')],
      template: eso.SecretTemplate.of({ templateFrom: [eso.TemplateFrom.literal('replicaCount: {{ .replicas }}', { targetPath: 'spec.source.helm.valuesObject' })] }),
    });
    new eso.ExternalSecret(chart, 'plain', { metadata: { name: 'plain' }, store: vault, data: [eso.SecretValue.fromProperty('a', 'shop/a', 'a')] });
    const [ces, plain] = Testing.synth(chart);
    expect(ces.spec.externalSecretSpec.target.manifest).toEqual({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application' });
    expect(ces.spec.externalSecretSpec.target.template.templateFrom[0].target).toBe('spec.source.helm.valuesObject');
    expect(plain.spec.target.manifest).toBeUndefined();
    expect(validateApp(app).diagnostics.filter(d => d.severity === 'error')).toEqual([]);
    expect(eso.TargetManifest.secret().isSecret).toBe(true);
    expect(eso.TargetManifest.configMap().isSecret).toBe(false);
  });

  test('bad input: a path into a Secret target, target and targetPath together, a path that is no path, an empty kind', () => {
    const { chart, vault } = setup();
    new eso.ExternalSecret(chart, 'bad', {
      metadata: { name: 'bad' },
      store: vault,
      data: [eso.SecretValue.fromProperty('a', 'shop/a', 'a')],
      template: eso.SecretTemplate.of({ templateFrom: [eso.TemplateFrom.literal('x: y', { targetPath: 'spec.data' })] }),
    });
    expect(() => Testing.synth(chart)).toThrow(/ESO-ES-TEMPLATE-FROM-TARGET/);
    expect(() => eso.TemplateFrom.literal('x', { target: eso.TemplateTarget.DATA, targetPath: 'data' })).toThrow(/either target \(Data\) or targetPath \("data"\), not both/);
    expect(() => eso.TemplateFrom.literal('x', { targetPath: 'spec..x' })).toThrow(/must be a dotted path/);
    expect(() => eso.TargetManifest.of('v1', '')).toThrow(/non-empty/);
    const { chart: c2, vault: v2 } = setup();
    const secretEs = new eso.ExternalSecret(c2, 's', { store: v2, data: [eso.SecretValue.fromProperty('a', 'shop/a', 'a')] });
    expect(() => secretEs.targetConfigMap).toThrow(/writes a Secret, not a ConfigMap/);
  });

  test('the pinned CRD: manifest needs apiVersion and kind; a nested templateFrom path is refused only for Secret targets', () => {
    const store = {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ClusterSecretStore',
      metadata: { name: 'vault' },
      spec: { provider: { vault: { server: 'https://vault.example.internal:8200', path: 'secret', version: 'v2', auth: { kubernetes: { mountPath: 'kubernetes', role: 'eso' } } } } },
    };
    const errors = (m: any) => validateManifests([{ manifest: store }, { manifest: m }]).diagnostics.filter(d => d.severity === 'error');
    expect(errors(es({ name: 'app-config', manifest: { apiVersion: 'v1', kind: 'ConfigMap' } }))).toEqual([]);
    const noKind = errors(es({ name: 'app-config', manifest: { apiVersion: 'v1' } }));
    expect(noKind.map(d => d.ruleId)).toContain('ESO-SCHEMA');
    expect(noKind.some(d => d.field.startsWith('spec.target.manifest'))).toBe(true);
    const path = (manifest?: Record<string, string>) => es({ name: 'app-config', ...(manifest ? { manifest } : {}), template: { templateFrom: [{ literal: 'a: b', target: 'spec.values' }] } });
    expect(errors(path({ apiVersion: 'v1', kind: 'ConfigMap' }))).toEqual([]);
    expect(errors(path()).map(d => d.ruleId)).toEqual(['ESO-ES-TEMPLATE-FROM-TARGET']);
    expect(errors(path({ apiVersion: 'v1', kind: 'Secret' })).map(d => d.ruleId)).toEqual(['ESO-ES-TEMPLATE-FROM-TARGET']);
  });

  test('the Secret rules and the inventory do not take a ConfigMap target for a Secret', () => {
    const cm = es({ name: 'db', manifest: { apiVersion: 'v1', kind: 'ConfigMap' } });
    const inv = secretInventory([{ manifest: cm }]);
    expect(inv.namespaces.flatMap(n => n.entries)).toEqual([]);
    expect(secretInventory([{ manifest: es({ name: 'db' }) }]).namespaces.flatMap(n => n.entries.map(e => e.secret))).toEqual(['db']);
    // a plain Secret of the same name is another object: no ESO-ES-TARGET-PLAIN-SECRET
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'shop' }, type: 'Opaque' };
    const ids = validateManifests([{ manifest: cm }, { manifest: secret }]).diagnostics.map(d => d.ruleId);
    expect(ids).not.toContain('ESO-ES-TARGET-PLAIN-SECRET');
    // a second ExternalSecret owning the Secret "db": not two owners of one object
    const owner = { ...es({ name: 'db' }), metadata: { name: 'db-secret', namespace: 'shop' } };
    expect(validateManifests([{ manifest: cm }, { manifest: owner }]).diagnostics.map(d => d.ruleId)).not.toContain('ESO-ES-TARGET-OWNER');
  });
});
