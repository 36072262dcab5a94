import * as path from 'path';
import { ApiObject, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  ClusterExternalSecret, ClusterGenerator, ClusterPushSecret, ClusterSecretStore, CustomGenerator, ExternalSecret,
  FluxGitRepository, FluxHelmRelease, FluxHelmRepository, FluxKustomization, FluxSource, GeneratorKind, GeneratorSpec,
  PasswordGenerator, PushSecret, PushValue, Resource, ResourceProps, SecretStore, SecretStoreProvider, SecretValue, UuidGenerator,
  VaultAuth, VaultDynamicSecret, VaultKv,
} from '../../src';

process.env.ESLINT_USE_FLAT_CONFIG = 'false';

function setup() {
  const app = Testing.app();
  const chart = new Chart(app, 'c', { namespace: 'apps' });
  const sa = kplus.ServiceAccount.fromServiceAccountName(chart, 'sa', 'external-secrets', { namespaceName: 'apps' });
  const provider = SecretStoreProvider.vault({
    server: 'https://vault.example.internal:8200',
    kv: VaultKv.v2('secret'),
    auth: VaultAuth.kubernetes({ role: 'eso', serviceAccount: sa }),
  });
  return { chart, provider };
}

/** Every resource construct of the library, made once, with the kind and apiVersion it must report. */
function everyResource(): Array<[string, Resource, string, string]> {
  const { chart, provider } = setup();
  const store = new SecretStore(chart, 'store', { provider, metadata: { name: 'store' } });
  const css = new ClusterSecretStore(chart, 'css', { provider, metadata: { name: 'css' } });
  const secret = kplus.Secret.fromSecretName(chart, 'src', 'db');
  const repo = new FluxHelmRepository(chart, 'repo', { name: 'repo', url: 'https://charts.example.internal' });
  const ESO = 'external-secrets.io/v1';
  const GEN = 'generators.external-secrets.io/v1alpha1';
  return [
    ['SecretStore', store, 'SecretStore', ESO],
    ['ClusterSecretStore', css, 'ClusterSecretStore', ESO],
    ['ExternalSecret', new ExternalSecret(chart, 'es', { store, metadata: { name: 'es' }, data: [SecretValue.fromProperty('k', 'app/k', 'k')] }), 'ExternalSecret', ESO],
    ['ClusterExternalSecret', new ClusterExternalSecret(chart, 'ces', {
      store: css, metadata: { name: 'ces' }, namespaces: ['a'], data: [SecretValue.fromProperty('k', 'app/k', 'k')],
    }), 'ClusterExternalSecret', ESO],
    ['PushSecret', new PushSecret(chart, 'ps', {
      metadata: { name: 'ps' }, stores: [store], secret, data: [PushValue.property('password', 'app/db', 'password')],
    }), 'PushSecret', 'external-secrets.io/v1alpha1'],
    ['ClusterPushSecret', new ClusterPushSecret(chart, 'cps', {
      metadata: { name: 'cps' },
      stores: [css],
      secret,
      namespaceSelectors: [kplus.LabelSelector.of({ labels: { a: 'b' } })],
      data: [PushValue.property('password', 'app/db', 'password')],
    }), 'ClusterPushSecret', 'external-secrets.io/v1alpha1'],
    ['PasswordGenerator', new PasswordGenerator(chart, 'pw', { metadata: { name: 'pw' } }), 'Password', GEN],
    ['UuidGenerator', new UuidGenerator(chart, 'uuid', { metadata: { name: 'uuid' } }), 'UUID', GEN],
    ['VaultDynamicSecret', new VaultDynamicSecret(chart, 'vds', { metadata: { name: 'vds' }, provider, path: 'database/creds/app' }), 'VaultDynamicSecret', GEN],
    ['CustomGenerator', new CustomGenerator(chart, 'ssh', { metadata: { name: 'ssh' }, kind: GeneratorKind.SSH_KEY }), 'SSHKey', GEN],
    ['ClusterGenerator', new ClusterGenerator(chart, 'cg', { metadata: { name: 'cg' }, generator: GeneratorSpec.uuid() }), 'ClusterGenerator', GEN],
    ['FluxKustomization', new FluxKustomization(chart, 'ks', { name: 'ks', source: FluxSource.gitRepository('flux-system'), path: './dist' }),
      'Kustomization', 'kustomize.toolkit.fluxcd.io/v1'],
    ['FluxGitRepository', new FluxGitRepository(chart, 'git', { name: 'git', url: 'https://git.example.internal/repo.git' }),
      'GitRepository', 'source.toolkit.fluxcd.io/v1'],
    ['FluxHelmRepository', repo, 'HelmRepository', 'source.toolkit.fluxcd.io/v1'],
    ['FluxHelmRelease', new FluxHelmRelease(chart, 'hr', { name: 'hr', chart: 'demo', version: '1.0.0', repository: repo }),
      'HelmRelease', 'helm.toolkit.fluxcd.io/v2'],
  ];
}

/** The `metadata.name` each construct above is given. */
const NAMES: Record<string, string> = {
  SecretStore: 'store',
  ClusterSecretStore: 'css',
  ExternalSecret: 'es',
  ClusterExternalSecret: 'ces',
  PushSecret: 'ps',
  ClusterPushSecret: 'cps',
  PasswordGenerator: 'pw',
  UuidGenerator: 'uuid',
  VaultDynamicSecret: 'vds',
  CustomGenerator: 'ssh',
  ClusterGenerator: 'cg',
  FluxKustomization: 'ks',
  FluxGitRepository: 'git',
  FluxHelmRepository: 'repo',
  FluxHelmRelease: 'hr',
};

describe('Resource: the uniform getters of every resource construct', () => {
  test.each(everyResource())('%s: name, kind, apiVersion, metadata', (label, r, kind, apiVersion) => {
    expect(r).toBeInstanceOf(Resource);
    const obj = ApiObject.of(r);
    expect(r.apiObject).toBe(obj); // the deprecated public accessor is the default child
    expect(r.name).toBe(obj.name);
    expect(r.name).toBe(NAMES[label]);
    expect(r.kind).toBe(kind);
    expect(r.apiVersion).toBe(apiVersion);
    expect(r.metadata).toBe(obj.metadata);
  });

  test('metadata is live: labels added through it are rendered', () => {
    const { chart, provider } = setup();
    const store = new SecretStore(chart, 'store', { provider, metadata: { name: 'store' } });
    const es = new ExternalSecret(chart, 'es', { store, metadata: { name: 'es' }, data: [SecretValue.fromProperty('k', 'app/k', 'k')] });
    es.metadata.addLabel('team', 'a');
    store.metadata.addAnnotation('note', 'x');
    const out = Testing.synth(chart);
    expect(out.find(o => o.kind === 'ExternalSecret').metadata.labels).toEqual({ team: 'a' });
    expect(out.find(o => o.kind === 'SecretStore').metadata.annotations).toMatchObject({ note: 'x' });
  });

  test('the deprecated name aliases return name', () => {
    const all = new Map(everyResource().map(([label, r]) => [label, r as any]));
    expect(all.get('SecretStore').storeName).toBe('store');
    expect(all.get('ClusterSecretStore').storeName).toBe('css');
    expect(all.get('PushSecret').pushSecretName).toBe('ps');
    expect(all.get('ClusterPushSecret').clusterPushSecretName).toBe('cps');
    for (const g of ['PasswordGenerator', 'UuidGenerator', 'VaultDynamicSecret', 'CustomGenerator', 'ClusterGenerator']) {
      expect(all.get(g).generatorName).toBe(all.get(g).name);
    }
    expect(all.get('FluxKustomization').kustomizationName).toBe('ks');
    expect(all.get('FluxGitRepository').sourceName).toBe('git');
    expect(all.get('FluxHelmRepository').repositoryName).toBe('repo');
    expect(all.get('FluxHelmRelease').releaseObjectName).toBe('hr');
  });

  test('ResourceProps: the same metadata props for constructs of every folder', () => {
    const { chart, provider } = setup();
    const md = (name: string): ResourceProps => ({ metadata: { name, labels: { team: 'a' } } });
    const store = new SecretStore(chart, 'store', { ...md('store'), provider });
    new ExternalSecret(chart, 'es', { ...md('es'), store, data: [SecretValue.fromProperty('k', 'app/k', 'k')] });
    new UuidGenerator(chart, 'uuid', md('uuid'));
    new PasswordGenerator(chart, 'pw', md('pw'));
    const out = Testing.synth(chart);
    expect(out.map(o => [o.kind, o.metadata.name, o.metadata.labels])).toEqual([
      ['SecretStore', 'store', { team: 'a' }],
      ['ExternalSecret', 'es', { team: 'a' }],
      ['UUID', 'uuid', { team: 'a' }],
      ['Password', 'pw', { team: 'a' }],
    ]);
  });

  test('a generated name is the same through every getter', () => {
    const { chart } = setup();
    const pw = new PasswordGenerator(chart, 'pw');
    expect(pw.name).toMatch(/^c-pw-/);
    expect(pw.generatorName).toBe(pw.name);
    expect(pw.toGeneratorRef().name).toBe(pw.name);
  });
});

describe('base/ layer', () => {
  // eslint 9's API for .eslintrc.json (the project lints with ESLINT_USE_FLAT_CONFIG=false, as projen sets it)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { LegacyESLint } = require('eslint/use-at-your-own-risk');
  const root = path.join(__dirname, '..', '..');
  const zoneErrors = async (file: string, importLine: string): Promise<string[]> => {
    const eslint = new LegacyESLint({ cwd: root, useEslintrc: true });
    const [result] = await eslint.lintText(`${importLine}\nexport const probe = x;\n`, { filePath: path.join(root, file) });
    return result.messages.filter((m: any) => m.ruleId === 'import/no-restricted-paths').map((m: any) => m.message);
  };
  jest.setTimeout(120_000);

  test('base/ is below every construct folder', async () => {
    expect((await zoneErrors('src/base/resource.ts', "import { x } from '../vault/policy';")).join('\n')).toContain('base/ may use');
    expect((await zoneErrors('src/validation/engine.ts', "import { x } from '../base/resource';")).join('\n')).toContain('validation/ reads');
    expect(await zoneErrors('src/vault/policy.ts', "import { x } from '../base/resource';")).toEqual([]);
    expect(await zoneErrors('src/flux/kustomization.ts', "import { x } from '../base/resource';")).toEqual([]);
  });
});
