import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  CaProvider, ClusterSecretStore, EsoValidation, OpenBaoAuth, SecretStore, SecretStoreKind, SecretStoreProvider,
  StoreAnnotations, VaultAuth, VaultAuthMethod, VaultKv, VaultKvVersion,
} from '../../src';

// Obviously fake test material.
const PEM = '-----BEGIN CERTIFICATE-----\nexample-not-a-certificate\n-----END CERTIFICATE-----\n';

function setup(namespace?: string) {
  const app = Testing.app();
  const chart = new Chart(app, 'test', namespace ? { namespace } : {});
  const esoSa = kplus.ServiceAccount.fromServiceAccountName(chart, 'eso-sa', 'external-secrets', { namespaceName: 'external-secrets' });
  const creds = kplus.Secret.fromSecretName(chart, 'creds', 'vault-creds');
  return { app, chart, esoSa, creds };
}

/** Every diagnostic of the chart's app (runs the engine without synthesizing). */
function errorsOf(chart: Chart) {
  return EsoValidation.of(chart).diagnostics();
}

describe('ClusterSecretStore + vault provider', () => {
  test('every field reaches the YAML', () => {
    const { chart, esoSa, creds } = setup();
    const store = new ClusterSecretStore(chart, 'vault', {
      metadata: { name: 'vault', labels: { team: 'platform' } },
      provider: SecretStoreProvider.vault({
        server: 'https://vault.example.internal:8200',
        kv: VaultKv.v2('secret'),
        namespace: 'team-a',
        authNamespace: 'admin',
        caBundle: PEM,
        clientTls: {
          certificate: { secret: creds, key: 'tls.crt', namespace: 'external-secrets' },
          privateKey: { secret: creds, key: 'tls.key', namespace: 'external-secrets' },
        },
        readYourWrites: true,
        forwardInconsistent: true,
        headers: { 'X-Example': 'yes' },
        checkAndSet: true,
        auth: VaultAuth.kubernetes({ role: 'external-secrets', serviceAccount: esoSa, audiences: ['vault'] }),
      }),
      refreshInterval: Duration.minutes(10),
      retrySettings: { maxRetries: 3, retryInterval: Duration.seconds(10) },
      controller: 'dev',
      conditions: [
        { namespaces: ['apps'] },
        { namespaceRegexes: ['^team-.*$'], namespaceSelector: kplus.LabelSelector.of({ labels: { 'eso/enabled': 'true' } }) },
      ],
    });
    const out = Testing.synth(chart);
    expect(out).toMatchSnapshot();
    const spec = out[0].spec;
    expect(out[0].apiVersion).toBe('external-secrets.io/v1');
    expect(spec.refreshInterval).toBe('10m');
    expect(spec.retrySettings).toEqual({ maxRetries: 3, retryInterval: '10s' });
    expect(spec.provider.vault.caBundle).toBe(Buffer.from(PEM).toString('base64'));
    expect(spec.provider.vault.version).toBe('v2');
    expect(spec.provider.vault.auth.namespace).toBe('admin');
    expect(spec.conditions[1].namespaceSelector).toEqual({ matchLabels: { 'eso/enabled': 'true' } });
    expect(store.toStoreRef()).toEqual({ name: 'vault', kind: SecretStoreKind.CLUSTER_SECRET_STORE });
    expect(store.storeNamespace).toBeUndefined();
    expect(store.vault).toEqual({
      providerKey: 'vault',
      server: 'https://vault.example.internal:8200',
      kvMountPath: 'secret',
      kvVersion: VaultKvVersion.V2,
      vaultNamespace: 'team-a',
      authMethod: VaultAuthMethod.KUBERNETES,
      authMountPath: 'kubernetes',
      role: 'external-secrets',
      serviceAccountName: 'external-secrets',
      serviceAccountNamespace: 'external-secrets',
      audiences: ['vault'],
    });
    expect(errorsOf(chart).filter(d => d.severity === 'error')).toEqual([]);
  });

  test('a ClusterSecretStore never carries the chart namespace', () => {
    const { chart, esoSa } = setup('apps');
    new ClusterSecretStore(chart, 'vault', {
      provider: SecretStoreProvider.vault({ server: 'https://vault:8200', kv: VaultKv.v1('kv'), auth: VaultAuth.kubernetes({ role: 'r', serviceAccount: esoSa }) }),
    });
    const [m] = Testing.synth(chart);
    expect(m.metadata.namespace).toBeUndefined();
    expect(m.spec.provider.vault).toMatchObject({ path: 'kv', version: 'v1' });
  });

  test('markReadOnly sets the flag and the annotation', () => {
    const { chart, esoSa } = setup();
    const store = new ClusterSecretStore(chart, 'replica', {
      provider: SecretStoreProvider.vault({ server: 'https://vault:8200', kv: VaultKv.v2('secret'), auth: VaultAuth.kubernetes({ role: 'r', serviceAccount: esoSa }) }),
    });
    expect(store.readOnly).toBe(false);
    store.markReadOnly();
    store.markReadOnly();
    expect(store.readOnly).toBe(true);
    expect(Testing.synth(chart)[0].metadata.annotations).toEqual({ [StoreAnnotations.READ_ONLY]: 'true' });
  });
});

describe('VaultAuth: every method, with its mount path always emitted', () => {
  const cases: Array<[string, (c: ReturnType<typeof setup>) => VaultAuth]> = [
    ['kubernetes with secretRef', ({ creds }) => VaultAuth.kubernetes({ role: 'r', mountPath: 'k8s-prod', secretRef: { secret: creds, key: 'token', namespace: 'external-secrets' } })],
    ['appRole', ({ creds }) => VaultAuth.appRole({ roleId: 'example-role-id', secretRef: { secret: creds, key: 'secret-id', namespace: 'external-secrets' } })],
    ['appRole with roleRef', ({ creds }) => VaultAuth.appRole({ path: 'ar', roleRef: { secret: creds, key: 'role-id', namespace: 'external-secrets' }, secretRef: { secret: creds, key: 'secret-id', namespace: 'external-secrets' } })],
    ['jwt with service account', ({ esoSa }) => VaultAuth.jwt({ role: 'r', serviceAccount: esoSa, audiences: ['vault'] })],
    ['jwt with secretRef', ({ creds }) => VaultAuth.jwt({ path: 'oidc', secretRef: { secret: creds, key: 'jwt', namespace: 'external-secrets' } })],
    ['cert', ({ creds }) => VaultAuth.cert({ vaultRole: 'eso', clientCert: { secret: creds, key: 'tls.crt', namespace: 'external-secrets' }, privateKey: { secret: creds, key: 'tls.key', namespace: 'external-secrets' } })],
    ['token', ({ creds }) => VaultAuth.token({ secretRef: { secret: creds, key: 'token', namespace: 'external-secrets' } })],
    ['ldap', ({ creds }) => VaultAuth.ldap({ username: 'eso', secretRef: { secret: creds, key: 'password', namespace: 'external-secrets' } })],
    ['userPass', ({ creds }) => VaultAuth.userPass({ username: 'eso', secretRef: { secret: creds, key: 'password', namespace: 'external-secrets' } })],
    ['iam', ({ creds, esoSa }) => VaultAuth.iam({
      vaultRole: 'eso',
      region: 'eu-west-1',
      awsRoleArn: 'arn:aws:iam::123456789012:role/eso',
      externalId: 'ext',
      vaultAwsIamServerId: 'vault.example',
      accessKeyId: { secret: creds, key: 'id', namespace: 'external-secrets' },
      secretAccessKey: { secret: creds, key: 'key', namespace: 'external-secrets' },
      sessionToken: { secret: creds, key: 'session', namespace: 'external-secrets' },
      serviceAccount: esoSa,
      audiences: ['sts.amazonaws.com'],
    })],
    ['gcp', ({ creds, esoSa }) => VaultAuth.gcp({
      role: 'eso',
      projectId: 'p',
      location: 'europe-west1',
      secretAccessKey: { secret: creds, key: 'sa.json', namespace: 'external-secrets' },
      workloadIdentity: { serviceAccount: esoSa, clusterLocation: 'europe-west1', clusterName: 'c', clusterProjectId: 'p' },
    })],
  ];
  test.each(cases)('%s', (_name, make) => {
    const ctx = setup();
    const auth = make(ctx);
    new ClusterSecretStore(ctx.chart, 'vault', {
      metadata: { name: 'vault' },
      provider: SecretStoreProvider.vault({ server: 'https://vault.example.internal:8200', kv: VaultKv.v2('secret'), auth }),
    });
    const out = Testing.synth(ctx.chart);
    expect(out[0].spec.provider.vault.auth).toMatchSnapshot();
    const body = out[0].spec.provider.vault.auth[auth.method];
    if (auth.method === VaultAuthMethod.KUBERNETES) expect(body.mountPath).toBe(auth.mountPath);
    else if (auth.method !== VaultAuthMethod.TOKEN) expect(body.path).toBe(auth.mountPath);
    // schema-valid (required-but-defaulted fields present) and no errors from any rule
    expect(errorsOf(ctx.chart).filter(d => d.severity === 'error')).toEqual([]);
  });

  test('token auth is warned about', () => {
    const ctx = setup();
    new ClusterSecretStore(ctx.chart, 'vault', {
      provider: SecretStoreProvider.vault({ server: 'https://vault:8200', kv: VaultKv.v2('secret'), auth: VaultAuth.token({ secretRef: { secret: ctx.creds, key: 'token', namespace: 'vault' } }) }),
    });
    expect(errorsOf(ctx.chart).map(d => d.ruleId)).toEqual(['ESO-VAULT-TOKEN-AUTH']);
  });
});

describe('SecretStore (namespaced)', () => {
  test('takes the chart namespace; secret namespaces default from cdk8s-plus Secrets', () => {
    const { chart } = setup('apps');
    const secret = new kplus.Secret(chart, 'token');
    const store = new SecretStore(chart, 'store', {
      metadata: { name: 'vault' },
      provider: SecretStoreProvider.vault({
        server: 'https://vault:8200',
        kv: VaultKv.v2('secret'),
        caProvider: CaProvider.fromSecret(secret, 'ca.crt'),
        auth: VaultAuth.appRole({ roleId: 'example-role-id', secretRef: { secret, key: 'secret-id' } }),
      }),
    });
    const m = Testing.synth(chart).find(o => o.kind === 'SecretStore');
    expect(m).toMatchSnapshot();
    expect(m.metadata.namespace).toBe('apps');
    expect(m.spec.provider.vault.auth.appRole.secretRef.namespace).toBe('apps');
    expect(store.storeNamespace).toBe('apps');
    expect(store.toStoreRef()).toEqual({ name: 'vault', kind: SecretStoreKind.SECRET_STORE });
  });

  test('a reference to another namespace is refused', () => {
    const { chart, creds } = setup('apps');
    new SecretStore(chart, 'store', {
      provider: SecretStoreProvider.vault({ server: 'https://vault:8200', kv: VaultKv.v2('secret'), auth: VaultAuth.userPass({ username: 'u', secretRef: { secret: creds, key: 'p', namespace: 'vault' } }) }),
    });
    expect(errorsOf(chart).filter(d => d.severity === 'error').map(d => d.ruleId)).toEqual(['ESO-VAULT-REF-NAMESPACE']);
  });
});

describe('fromXxxName', () => {
  test('reference stores made elsewhere', () => {
    const { chart } = setup();
    const css = ClusterSecretStore.fromClusterSecretStoreName(chart, 'byo', 'my-secret-store');
    const ss = SecretStore.fromSecretStoreName(chart, 'ss', 'team-store', { namespace: 'team-a' });
    expect(css.toStoreRef()).toEqual({ name: 'my-secret-store', kind: 'ClusterSecretStore' });
    expect(ss.toStoreRef()).toEqual({ name: 'team-store', kind: 'SecretStore' });
    expect(ss.storeNamespace).toBe('team-a');
    expect(css.storeNamespace).toBeUndefined();
    expect(css.readOnly).toBe(false);
    expect(css.vault).toBeUndefined();
    expect(Testing.synth(chart)).toEqual([]);
  });

  test('SecretStore.fromSecretStoreName: the namespace defaults to the chart of the reference', () => {
    const { chart } = setup('team-b');
    const ss = SecretStore.fromSecretStoreName(chart, 'ss', 'team-store');
    expect(ss.storeNamespace).toBeUndefined(); // resolved like a SecretStore made in this chart
    expect(ss.storeKind).toBe(SecretStoreKind.SECRET_STORE);
    expect(ss.toStoreRef()).toEqual({ name: 'team-store', kind: 'SecretStore' });
    const ns = SecretStore.fromSecretStoreName(chart, 'other', 'team-store', { namespace: 'team-c' });
    expect(ns.storeNamespace).toBe('team-c');
  });
});

describe('openBao provider', () => {
  test('emits its own schema', () => {
    const { chart, creds } = setup();
    const cm = kplus.ConfigMap.fromConfigMapName(chart, 'ca', 'bao-ca');
    const store = new ClusterSecretStore(chart, 'bao', {
      metadata: { name: 'bao' },
      provider: SecretStoreProvider.openBao({
        server: 'https://bao.example.internal:8200',
        kv: VaultKv.v2('secret'),
        namespace: 'team-a',
        authNamespace: 'root',
        caProvider: CaProvider.fromConfigMap(cm, 'ca.crt', { namespace: 'openbao' }),
        auth: OpenBaoAuth.appRole({ roleRef: { secret: creds, key: 'role-id', namespace: 'external-secrets' }, secretRef: { secret: creds, key: 'secret-id', namespace: 'external-secrets' } }),
      }),
    });
    expect(Testing.synth(chart)).toMatchSnapshot();
    expect(store.vault).toMatchObject({ providerKey: 'openBao', kvMountPath: 'secret', authMethod: 'appRole', authMountPath: 'approle' });
    expect(errorsOf(chart)).toEqual([]);
  });

  test.each([
    ['token', (c: ReturnType<typeof setup>) => OpenBaoAuth.token({ secretRef: { secret: c.creds, key: 'token', namespace: 'x' } })],
    ['userPass', (c: ReturnType<typeof setup>) => OpenBaoAuth.userPass({ username: 'eso', secretRef: { secret: c.creds, key: 'password', namespace: 'x' } })],
  ])('auth %s', (_n, make) => {
    const ctx = setup();
    new ClusterSecretStore(ctx.chart, 'bao', {
      metadata: { name: 'bao' },
      provider: SecretStoreProvider.openBao({ server: 'https://bao:8200', kv: VaultKv.v1('kv'), caBundle: Buffer.from(PEM).toString('base64'), auth: make(ctx) }),
    });
    expect(Testing.synth(ctx.chart)[0].spec.provider.openBao).toMatchSnapshot();
    expect(errorsOf(ctx.chart).filter(d => d.severity === 'error')).toEqual([]);
  });
});

describe('fake provider', () => {
  test('refused without the opt-in', () => {
    const { chart } = setup();
    new ClusterSecretStore(chart, 'dev', { provider: SecretStoreProvider.fake({ data: [{ key: 'k', value: 'example-not-a-secret' }] }) });
    expect(errorsOf(chart).map(d => d.ruleId)).toEqual(['ESO-STORE-FAKE-PROVIDER']);
  });
  test('accepted with allowPlaintextInGit', () => {
    const { chart } = setup();
    new ClusterSecretStore(chart, 'dev', {
      metadata: { name: 'default' },
      provider: SecretStoreProvider.fake({ allowPlaintextInGit: true, data: [{ key: 'k', value: 'example-not-a-secret', version: 'v1' }] }),
    });
    expect(Testing.synth(chart)).toMatchSnapshot();
    expect(errorsOf(chart)).toEqual([]);
  });
});

describe('custom provider', () => {
  test('is emitted as given and schema-checked', () => {
    const { chart } = setup();
    new ClusterSecretStore(chart, 'k8s', {
      metadata: { name: 'k8s' },
      provider: SecretStoreProvider.custom('kubernetes', { remoteNamespace: 'src', server: { caProvider: { type: 'ConfigMap', name: 'kube-root-ca.crt', key: 'ca.crt', namespace: 'default' } }, auth: { serviceAccount: { name: 'eso', namespace: 'default' } } }),
    });
    expect(Testing.synth(chart)).toMatchSnapshot();
    expect(errorsOf(chart)).toEqual([]);
  });
  test('a typo is caught by ESO-SCHEMA', () => {
    const { chart } = setup();
    new ClusterSecretStore(chart, 'k8s', { provider: SecretStoreProvider.custom('kubernetes', { remoteNamespce: 'src', auth: { token: { bearerToken: { name: 't', key: 'k', namespace: 'default' } } } }) });
    const d = errorsOf(chart).filter(x => x.ruleId === 'ESO-SCHEMA');
    expect(d.map(x => x.field)).toContain('spec.provider.kubernetes.remoteNamespce');
  });
});

describe('done-when (issue 2): a store with path "secret/data" fails the synth and writes nothing', () => {
  test('app.synth throws naming the field and the fix; the outdir stays empty', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'eso-stores-'));
    try {
      const app = new App({ outdir });
      const chart = new Chart(app, 'configs');
      const sa = kplus.ServiceAccount.fromServiceAccountName(chart, 'eso-sa', 'external-secrets', { namespaceName: 'external-secrets' });
      new ClusterSecretStore(chart, 'vault', {
        metadata: { name: 'vault' },
        provider: SecretStoreProvider.vault({ server: 'https://vault:8200', kv: VaultKv.v2('secret/data'), auth: VaultAuth.kubernetes({ role: 'r', serviceAccount: sa }) }),
      });
      EsoValidation.configure(app, { printWarnings: false });
      let message = '';
      try {
        app.synth();
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toContain('ESO-VAULT-KV-PATH');
      expect(message).toContain('spec.provider.vault.path');
      expect(message).toContain('set path: "secret"');
      expect(fs.readdirSync(outdir)).toEqual([]);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
