import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, JsonPatch } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { FluxKustomization, FluxLayer, FluxLayout, FluxSource } from '../../src';
import { validateCommand } from '../../src/cli/validate-command';
import { vaultClusterStore } from '../support/manifests';

const REPO_PATH = 'clusters/prod';

function tmpOutdir(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'flux-layout-'));
  return path.join(root, ...REPO_PATH.split('/'));
}

function store(scope: Chart, name = 'vault') {
  return new ApiObject(scope, name, vaultClusterStore(name));
}

function externalSecret(scope: Chart, name = 'db') {
  return new ApiObject(scope, name, {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: { name },
    spec: {
      refreshInterval: '1h',
      secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' },
      target: { name, creationPolicy: 'Owner' },
      data: [{ secretKey: 'password', remoteRef: { key: `example/${name}`, property: 'password' } }],
    },
  });
}

/** An app with stores in configs and ExternalSecrets in apps, laid out by FluxLayout. */
function platform(outdir: string, options: { extra?: (app: App, layout: FluxLayout) => void; appsLayer?: (layout: FluxLayout) => FluxLayer } = {}) {
  const app = new App({ outdir });
  const layout = new FluxLayout(app, 'flux', { source: FluxSource.gitRepository('flux-system'), repositoryPath: REPO_PATH });
  const configs = new Chart(app, 'configs');
  store(configs);
  const apps = new Chart(app, 'apps', { namespace: 'example' });
  externalSecret(apps, 'db');
  externalSecret(apps, 'api');
  layout.configs.add(configs);
  (options.appsLayer?.(layout) ?? layout.apps).add(apps);
  options.extra?.(app, layout);
  return { app, layout };
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d).sort()) {
      const p = path.join(d, e);
      if (fs.statSync(p).isDirectory()) walk(p);
      else out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

function readAll(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map(f => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

describe('FluxLayout', () => {
  test('writes one folder per layer plus flux/, and the files match the snapshot', () => {
    const { layout } = platform(tmpOutdir());
    expect(layout.synthFiles()).toMatchSnapshot();
  });

  test('every file in every layer folder is listed by its kustomization.yaml, and nothing else is listed', () => {
    const outdir = tmpOutdir();
    platform(outdir).layout.synth();
    const folders = fs.readdirSync(outdir).sort();
    expect(folders).toEqual(['apps', 'configs', 'controllers', 'flux']);
    for (const folder of folders) {
      const files = fs.readdirSync(path.join(outdir, folder)).filter(f => f !== 'kustomization.yaml').sort();
      const k = parseAllDocuments(fs.readFileSync(path.join(outdir, folder, 'kustomization.yaml'), 'utf8'))[0].toJS();
      expect(k.apiVersion).toBe('kustomize.config.k8s.io/v1beta1');
      expect(k.kind).toBe('Kustomization');
      expect(k.resources).toEqual(files);
      expect(files.length).toBeGreaterThan(0);
    }
  });

  test('Flux Kustomizations: ordered dependsOn, wait, path, healthCheckExprs for the ESO kinds present', () => {
    const files = platform(tmpOutdir()).layout.synthFiles();
    const doc = (f: string) => parseAllDocuments(files[f])[0].toJS();
    const controllers = doc('flux/controllers.yaml');
    const configs = doc('flux/configs.yaml');
    const apps = doc('flux/apps.yaml');
    expect(controllers.spec.dependsOn).toBeUndefined();
    expect(controllers.spec.wait).toBe(true);
    expect(controllers.spec.healthCheckExprs).toBeUndefined();
    expect(configs.spec.dependsOn).toEqual([{ name: 'controllers' }]);
    expect(configs.spec.path).toBe('./clusters/prod/configs');
    expect(configs.spec.healthCheckExprs.map((e: any) => e.kind)).toEqual(['ClusterSecretStore']);
    expect(apps.spec.dependsOn).toEqual([{ name: 'configs' }]);
    expect(apps.spec.healthCheckExprs.map((e: any) => e.kind)).toEqual(['ExternalSecret']);
    for (const k of [controllers, configs, apps]) {
      expect(k.apiVersion).toBe('kustomize.toolkit.fluxcd.io/v1');
      expect(k.metadata.namespace).toBe('flux-system');
      expect(k.spec).toMatchObject({ interval: '10m', retryInterval: '1m', timeout: '5m', prune: true, sourceRef: { kind: 'GitRepository', name: 'flux-system' } });
      expect(k.spec.healthChecks).toBeUndefined();
    }
  });

  test('a layer with wait: false lists its ESO objects and HelmReleases in healthChecks instead', () => {
    const { layout } = platform(tmpOutdir(), {
      extra: (app, l) => {
        const dev = l.addLayer('dev', { wait: false, dependsOn: [l.configs] });
        const devChart = new Chart(app, 'dev', { namespace: 'dev' });
        externalSecret(devChart, 'dev-db');
        dev.add(devChart);
      },
    });
    const dev = parseAllDocuments(layout.synthFiles()['flux/dev.yaml'])[0].toJS();
    expect(dev.spec.wait).toBe(false);
    expect(dev.spec.dependsOn).toEqual([{ name: 'configs' }]);
    expect(dev.spec.healthChecks).toEqual([{ apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', name: 'dev-db', namespace: 'dev' }]);
    expect(dev.spec.healthCheckExprs.map((e: any) => e.kind)).toEqual(['ExternalSecret']);
  });

  test('an ExternalSecret moved to another layer since the last synth is a warning (P48); files are still written', () => {
    const outdir = tmpOutdir();
    platform(outdir).layout.synth();
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      // unchanged: nothing to say
      platform(outdir).layout.synth();
      expect(stderr.mock.calls.map(c => String(c[0])).join('')).not.toContain('ESO-FLUX-PRUNE-MOVE');
      // the apps chart now goes to a new layer "payments"
      const { layout } = platform(outdir, { appsLayer: l => l.addLayer('payments', { dependsOn: [l.configs] }) });
      layout.synth();
      const printed = stderr.mock.calls.map(c => String(c[0])).join('');
      expect(printed).toContain('ESO-FLUX-PRUNE-MOVE');
      expect(printed).toContain('ExternalSecret "example/db" takes over Secret "db" from "example/db" (Kustomization "apps" → "payments")');
      expect(printed).toContain('ExternalSecret "example/api"');
    } finally {
      stderr.mockRestore();
    }
    expect(fs.existsSync(path.join(outdir, 'payments', 'apps.yaml'))).toBe(true);
    expect(fs.existsSync(path.join(outdir, 'apps', 'apps.yaml'))).toBe(false);
  });

  test('a renamed ExternalSecret (same Secret) since the last synth is a warning', () => {
    const outdir = tmpOutdir();
    platform(outdir).layout.synth();
    const { layout } = platform(outdir, {
      extra: app => {
        const c = app.node.findChild('apps') as Chart;
        (c.node.findChild('db') as ApiObject).addJsonPatch(JsonPatch.replace('/metadata/name', 'db-v2'));
      },
    });
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      layout.synth();
      const printed = stderr.mock.calls.map(c => String(c[0])).join('');
      expect(printed).toContain('ExternalSecret "example/db-v2" takes over Secret "db" from "example/db" (Kustomization "apps")');
    } finally {
      stderr.mockRestore();
    }
    expect(fs.readFileSync(path.join(outdir, 'apps', 'apps.yaml'), 'utf8')).toContain('name: db-v2');
  });

  test('output is byte-identical on re-run, and folders of removed layers are cleaned', () => {
    const outdir = tmpOutdir();
    platform(outdir).layout.synth();
    const first = readAll(outdir);
    platform(outdir).layout.synth();
    expect(readAll(outdir)).toEqual(first);

    platform(outdir, { extra: (app, l) => { const c = new Chart(app, 'extra', { namespace: 'x' }); externalSecret(c, 'x'); l.addLayer('extra').add(c); } }).layout.synth();
    expect(fs.existsSync(path.join(outdir, 'extra', 'extra.yaml'))).toBe(true);
    platform(outdir).layout.synth();
    expect(readAll(outdir)).toEqual(first);
  });

  test('nothing is written when a rule fails (an ESO object next to the ESO HelmRelease)', () => {
    const outdir = tmpOutdir();
    const { layout } = platform(outdir, {
      extra: (app, l) => { const c = new Chart(app, 'early'); store(c, 'early'); l.controllers.add(c); },
    });
    expect(() => layout.synth()).toThrow(/ESO-FLUX-CRD-SAME-LAYER[\s\S]*nothing was written/);
    expect(fs.existsSync(outdir)).toBe(false);
  });

  test('nothing is written when a construct validation fails', () => {
    const outdir = tmpOutdir();
    const { layout } = platform(outdir, { extra: app => app.node.addValidation({ validate: () => ['broken on purpose'] }) });
    expect(() => layout.synth()).toThrow(/broken on purpose[\s\S]*nothing was written/);
    expect(fs.existsSync(outdir)).toBe(false);
  });

  test('a chart with objects in no layer is an error (Flux would never apply it)', () => {
    const { layout } = platform(tmpOutdir(), { extra: app => { store(new Chart(app, 'forgotten'), 'x'); } });
    expect(() => layout.synthFiles()).toThrow(/chart\(s\) forgotten are in no Flux layer/);
  });

  test('a chart belongs to one layer; layer names are DNS labels and unique', () => {
    const { app, layout } = platform(tmpOutdir());
    const c = new Chart(app, 'c');
    layout.configs.add(c);
    expect(() => layout.apps.add(c)).toThrow(/already in Flux layer "configs"/);
    expect(() => layout.addLayer('Bad_Name')).toThrow(/DNS label/);
    expect(() => layout.addLayer('apps')).toThrow(/already exists/);
    expect(() => layout.addLayer('flux')).toThrow(/already exists/);
    expect(layout.layer('apps')).toBe(layout.apps);
    expect(layout.layers.map(l => l.layerName)).toEqual(['controllers', 'configs', 'apps']);
  });

  test('refuses to overwrite a folder it did not write', () => {
    const outdir = tmpOutdir();
    fs.mkdirSync(path.join(outdir, 'apps'), { recursive: true });
    fs.writeFileSync(path.join(outdir, 'apps', 'mine.yaml'), 'kind: ConfigMap\n');
    expect(() => platform(outdir).layout.synth()).toThrow(/refusing to overwrite/);
    expect(fs.readFileSync(path.join(outdir, 'apps', 'mine.yaml'), 'utf8')).toBe('kind: ConfigMap\n');
  });

  test('adds vault-config-operator to controllers when the app has redhatcop.redhat.io objects', () => {
    const { layout } = platform(tmpOutdir(), {
      extra: (app, l) => {
        const vault = new Chart(app, 'vault', { namespace: 'vault-admin' });
        new ApiObject(vault, 'policy', {
          apiVersion: 'redhatcop.redhat.io/v1alpha1',
          kind: 'Policy',
          metadata: { name: 'eso-read' },
          spec: {
            authentication: { path: 'kubernetes', role: 'vault-admin', serviceAccount: { name: 'vault-admin' } },
            connection: { address: 'https://vault.example.internal:8200' },
            type: 'acl',
            policy: 'path "kv/data/*" { capabilities = ["read"] }',
          },
        });
        l.configs.add(vault);
      },
    });
    const files = layout.synthFiles();
    expect(Object.keys(files)).toContain('controllers/vault-config-operator.yaml');
    expect(files['controllers/vault-config-operator.yaml']).toContain('chart: vault-config-operator');
    expect(files['controllers/kustomization.yaml']).toContain('- vault-config-operator.yaml');
    // not added for apps without Vault operator objects
    expect(Object.keys(platform(tmpOutdir()).layout.synthFiles())).not.toContain('controllers/vault-config-operator.yaml');
  });

  test('the written output validates with the CLI (0 errors), and a broken copy does not', () => {
    const outdir = tmpOutdir();
    platform(outdir).layout.synth();
    const lines: string[] = [];
    expect(validateCommand([outdir], { out: l => lines.push(l) })).toBe(0);
    expect(lines[lines.length - 1]).toMatch(/^0 errors, 0 warnings in \d+ objects/);

    const flux = path.join(outdir, 'flux', 'apps.yaml');
    fs.writeFileSync(flux, fs.readFileSync(flux, 'utf8').replace(/  dependsOn:\n    - name: configs\n/, ''));
    const broken: string[] = [];
    // in files the CRDs may come from a bootstrap the validator cannot see: a warning (the synth refuses it)
    expect(validateCommand([outdir], { out: l => broken.push(l) })).toBe(0);
    expect(broken.join('\n')).toContain('[warning ESO-FLUX-LAYER-ORDER]');
    expect(validateCommand([outdir], { strict: true, out: () => undefined })).toBe(1);
  });

  test('outdir outside the working directory needs repositoryPath', () => {
    const app = new App({ outdir: path.join(os.tmpdir(), 'somewhere') });
    expect(() => new FluxLayout(app, 'flux', { source: FluxSource.gitRepository('flux-system') })).toThrow(/set repositoryPath/);
  });

  test('one FluxLayout per app; FluxLayout.ofApp finds it', () => {
    const { app, layout } = platform(tmpOutdir());
    expect(FluxLayout.ofApp(app)).toBe(layout);
    expect(FluxLayout.isFluxLayout(layout)).toBe(true);
    expect(FluxLayout.isFluxLayout(new Chart(app, 'plain'))).toBe(false);
    expect(() => new FluxLayout(app, 'second', { source: FluxSource.gitRepository('x'), repositoryPath: 'y' })).toThrow(/already has a FluxLayout/);
  });
});

describe('FluxLayout unmanaged folders (charts outside Flux)', () => {
  const withLegacy = (outdir: string, extra?: (app: App, layout: FluxLayout, legacy: Chart) => void) => platform(outdir, {
    extra: (app, l) => {
      const legacy = new Chart(app, 'legacy-store');
      store(legacy, 'legacy');
      l.addUnmanagedFolder('terraform').add(legacy);
      extra?.(app, l, legacy);
    },
  });

  test('the chart is written to its own folder with a kustomization.yaml, and no Flux Kustomization applies it', () => {
    const files = withLegacy(tmpOutdir()).layout.synthFiles();
    expect(files['terraform/legacy-store.yaml']).toContain('name: legacy');
    expect(parseAllDocuments(files['terraform/kustomization.yaml'])[0].toJS().resources).toEqual(['legacy-store.yaml']);
    expect(Object.keys(files).filter(f => f.startsWith('flux/'))).toEqual(['flux/apps.yaml', 'flux/configs.yaml', 'flux/controllers.yaml', 'flux/kustomization.yaml']);
    expect(files['flux/kustomization.yaml']).not.toContain('terraform');
    for (const f of Object.keys(files).filter(x => x.startsWith('flux/'))) expect(files[f]).not.toContain('/terraform');
    expect(Object.fromEntries(Object.entries(files).filter(([f]) => f.startsWith('terraform/')))).toMatchSnapshot();
  });

  test('its charts are validated with the app: a broken object there refuses the synth', () => {
    const outdir = tmpOutdir();
    const { layout } = withLegacy(outdir, (_app, _l, legacy) => {
      // a store with a fake provider is refused unless explicitly opted in
      new ApiObject(legacy, 'fake', { apiVersion: 'external-secrets.io/v1', kind: 'ClusterSecretStore', metadata: { name: 'fake' }, spec: { provider: { fake: { data: [{ key: 'k', value: 'example-not-a-secret' }] } } } });
    });
    expect(() => layout.synth()).toThrow(/ESO-STORE-FAKE-PROVIDER/);
    expect(fs.existsSync(outdir)).toBe(false);
  });

  test('the written output validates with the CLI (0 errors) and re-synth cleans a removed folder', () => {
    const outdir = tmpOutdir();
    withLegacy(outdir).layout.synth();
    const lines: string[] = [];
    expect(validateCommand([outdir], { out: l => lines.push(l) })).toBe(0);
    expect(lines[lines.length - 1]).toMatch(/^0 errors, 0 warnings/);
    platform(outdir, { extra: (app, l) => { l.configs.add(new Chart(app, 'legacy-store')); } }).layout.synth();
    expect(fs.existsSync(path.join(outdir, 'terraform'))).toBe(false);
  });

  test('a chart belongs to one layer or folder; folder names are unique DNS labels', () => {
    const { app, layout } = withLegacy(tmpOutdir());
    const legacy = app.node.findChild('legacy-store') as Chart;
    expect(() => layout.configs.add(legacy)).toThrow(/already in the unmanaged folder "terraform"/);
    expect(() => layout.addUnmanagedFolder('other').add(layout.configs.charts[0])).toThrow(/already in Flux layer "configs"/);
    expect(() => layout.addUnmanagedFolder('terraform')).toThrow(/already exists/);
    expect(() => layout.addUnmanagedFolder('apps')).toThrow(/already exists/);
    expect(() => layout.addLayer('terraform')).toThrow(/already exists/);
    expect(() => layout.addUnmanagedFolder('Bad')).toThrow(/DNS label/);
    expect(layout.unmanagedFolders.map(f => f.folderName)).toEqual(['terraform', 'other']);
  });

  test('without a folder, the chart is still refused as in no layer (the error names the way out)', () => {
    const { layout } = platform(tmpOutdir(), { extra: app => { store(new Chart(app, 'legacy-store'), 'legacy'); } });
    expect(() => layout.synthFiles()).toThrow(/in no Flux layer[\s\S]*addUnmanagedFolder/);
  });
});

describe('FluxLayout layer order: before and a dependsOn DAG', () => {
  const deps = (files: Record<string, string>, layer: string) => parseAllDocuments(files[`flux/${layer}.yaml`])[0].toJS().spec.dependsOn;
  const bridgeChart = (app: App) => {
    const c = new Chart(app, 'ingress');
    new ApiObject(c, 'nginx', { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } });
    return c;
  };

  test('a layer inserted before configs goes between controllers and configs (snapshot)', () => {
    const { layout } = platform(tmpOutdir(), {
      extra: (app, l) => l.addLayer('bridge', { before: l.configs }).add(bridgeChart(app)),
    });
    expect(layout.layers.map(l => l.layerName)).toEqual(['controllers', 'bridge', 'configs', 'apps']);
    const files = layout.synthFiles();
    expect(deps(files, 'bridge')).toEqual([{ name: 'controllers' }]);
    expect(deps(files, 'configs')).toEqual([{ name: 'bridge' }]);
    expect(deps(files, 'apps')).toEqual([{ name: 'configs' }]);
    expect(Object.fromEntries(Object.entries(files).filter(([f]) => f.startsWith('flux/')))).toMatchSnapshot();
  });

  test('before a layer with an explicit dependsOn: that layer also depends on the new one', () => {
    const { layout } = platform(tmpOutdir(), {
      extra: (app, l) => {
        const dev = l.addLayer('dev', { dependsOn: [l.configs] });
        const devChart = new Chart(app, 'dev', { namespace: 'dev' });
        externalSecret(devChart, 'dev-db');
        dev.add(devChart);
        l.addLayer('dev-bridge', { before: dev, dependsOn: [l.controllers] }).add(bridgeChart(app));
      },
    });
    const files = layout.synthFiles();
    expect(layout.layers.map(l => l.layerName)).toEqual(['controllers', 'configs', 'apps', 'dev-bridge', 'dev']);
    expect(deps(files, 'dev-bridge')).toEqual([{ name: 'controllers' }]);
    expect(deps(files, 'dev')).toEqual([{ name: 'configs' }, { name: 'dev-bridge' }]);
    // apps keeps its default: the layer before it
    expect(deps(files, 'apps')).toEqual([{ name: 'configs' }]);
  });

  test('dependsOn with several layers and addDependsOn make a DAG (no duplicates)', () => {
    const { layout } = platform(tmpOutdir(), {
      extra: (app, l) => {
        const bridge = l.addLayer('bridge', { dependsOn: [l.controllers] });
        bridge.add(bridgeChart(app));
        l.apps.addDependsOn(bridge, l.configs);
      },
    });
    const files = layout.synthFiles();
    expect(deps(files, 'bridge')).toEqual([{ name: 'controllers' }]);
    expect(deps(files, 'apps')).toEqual([{ name: 'configs' }, { name: 'bridge' }]);
  });

  test('wrong references are refused with the layer named', () => {
    const { layout } = platform(tmpOutdir());
    const other = platform(tmpOutdir()).layout;
    expect(() => layout.addLayer('x', { before: other.apps })).toThrow(/before: "apps" is not a layer of this layout/);
    expect(() => layout.addLayer('y', { dependsOn: [other.apps] })).toThrow(/dependsOn: "apps" is not a layer of this layout/);
    expect(() => layout.addLayer('z', { before: layout.apps, dependsOn: [layout.apps] })).toThrow(/cannot both go before and depend on "apps"/);
    expect(() => layout.apps.addDependsOn(layout.apps)).toThrow(/cannot depend on itself/);
    expect(() => layout.apps.addDependsOn(other.configs)).toThrow(/is not a layer of the layout/);
  });

  test('a cycle made with addDependsOn is refused by the synth (ESO-FLUX-DEPENDS-ON)', () => {
    const { layout } = platform(tmpOutdir(), { extra: (_app, l) => l.controllers.addDependsOn(l.apps) });
    expect(() => layout.synthFiles()).toThrow(/ESO-FLUX-DEPENDS-ON/);
  });
});

describe('FluxLayout namespaces', () => {
  const docs = (text: string | undefined) => (text === undefined ? [] : parseAllDocuments(text).map(d => d.toJS()));
  const configMap = (scope: Chart, name: string) => new ApiObject(scope, name, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { a: 'b' } });

  test('the namespaces the objects use get a Namespace (no spec, prune disabled) in the layer, listed by its kustomization.yaml', () => {
    const files = platform(tmpOutdir()).layout.synthFiles();
    expect(docs(files['apps/namespaces.yaml'])).toEqual([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'example', annotations: { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' } } },
    ]);
    expect(docs(files['apps/kustomization.yaml'])[0].resources).toEqual(['apps.yaml', 'namespaces.yaml']);
    // cluster-scoped objects (the store) need none, and the ESO release declares its own namespace
    expect(files['configs/namespaces.yaml']).toBeUndefined();
    expect(files['controllers/namespaces.yaml']).toBeUndefined();
  });

  test('a namespace is created once, in the earliest layer (in dependsOn order) that uses it', () => {
    const files = platform(tmpOutdir(), {
      extra: (app, l) => {
        const early = new Chart(app, 'early-example', { namespace: 'example' });
        configMap(early, 'settings');
        // inserted before configs: it comes first in the order even though it was added last
        l.addLayer('bridge', { before: l.configs }).add(early);
      },
    }).layout.synthFiles();
    expect(docs(files['bridge/namespaces.yaml']).map(m => m.metadata.name)).toEqual(['example']);
    expect(files['apps/namespaces.yaml']).toBeUndefined();
  });

  test('namespaces the app declares are not duplicated; default, kube-*, and the Flux namespace are never created', () => {
    const files = platform(tmpOutdir(), {
      extra: (app, l) => {
        const ns = new Chart(app, 'namespaces');
        new ApiObject(ns, 'example-ns', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'example' } });
        l.configs.add(ns);
        for (const n of ['default', 'kube-system', 'flux-system']) configMap(new Chart(app, `in-${n}`, { namespace: n }), `cm-${n}`);
        l.apps.add(...['default', 'kube-system', 'flux-system'].map(n => app.node.findChild(`in-${n}`) as Chart));
      },
    }).layout.synthFiles();
    const all = Object.values(files).flatMap(t => (t.startsWith('#') || t.includes('kind: Namespace') ? docs(t) : []));
    expect(all.filter(m => m?.kind === 'Namespace').map(m => m.metadata.name).sort()).toEqual(['example', 'external-secrets']);
    expect(Object.keys(files).filter(f => f.endsWith('/namespaces.yaml'))).toEqual(['configs/namespaces.yaml']);
    expect(files['configs/namespaces.yaml']).toContain('name: example');
    expect(files['configs/namespaces.yaml']).not.toContain('prune'); // the user's own object, untouched
  });

  test('a layer with targetNamespace gets that namespace; a chart named "namespaces" does not clash', () => {
    const files = platform(tmpOutdir(), {
      extra: (app, l) => {
        const c = new Chart(app, 'namespaces');
        configMap(c, 'team-settings');
        l.addLayer('team', { targetNamespace: 'team-a' }).add(c);
      },
    }).layout.synthFiles();
    expect(files['team/namespaces.yaml']).toContain('kind: ConfigMap');
    expect(docs(files['team/generated-namespaces.yaml']).map(m => m.metadata.name)).toEqual(['team-a']);
    expect(docs(files['team/kustomization.yaml'])[0].resources).toEqual(['generated-namespaces.yaml', 'namespaces.yaml']);
  });

  test('createNamespaces: false opts out', () => {
    const app = new App({ outdir: tmpOutdir() });
    const layout = new FluxLayout(app, 'flux', { source: FluxSource.gitRepository('flux-system'), repositoryPath: REPO_PATH, createNamespaces: false });
    const apps = new Chart(app, 'apps', { namespace: 'example' });
    externalSecret(apps, 'db');
    const configs = new Chart(app, 'configs');
    store(configs);
    layout.configs.add(configs);
    layout.apps.add(apps);
    expect(Object.keys(layout.synthFiles()).filter(f => f.endsWith('namespaces.yaml'))).toEqual([]);
  });
});

test('FluxLayout namespaces: the namespaces a ClusterExternalSecret names (namespaces, selectors by name) are created in its layer', () => {
  const files = platform(tmpOutdir(), {
    extra: app => {
      const configs = app.node.findChild('configs') as Chart;
      new ApiObject(configs, 'replicas', {
        apiVersion: 'external-secrets.io/v1',
        kind: 'ClusterExternalSecret',
        metadata: { name: 'replicas' },
        spec: { namespaces: ['dex'], namespaceSelectors: [{ matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['example'] }] }, { matchLabels: { 'kubernetes.io/metadata.name': 'auth' } }, { matchLabels: { team: 'x' } }], externalSecretName: 'tls', externalSecretSpec: { secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' }, data: [{ secretKey: 'k', remoteRef: { key: 'example/tls', property: 'k' } }] } },
      });
    },
  }).layout.synthFiles();
  expect(parseAllDocuments(files['configs/namespaces.yaml']).map(d => d.toJS().metadata.name)).toEqual(['auth', 'dex', 'example']);
  expect(files['apps/namespaces.yaml']).toBeUndefined();
});

test('FluxLayout health: a layer with a ClusterExternalSecret and a ClusterPushSecret gets Ready expressions (and healthChecks with wait: false) for them', () => {
  const cluster = (scope: Chart, suffix = '') => {
    new ApiObject(scope, 'ces', {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ClusterExternalSecret',
      metadata: { name: `replicas${suffix}` },
      spec: { namespaces: ['example'], externalSecretSpec: { secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' }, data: [{ secretKey: 'k', remoteRef: { key: 'example/tls', property: 'k' } }] } },
    });
    new ApiObject(scope, 'cps', {
      apiVersion: 'external-secrets.io/v1alpha1',
      kind: 'ClusterPushSecret',
      metadata: { name: `push${suffix}` },
      spec: { namespaceSelectors: [{ matchLabels: { push: 'yes' } }], pushSecretSpec: { secretStoreRefs: [{ kind: 'ClusterSecretStore', name: 'vault' }], selector: { secret: { name: 'db' } }, data: [{ match: { secretKey: 'password', remoteRef: { remoteKey: `example/db${suffix}`, property: 'password' } } }] } },
    });
  };
  const files = platform(tmpOutdir(), {
    extra: (app, l) => {
      cluster(app.node.findChild('configs') as Chart);
      const c = new Chart(app, 'replicas-dev');
      cluster(c, '-dev');
      l.addLayer('dev', { wait: false }).add(c);
    },
  }).layout.synthFiles();
  const configs = parseAllDocuments(files['flux/configs.yaml'])[0].toJS();
  expect(configs.spec.healthCheckExprs.map((e: any) => `${e.apiVersion} ${e.kind}`)).toEqual([
    'external-secrets.io/v1 ClusterSecretStore', 'external-secrets.io/v1 ClusterExternalSecret', 'external-secrets.io/v1alpha1 ClusterPushSecret',
  ]);
  expect(configs.spec.healthCheckExprs[1].failed).toContain("e.type == 'Ready'");
  const dev = parseAllDocuments(files['flux/dev.yaml'])[0].toJS();
  expect(dev.spec.healthChecks).toEqual([
    { apiVersion: 'external-secrets.io/v1', kind: 'ClusterExternalSecret', name: 'replicas-dev' },
    { apiVersion: 'external-secrets.io/v1alpha1', kind: 'ClusterPushSecret', name: 'push-dev' },
  ]);
});

describe('FluxLayout empty layers', () => {
  const bare = (outdir: string, configsToo = true) => {
    const app = new App({ outdir });
    const layout = new FluxLayout(app, 'flux', { source: FluxSource.gitRepository('flux-system'), repositoryPath: REPO_PATH, installExternalSecrets: false });
    if (configsToo) {
      const configs = new Chart(app, 'configs');
      store(configs);
      layout.configs.add(configs);
    }
    const apps = new Chart(app, 'apps', { namespace: 'example' });
    externalSecret(apps, 'db');
    layout.apps.add(apps);
    return { app, layout };
  };
  const spec = (files: Record<string, string>, layer: string) => parseAllDocuments(files[`flux/${layer}.yaml`])[0].toJS().spec;

  test('installExternalSecrets: false writes no controllers layer; configs depends on nothing (snapshot)', () => {
    const files = bare(tmpOutdir()).layout.synthFiles();
    expect(Object.keys(files).some(f => f.startsWith('controllers/'))).toBe(false);
    expect(files['flux/controllers.yaml']).toBeUndefined();
    expect(parseAllDocuments(files['flux/kustomization.yaml'])[0].toJS().resources).toEqual(['apps.yaml', 'configs.yaml']);
    expect(spec(files, 'configs').dependsOn).toBeUndefined();
    expect(spec(files, 'apps').dependsOn).toEqual([{ name: 'configs' }]);
    expect(Object.fromEntries(Object.entries(files).filter(([f]) => f.startsWith('flux/')))).toMatchSnapshot();
  });

  test('dependsOn goes past every empty layer, default or explicit', () => {
    const { app, layout } = bare(tmpOutdir(), false);
    const late = new Chart(app, 'late', { namespace: 'example' });
    externalSecret(late, 'late');
    layout.addLayer('late', { dependsOn: [layout.configs] }).add(late);
    const files = layout.synthFiles();
    expect(Object.keys(files).filter(f => f.startsWith('flux/'))).toEqual(['flux/apps.yaml', 'flux/kustomization.yaml', 'flux/late.yaml']);
    expect(spec(files, 'apps').dependsOn).toBeUndefined();
    expect(spec(files, 'late').dependsOn).toBeUndefined();
  });

  test('an empty configs layer: apps depends on controllers directly', () => {
    const app = new App({ outdir: tmpOutdir() });
    const layout = new FluxLayout(app, 'flux', { source: FluxSource.gitRepository('flux-system'), repositoryPath: REPO_PATH });
    const apps = new Chart(app, 'apps', { namespace: 'example' });
    store(apps, 'vault');
    externalSecret(apps, 'db');
    layout.apps.add(apps);
    layout.configs.add(new Chart(app, 'nothing-yet'));
    const files = layout.synthFiles();
    expect(files['flux/configs.yaml']).toBeUndefined();
    expect(spec(files, 'apps').dependsOn).toEqual([{ name: 'controllers' }]);
  });

  test('the written output validates with the CLI (0 errors)', () => {
    const outdir = tmpOutdir();
    bare(outdir).layout.synth();
    expect(fs.readdirSync(outdir).sort()).toEqual(['apps', 'configs', 'flux']);
    const lines: string[] = [];
    expect(validateCommand([outdir], { out: l => lines.push(l) })).toBe(0);
    expect(lines[lines.length - 1]).toMatch(/^0 errors/);
  });
});

test('FluxLayout empty layers: one that a Kustomization of the app depends on is kept, so it does not wait for a missing one', () => {
  const app = new App({ outdir: tmpOutdir() });
  const layout = new FluxLayout(app, 'flux', { source: FluxSource.gitRepository('flux-system'), repositoryPath: REPO_PATH, installExternalSecrets: false });
  const apps = new Chart(app, 'apps', { namespace: 'example' });
  new ApiObject(apps, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { a: 'b' } });
  layout.apps.add(apps);
  const own = new Chart(app, 'own', { namespace: 'flux-system' });
  new FluxKustomization(own, 'tenant', { name: 'tenant', source: FluxSource.gitRepository('flux-system'), path: './tenants', dependsOn: [layout.controllers.kustomization] });
  layout.configs.add(own);
  const files = layout.synthFiles();
  expect(files['flux/controllers.yaml']).toBeDefined();
  expect(files['controllers/kustomization.yaml']).toBeDefined();
  expect(parseAllDocuments(files['flux/configs.yaml'])[0].toJS().spec.dependsOn).toEqual([{ name: 'controllers' }]);
});
