import { Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as eso from '../../src';
import { validateManifests } from '../../src/validation/engine';

function setup() {
  const app = Testing.app();
  const configs = new Chart(app, 'configs');
  const chart = new Chart(app, 'apps', { namespace: 'shop' });
  const esoSa = kplus.ServiceAccount.fromServiceAccountName(configs, 'eso-sa', 'external-secrets', { namespaceName: 'external-secrets' });
  const vault = new eso.ClusterSecretStore(configs, 'vault', {
    metadata: { name: 'vault' },
    provider: eso.SecretStoreProvider.vault({
      server: 'https://vault.example.internal:8200',
      kv: eso.VaultKv.v2('secret'),
      auth: eso.VaultAuth.kubernetes({ role: 'external-secrets', serviceAccount: esoSa }),
    }),
  });
  return { app, configs, chart, vault };
}

const findKind = (manifests: any[], kind: string) => manifests.filter(m => m.kind === kind);

/** Runs every registered rule over what the app synthesizes. */
function validateApp(app: ReturnType<typeof Testing.app>) {
  const items = app.charts.flatMap(c => c.toJson()).map((manifest: any) => ({ manifest }));
  return validateManifests(items);
}

describe('ExternalSecret', () => {
  test('minimal: honest defaults (kind, 1h, Owner, explicit target name)', () => {
    const { chart, vault } = setup();
    const es = new eso.ExternalSecret(chart, 'db', {
      metadata: { name: 'db' },
      store: vault,
      data: [eso.SecretValue.fromProperty('password', 'shop/db', 'password')],
    });
    const [m] = Testing.synth(chart);
    expect(m).toEqual({
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: 'db', namespace: 'shop' },
      spec: {
        secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' },
        refreshInterval: '1h',
        target: { name: 'db', creationPolicy: 'Owner' },
        data: [{ secretKey: 'password', remoteRef: { key: 'shop/db', property: 'password' } }],
      },
    });
    expect(es.targetName).toBe('db');
    expect(es.targetSecret.name).toBe('db');
    expect(es.name).toBe('db');
    expect(es.refreshPolicy).toBeUndefined();
  });

  test('every field reaches the YAML', () => {
    const { app, chart, vault } = setup();
    const local = new eso.SecretStore(chart, 'local', {
      metadata: { name: 'local' },
      provider: eso.SecretStoreProvider.vault({
        server: 'https://vault.example.internal:8200',
        kv: eso.VaultKv.v2('kv'),
        auth: eso.VaultAuth.kubernetes({ role: 'shop' }),
      }),
    });
    const tplCm = kplus.ConfigMap.fromConfigMapName(chart, 'tpl-cm', 'templates');
    const tplSecret = kplus.Secret.fromSecretName(chart, 'tpl-secret', 'secret-templates');
    new eso.ExternalSecret(chart, 'full', {
      metadata: { name: 'full', labels: { team: 'shop' } },
      store: vault,
      refreshInterval: Duration.minutes(90),
      refreshPolicy: eso.RefreshPolicy.PERIODIC,
      syncWindows: {
        kind: eso.SyncWindowKind.DENY,
        windows: [{ schedule: '0 8 * * 1-5', duration: Duration.hours(10) }, { schedule: '@every 2h', duration: Duration.minutes(5) }],
      },
      target: {
        name: 'full-secret',
        creationPolicy: eso.CreationPolicy.ORPHAN,
        deletionPolicy: eso.DeletionPolicy.DELETE,
        immutable: true,
      },
      data: [
        eso.SecretValue.fromProperty('password', 'shop/db', 'password', {
          version: '3',
          conversionStrategy: eso.ConversionStrategy.DEFAULT,
          decodingStrategy: eso.DecodingStrategy.BASE64,
          nullBytePolicy: eso.NullBytePolicy.FAIL,
        }),
        eso.SecretValue.fromKey('meta', 'shop/db', { metadataPolicy: eso.MetadataPolicy.FETCH }),
        eso.SecretValue.fromProperty('local', 'app/x', 'y', { store: local }),
      ],
      dataFrom: [
        eso.SecretSource.extract('shop/config', {
          property: 'nested',
          version: '2',
          decodingStrategy: eso.DecodingStrategy.AUTO,
          conversionStrategy: eso.ConversionStrategy.UNICODE,
          metadataPolicy: eso.MetadataPolicy.NONE,
          nullBytePolicy: eso.NullBytePolicy.IGNORE,
          rewrite: [eso.SecretRewrite.regexp('^db-', 'DB_'), eso.SecretRewrite.transform('{{ .value | upper }}')],
        }),
        eso.SecretSource.find({
          path: 'shop/flags',
          nameRegexp: '^feature-.*',
          tags: { team: 'shop' },
          conversionStrategy: eso.ConversionStrategy.DEFAULT,
          decodingStrategy: eso.DecodingStrategy.NONE,
          nullBytePolicy: eso.NullBytePolicy.FAIL,
          store: local,
          rewrite: [eso.SecretRewrite.merge({
            into: 'flags.json',
            priority: ['a', 'b'],
            priorityPolicy: eso.MergePriorityPolicy.IGNORE_NOT_FOUND,
            conflictPolicy: eso.MergeConflictPolicy.IGNORE,
            strategy: eso.MergeStrategy.JSON,
          })],
        }),
      ],
      template: eso.SecretTemplate.of({
        type: eso.SecretType.OPAQUE,
        labels: { app: 'shop' },
        annotations: { owner: 'team-shop' },
        finalizers: ['example.com/keep'],
        mergePolicy: eso.TemplateMergePolicy.MERGE,
        data: { 'config.yaml': 'password: {{ .password }}\n' },
        templateFrom: [
          eso.TemplateFrom.configMap(tplCm, [{ key: 'app.tpl', templateAs: eso.TemplateScope.VALUES }, { key: 'env.tpl', templateAs: eso.TemplateScope.KEYS_AND_VALUES }],
            { target: eso.TemplateTarget.DATA, valuesDecodingStrategy: eso.DecodingStrategy.NONE }),
          eso.TemplateFrom.secret(tplSecret, [{ key: 'more.tpl' }], { target: eso.TemplateTarget.ANNOTATIONS }),
          eso.TemplateFrom.literal('team: {{ .password | sha256sum | trunc 8 }}', { target: eso.TemplateTarget.LABELS }),
        ],
      }),
    });
    const out = Testing.synth(chart);
    expect(findKind(out, 'ExternalSecret')).toMatchSnapshot();
    // Every field is valid against the pinned CRD schema.
    const report = validateApp(app);
    expect(report.diagnostics.filter(d => d.ruleId === 'ESO-SCHEMA')).toEqual([]);
  });

  test('refreshInterval renders as a Go duration; 0 is "0s"', () => {
    const { chart, vault } = setup();
    const data = [eso.SecretValue.fromProperty('a', 'b', 'c')];
    new eso.ExternalSecret(chart, 'day', { metadata: { name: 'day' }, store: vault, data, refreshInterval: Duration.days(1) });
    new eso.ExternalSecret(chart, 'zero', { metadata: { name: 'zero' }, store: vault, data, refreshInterval: Duration.seconds(0), refreshPolicy: eso.RefreshPolicy.CREATED_ONCE });
    new eso.ExternalSecret(chart, 'once', { metadata: { name: 'once' }, store: vault, data, refreshPolicy: eso.RefreshPolicy.ON_CHANGE });
    const out = Testing.synth(chart);
    expect(out.map((m: any) => [m.metadata.name, m.spec.refreshInterval, m.spec.refreshPolicy])).toEqual([
      ['day', '24h', undefined], ['zero', '0s', 'CreatedOnce'], ['once', undefined, 'OnChange'],
    ]);
  });

  test('a regenerating generator defaults refreshPolicy to CreatedOnce (ESO #2377); explicit policies win', () => {
    const { chart } = setup();
    const pw = new eso.PasswordGenerator(chart, 'pw', { metadata: { name: 'db-password-generator' }, length: 32, digits: 6, symbols: 4, allowRepeat: true });
    const creds = new eso.ExternalSecret(chart, 'db-password', {
      metadata: { name: 'db-password' },
      target: { name: 'db-credentials' },
      dataFrom: [eso.SecretSource.generator(pw)],
    });
    const rotating = new eso.ExternalSecret(chart, 'rotating', {
      metadata: { name: 'rotating' },
      refreshPolicy: eso.RefreshPolicy.PERIODIC,
      refreshInterval: Duration.days(90),
      dataFrom: [eso.SecretSource.generator(pw, { rewrite: [eso.SecretRewrite.regexp('password', 'DB_PASSWORD')] })],
    });
    const out = findKind(Testing.synth(chart), 'ExternalSecret');
    expect(creds.refreshPolicy).toBe(eso.RefreshPolicy.CREATED_ONCE);
    expect(rotating.refreshPolicy).toBe(eso.RefreshPolicy.PERIODIC);
    expect(out).toMatchSnapshot();
    expect(out[0].spec.refreshInterval).toBeUndefined();
    expect(out[0].spec.secretStoreRef).toBeUndefined();
    expect(out[1].spec.refreshInterval).toBe('2160h');
  });

  test('a generator that does not regenerate leaves the refresh alone', () => {
    const { chart } = setup();
    const vds = eso.VaultDynamicSecret.fromVaultDynamicSecretName(chart, 'vds', 'db-creds');
    const es = new eso.ExternalSecret(chart, 'dyn', { metadata: { name: 'dyn' }, dataFrom: [eso.SecretSource.generator(vds)] });
    expect(es.refreshPolicy).toBeUndefined();
    expect(Testing.synth(chart)[0].spec.refreshInterval).toBe('1h');
  });

  test('addData() / addDataFrom() append after synth-time', () => {
    const { chart, vault } = setup();
    const es = new eso.ExternalSecret(chart, 'app', { metadata: { name: 'app' }, store: vault });
    es.addData(eso.SecretValue.fromProperty('DATABASE_URL', 'acme/postgres', 'url'), eso.SecretValue.fromProperty('API_KEY', 'acme/api-keys', 'main'));
    es.addDataFrom(eso.SecretSource.extract('acme/extra'));
    const spec = Testing.synth(chart)[0].spec;
    expect(spec.data.map((d: any) => d.secretKey)).toEqual(['DATABASE_URL', 'API_KEY']);
    expect(spec.dataFrom).toEqual([{ extract: { key: 'acme/extra' } }]);
  });

  test('the target Secret plugs into cdk8s-plus workloads', () => {
    const { chart, vault } = setup();
    const es = new eso.ExternalSecret(chart, 'app', {
      metadata: { name: 'app' },
      store: vault,
      target: { name: 'app-secrets' },
      data: [eso.SecretValue.fromProperty('password', 'shop/db', 'password')],
    });
    const dep = new kplus.Deployment(chart, 'web', { metadata: { name: 'web' }, securityContext: { ensureNonRoot: false } });
    const c = dep.addContainer({ image: 'example/web:1', securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false } });
    c.env.addVariable('DB_PASSWORD', kplus.EnvValue.fromSecretValue({ secret: es.targetSecret, key: 'password' }));
    c.mount('/etc/app', kplus.Volume.fromSecret(chart, 'secret-vol', es.targetSecret));
    const depJson = Testing.synth(chart).find((m: any) => m.kind === 'Deployment');
    const container = depJson.spec.template.spec.containers[0];
    expect(container.env[0].valueFrom.secretKeyRef).toMatchObject({ name: 'app-secrets', key: 'password' });
    expect(depJson.spec.template.spec.volumes[0].secret.secretName).toBe('app-secrets');
  });

  test('SecretTemplate.files renders whole files (pgBackRest s3.conf)', () => {
    const { chart, vault } = setup();
    new eso.ExternalSecret(chart, 's3', {
      metadata: { name: 's3-backrest-creds' },
      store: vault,
      refreshInterval: Duration.hours(24),
      data: [
        eso.SecretValue.fromProperty('AWS_ACCESS_KEY_ID', 'tazlab-k8s/static/storage/tazlab-db/AWS_ACCESS_KEY_ID', 'value'),
        eso.SecretValue.fromProperty('AWS_SECRET_ACCESS_KEY', 'tazlab-k8s/static/storage/tazlab-db/AWS_SECRET_ACCESS_KEY', 'value'),
      ],
      template: eso.SecretTemplate.files({
        's3.conf': '[global]\nrepo1-s3-key={{ .AWS_ACCESS_KEY_ID }}\nrepo1-s3-key-secret={{ .AWS_SECRET_ACCESS_KEY }}\n',
      }),
    });
    expect(Testing.synth(chart)[0].spec.target).toEqual({
      name: 's3-backrest-creds',
      creationPolicy: 'Owner',
      template: {
        engineVersion: 'v2',
        data: { 's3.conf': '[global]\nrepo1-s3-key={{ .AWS_ACCESS_KEY_ID }}\nrepo1-s3-key-secret={{ .AWS_SECRET_ACCESS_KEY }}\n' },
      },
    });
  });

  test('SecretTemplate.metadata keeps the fetched keys', () => {
    const { chart, vault } = setup();
    new eso.ExternalSecret(chart, 'app', {
      metadata: { name: 'app' },
      store: vault,
      data: [eso.SecretValue.fromProperty('a', 'b', 'c')],
      template: eso.SecretTemplate.metadata({ labels: { 'app.kubernetes.io/part-of': 'shop' }, type: eso.SecretType.of('example.com/custom') }),
    });
    expect(Testing.synth(chart)[0].spec.target.template).toEqual({
      type: 'example.com/custom', engineVersion: 'v2', mergePolicy: 'Merge', metadata: { labels: { 'app.kubernetes.io/part-of': 'shop' } },
    });
  });

  test('ExternalSecret.tls guarantees tls.crt and tls.key', () => {
    const { app, chart, vault } = setup();
    eso.ExternalSecret.tls(chart, 'wildcard', {
      metadata: { name: 'wildcard-tls' },
      store: vault,
      cert: eso.SecretValue.fromProperty('WILDCARD_CRT', 'tazlab-k8s/static/tls/wildcard/WILDCARD_CRT', 'value'),
      key: eso.SecretValue.fromProperty('WILDCARD_KEY', 'tazlab-k8s/static/tls/wildcard/WILDCARD_KEY', 'value'),
      ca: eso.SecretValue.fromProperty('ca.pem', 'tazlab-k8s/static/tls/wildcard/CA', 'value'),
      secretLabels: { tier: 'edge' },
    });
    const [m] = Testing.synth(chart);
    expect(m.spec.target.template).toEqual({
      type: 'kubernetes.io/tls',
      engineVersion: 'v2',
      metadata: { labels: { tier: 'edge' } },
      data: { 'tls.crt': '{{ .WILDCARD_CRT }}', 'tls.key': '{{ .WILDCARD_KEY }}', 'ca.crt': '{{ index . "ca.pem" }}' },
    });
    expect(validateApp(app).errors).toBe(0);
    expect(() => eso.ExternalSecret.tls(chart, 'bad', {
      store: vault, cert: eso.SecretValue.fromProperty('x', 'a', 'b'), key: eso.SecretValue.fromProperty('x', 'a', 'c'),
    })).toThrow(/secretKey "x" is used twice/);
  });

  test('ExternalSecret.dockerConfigJson renders .dockerconfigjson from parts or copies it', () => {
    const { app, chart, vault } = setup();
    eso.ExternalSecret.dockerConfigJson(chart, 'regcred', {
      metadata: { name: 'regcred' },
      store: vault,
      registry: 'ghcr.io',
      username: eso.SecretValue.fromProperty('username', 'shop/registry', 'username'),
      password: eso.SecretValue.fromProperty('password', 'shop/registry', 'token'),
    });
    eso.ExternalSecret.dockerConfigJson(chart, 'regcred2', {
      metadata: { name: 'regcred2' },
      store: vault,
      dockerConfigJson: eso.SecretValue.fromProperty('config', 'shop/registry', 'dockerconfig'),
    });
    const out = Testing.synth(chart);
    expect(out.map((m: any) => m.spec.target.template)).toMatchSnapshot();
    expect(validateApp(app).errors).toBe(0);
    expect(() => eso.ExternalSecret.dockerConfigJson(chart, 'bad', { store: vault, registry: 'ghcr.io' })).toThrow(/needs registry, username and password/);
    expect(() => eso.ExternalSecret.dockerConfigJson(chart, 'bad2', {
      store: vault, registry: 'x', dockerConfigJson: eso.SecretValue.fromKey('c', 'k'),
    })).toThrow(/not both/);
  });

  test('SecretSource.find needs a filter; SecretRewrite.merge JSON needs into', () => {
    expect(() => eso.SecretSource.find({})).toThrow(/at least one of path, nameRegexp or tags/);
    expect(() => eso.SecretRewrite.merge({ strategy: eso.MergeStrategy.JSON })).toThrow(/needs "into"/);
  });

  test('a webhook-rejected spec fails the synth with the rule id', () => {
    const { chart, vault } = setup();
    new eso.ExternalSecret(chart, 'bad', {
      metadata: { name: 'bad' },
      store: vault,
      target: { creationPolicy: eso.CreationPolicy.MERGE, deletionPolicy: eso.DeletionPolicy.DELETE },
      data: [eso.SecretValue.fromProperty('a', 'secret/data/app', 'c')],
    });
    expect(() => Testing.synth(chart)).toThrow(/ESO-ES-DELETION-POLICY/);
    expect(() => Testing.synth(chart)).toThrow(/ESO-ES-VAULT-KEY/);
  });

  test('TypedExternalSecretProps: one set of common props feeds tls() and dockerConfigJson()', () => {
    const { chart, vault } = setup();
    const common = (name: string): eso.TypedExternalSecretProps => ({
      store: vault,
      metadata: { name, labels: { team: 'shop' } },
      secretLabels: { 'app.kubernetes.io/part-of': 'shop' },
      secretAnnotations: { owner: 'shop' },
    });
    eso.ExternalSecret.tls(chart, 'tls', {
      ...common('tls'),
      cert: eso.SecretValue.fromProperty('crt', 'shop/tls', 'crt'),
      key: eso.SecretValue.fromProperty('key', 'shop/tls', 'key'),
    });
    eso.ExternalSecret.dockerConfigJson(chart, 'docker', {
      ...common('docker'),
      dockerConfigJson: eso.SecretValue.fromProperty('config', 'shop/registry', 'dockerconfig'),
    });
    const out = Testing.synth(chart);
    for (const m of out) {
      expect(m.metadata.labels).toEqual({ team: 'shop' });
      expect(m.spec.target.template.metadata).toEqual({ labels: { 'app.kubernetes.io/part-of': 'shop' }, annotations: { owner: 'shop' } });
    }
    expect(out.map(m => m.spec.target.template.type)).toEqual(['kubernetes.io/tls', 'kubernetes.io/dockerconfigjson']);
  });

  test('a store imported by name is recorded as made elsewhere (no warning); kind always right', () => {
    const { app, chart, vault } = setup();
    const byo = eso.ClusterSecretStore.fromClusterSecretStoreName(chart, 'byo', 'my-secret-store');
    const local = eso.SecretStore.fromSecretStoreName(chart, 'local', 'local-store', { namespace: 'shop' });
    const es = new eso.ExternalSecret(chart, 'app', { metadata: { name: 'app-secrets' }, store: byo, data: [eso.SecretValue.fromProperty('database-url', 'my-app/database', 'url')] });
    es.addData(eso.SecretValue.fromProperty('x', 'a', 'b', { store: local }), eso.SecretValue.fromProperty('y', 'a', 'b', { store: vault }));
    const report = validateApp(app);
    expect(report.diagnostics).toEqual([]);
    const [m] = Testing.synth(chart);
    expect(m.metadata.annotations).toEqual({ [eso.ExternalSecretAnnotations.EXTERNAL_STORES]: 'ClusterSecretStore/my-secret-store,SecretStore/local-store' });
    expect(m.spec.secretStoreRef).toEqual({ name: 'my-secret-store', kind: 'ClusterSecretStore' });
  });
});

describe('ClusterExternalSecret', () => {
  test('fans the spec out by namespaces and selectors; cluster-scoped', () => {
    const { app, chart, vault } = setup();
    const ces = new eso.ClusterExternalSecret(chart, 'shared', {
      metadata: { name: 'shared' },
      namespaces: ['dex', 'auth'],
      namespaceSelectors: [kplus.LabelSelector.of({ labels: { 'tazlab.io/wildcard-tls': 'true' } })],
      externalSecretName: 'shared-es',
      externalSecretLabels: { team: 'platform' },
      externalSecretAnnotations: { note: 'fan-out' },
      refreshTime: Duration.minutes(30),
      store: vault,
      refreshInterval: Duration.hours(1),
      data: [eso.SecretValue.fromProperty('token', 'platform/token', 'value')],
    });
    ces.addData(eso.SecretValue.fromProperty('other', 'platform/other', 'value'));
    ces.addDataFrom(eso.SecretSource.extract('platform/bundle'));
    const out = Testing.synth(chart);
    expect(out).toMatchSnapshot();
    expect(out[0].metadata.namespace).toBeUndefined();
    expect(ces.targetName).toBe('shared-es');
    expect(ces.targetSecret.name).toBe('shared-es');
    expect(ces.name).toBe('shared');
    expect(validateApp(app).errors).toBe(0);
  });

  test('ClusterExternalSecret.tls replicates a TLS Secret', () => {
    const { chart, vault } = setup();
    eso.ClusterExternalSecret.tls(chart, 'wildcard', {
      metadata: { name: 'wildcard-tls' },
      namespaces: ['dex'],
      store: vault,
      cert: eso.SecretValue.fromProperty('CRT', 'tls/CRT', 'value'),
      key: eso.SecretValue.fromProperty('KEY', 'tls/KEY', 'value'),
    });
    const spec = Testing.synth(chart)[0].spec;
    expect(spec.externalSecretName).toBe('wildcard-tls');
    expect(spec.externalSecretSpec.target.template.data).toEqual({ 'tls.crt': '{{ .CRT }}', 'tls.key': '{{ .KEY }}' });
    expect(spec.externalSecretSpec.target.name).toBe('wildcard-tls');
  });

  test('without namespaces it throws', () => {
    const { chart, vault } = setup();
    expect(() => new eso.ClusterExternalSecret(chart, 'x', { store: vault, data: [] })).toThrow(/set namespaces or namespaceSelectors/);
  });
});
