/**
 * The "maximal" apps of scripts/leaf-coverage.ts: every typed option of the constructs the library has for
 * the claimed kinds, set at least once (several apps/objects where options exclude each other). Only typed
 * props: no raw spec overrides, no `custom(...)` escape hatches.
 */
import { App, Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  ClusterExternalSecret, ConversionStrategy, CreationPolicy, DecodingStrategy, DeletionPolicy, ExternalSecret,
  MergeConflictPolicy, MergePriorityPolicy, MergeStrategy, MetadataPolicy, NullBytePolicy, RefreshPolicy, SecretRewrite,
  SecretSource, SecretTemplate, SecretType, SecretValue, SyncWindowKind, TargetManifest, TemplateFrom, TemplateMergePolicy,
  TemplateScope, TemplateTarget,
} from '../src/external-secrets';
import {
  ClusterGenerator, GeneratorSpec, PasswordEncoding, PasswordGenerator, UuidGenerator, VaultDynamicSecret,
  VaultDynamicSecretMethod, VaultDynamicSecretResultType,
} from '../src/generators';
import {
  ClusterPushSecret, PushConversionStrategy, PushRewrite, PushSecret, PushSecretDeletionPolicy, PushSecretUpdatePolicy,
  PushSource, PushValue,
} from '../src/push-secrets';
import {
  CaProvider, ClusterSecretStore, OpenBaoAuth, SecretStore, SecretStoreProvider, VaultAuth, VaultKv,
} from '../src/stores';
import { EsoValidation } from '../src/synth/eso-validation';
import {
  TokenReviewer, VaultAliasNameSource, VaultAuthMount, VaultCapability, VaultConfigOperator, VaultKubernetesAuthConfig,
  VaultKubernetesAuthRole, VaultListingVisibility, VaultMountTokenType, VaultPolicy, VaultSecretsEngine, VaultSecretsMount,
  VaultTokenType,
} from '../src/vault';

const PEM = '-----BEGIN CERTIFICATE-----\nexample-not-a-certificate\n-----END CERTIFICATE-----\n';

/** Every Vault auth method with every option, for stores and VaultDynamicSecret providers. */

/** A template with every field set; the ExternalSecret and PushSecret apps differ in merge policy and sources. */
function fullTemplate(mergePolicy: TemplateMergePolicy, templateFrom: TemplateFrom[]): SecretTemplate {
  return SecretTemplate.of({
    type: SecretType.OPAQUE,
    labels: { l: 'v' },
    annotations: { a: 'v' },
    finalizers: ['x/y'],
    data: { k: '{{ .a }}' },
    mergePolicy,
    templateFrom,
  });
}
function vaultAuths(c: Chart, ns: string): VaultAuth[] {
  const sa = kplus.ServiceAccount.fromServiceAccountName(c, `auth-sa-${ns}`, 'external-secrets', { namespaceName: ns });
  const creds = kplus.Secret.fromSecretName(c, `auth-creds-${ns}`, 'vault-creds');
  const ref = (key: string) => ({ secret: creds, key, namespace: ns });
  return [
    VaultAuth.kubernetes({ role: 'r', mountPath: 'kubernetes', serviceAccount: sa, audiences: ['vault'] }),
    VaultAuth.kubernetes({ role: 'r', secretRef: ref('token') }),
    VaultAuth.appRole({ path: 'approle', roleId: 'id', secretRef: ref('secret-id') }),
    VaultAuth.appRole({ roleRef: ref('role-id'), secretRef: ref('secret-id') }),
    VaultAuth.jwt({ path: 'jwt', role: 'r', secretRef: ref('jwt') }),
    VaultAuth.jwt({ path: 'jwt', role: 'r', serviceAccount: sa, audiences: ['vault'] }),
    VaultAuth.cert({ path: 'cert', vaultRole: 'r', clientCert: ref('tls.crt'), privateKey: ref('tls.key') }),
    VaultAuth.token({ secretRef: ref('token') }),
    VaultAuth.ldap({ path: 'ldap', username: 'u', secretRef: ref('password') }),
    VaultAuth.userPass({ path: 'userpass', username: 'u', secretRef: ref('password') }),
    VaultAuth.iam({
      vaultRole: 'r',
      path: 'aws',
      region: 'eu-west-1',
      awsRoleArn: 'arn:aws:iam::000000000000:role/x',
      externalId: 'e',
      vaultAwsIamServerId: 'vault.example.internal',
      accessKeyId: ref('ak'),
      secretAccessKey: ref('sk'),
      sessionToken: ref('st'),
    }),
    VaultAuth.iam({ vaultRole: 'r', serviceAccount: sa, audiences: ['sts.amazonaws.com'] }),
    VaultAuth.gcp({ role: 'r', path: 'gcp', projectId: 'p', location: 'europe-west1', secretAccessKey: ref('sa.json') }),
    VaultAuth.gcp({ role: 'r', serviceAccount: sa, audiences: ['x'] }),
    VaultAuth.gcp({
      role: 'r',
      workloadIdentity: { serviceAccount: sa, audiences: ['x'], clusterLocation: 'l', clusterName: 'n', clusterProjectId: 'p' },
    }),
  ];
}

/** `ns`: the namespace every Secret/ServiceAccount reference names (the store's own one for a namespaced store). */
function vaultProviders(c: Chart, ns: string): SecretStoreProvider[] {
  const creds = kplus.Secret.fromSecretName(c, `prov-creds-${ns}`, 'vault-tls');
  const cm = kplus.ConfigMap.fromConfigMapName(c, `prov-ca-${ns}`, 'vault-ca');
  const ref = (key: string) => ({ secret: creds, key, namespace: ns });
  const out: SecretStoreProvider[] = [];
  for (const auth of vaultAuths(c, ns)) {
    out.push(SecretStoreProvider.vault({
      server: 'https://vault.example.internal:8200',
      kv: VaultKv.v2('secret'),
      auth,
      namespace: 'ns',
      authNamespace: 'admin',
      caBundle: PEM,
      clientTls: { certificate: ref('tls.crt'), privateKey: ref('tls.key') },
      readYourWrites: true,
      forwardInconsistent: true,
      headers: { 'X-Example': 'yes' },
      checkAndSet: true,
    }));
  }
  out.push(SecretStoreProvider.vault({
    server: 'https://vault.example.internal:8200',
    kv: VaultKv.v1('kv1'),
    auth: VaultAuth.token({ secretRef: ref('token') }),
    caProvider: CaProvider.fromConfigMap(cm, 'ca.crt', { namespace: ns }),
  }));
  out.push(SecretStoreProvider.vault({
    server: 'https://vault.example.internal:8200',
    kv: VaultKv.v2('secret'),
    auth: VaultAuth.token({ secretRef: ref('token') }),
    caProvider: CaProvider.fromSecret(creds, 'ca.crt', { namespace: ns }),
  }));
  return out;
}

function openBaoProviders(c: Chart, ns: string): SecretStoreProvider[] {
  const creds = kplus.Secret.fromSecretName(c, `bao-creds-${ns}`, 'bao-creds');
  const ref = (key: string) => ({ secret: creds, key, namespace: ns });
  const auths = [
    OpenBaoAuth.appRole({ path: 'approle', roleId: 'id', secretRef: ref('secret-id') }),
    OpenBaoAuth.appRole({ roleRef: ref('role-id'), secretRef: ref('secret-id') }),
    OpenBaoAuth.token({ secretRef: ref('token') }),
    OpenBaoAuth.userPass({ path: 'userpass', username: 'u', secretRef: ref('password') }),
  ];
  const out = auths.map(auth => SecretStoreProvider.openBao({
    server: 'https://bao.example.internal:8200', kv: VaultKv.v2('secret'), auth, namespace: 'ns', authNamespace: 'admin', caBundle: PEM,
  }));
  out.push(SecretStoreProvider.openBao({
    server: 'https://bao.example.internal:8200',
    kv: VaultKv.v1('kv1'),
    auth: auths[2],
    caProvider: CaProvider.fromSecret(creds, 'ca.crt', { namespace: ns }),
  }));
  return out;
}

function storesApp(): App {
  const app = Testing.app();
  const c = new Chart(app, 'stores', { namespace: 'apps' });
  [...vaultProviders(c, 'apps'), ...openBaoProviders(c, 'apps')].forEach((provider, i) => {
    new SecretStore(c, `s${i}`, {
      provider, refreshInterval: Duration.minutes(10), retrySettings: { maxRetries: 3, retryInterval: Duration.seconds(10) }, controller: 'dev',
    });
  });
  [...vaultProviders(c, 'external-secrets'), ...openBaoProviders(c, 'external-secrets')].forEach((provider, i) => {
    new ClusterSecretStore(c, `cs${i}`, {
      provider,
      refreshInterval: Duration.minutes(10),
      retrySettings: { maxRetries: 3, retryInterval: Duration.seconds(10) },
      controller: 'dev',
      conditions: [
        { namespaces: ['apps'] },
        {
          namespaceRegexes: ['^team-.*$'],
          namespaceSelector: kplus.LabelSelector.of({
            labels: { 'eso/enabled': 'true' }, expressions: [kplus.LabelExpression.in('tier', ['a'])],
          }),
        },
      ],
    });
  });
  return app;
}

function generatorsApp(): App {
  const app = Testing.app();
  const c = new Chart(app, 'generators', { namespace: 'apps' });
  const pw = {
    length: 32,
    digits: 6,
    symbols: 4,
    symbolCharacters: '-_',
    noUpper: false,
    allowRepeat: true,
    secretKeys: ['password'],
    encoding: PasswordEncoding.BASE64,
  };
  new PasswordGenerator(c, 'pw', pw);
  new UuidGenerator(c, 'uuid', {});
  new ClusterGenerator(c, 'cpw', { generator: GeneratorSpec.password(pw) });
  new ClusterGenerator(c, 'cuuid', { generator: GeneratorSpec.uuid() });
  vaultProviders(c, 'apps').forEach((provider, i) => {
    const opts = {
      provider,
      path: 'database/creds/app',
      method: VaultDynamicSecretMethod.POST,
      parameters: { ttl: '1h' },
      queryParameters: { q: ['a'] },
      resultType: VaultDynamicSecretResultType.DATA,
      allowEmptyResponse: true,
      retrySettings: { maxRetries: 3, retryInterval: Duration.seconds(10) },
      controller: 'dev',
    };
    new VaultDynamicSecret(c, `vds${i}`, opts);
    new ClusterGenerator(c, `cvds${i}`, { generator: GeneratorSpec.vaultDynamicSecret(opts) });
  });
  return app;
}

function externalSecretsApp(): App {
  const app = Testing.app();
  const c = new Chart(app, 'es', { namespace: 'apps' });
  const store = SecretStore.fromSecretStoreName(c, 'store', 'vault');
  const cstore = ClusterSecretStore.fromClusterSecretStoreName(c, 'cstore', 'vault');
  const gen = new PasswordGenerator(c, 'pw', {});
  const cm = kplus.ConfigMap.fromConfigMapName(c, 'tpl-cm', 'templates');
  const sec = kplus.Secret.fromSecretName(c, 'tpl-sec', 'templates');
  const ref = {
    version: '1',
    conversionStrategy: ConversionStrategy.DEFAULT,
    decodingStrategy: DecodingStrategy.AUTO,
    metadataPolicy: MetadataPolicy.FETCH,
    nullBytePolicy: NullBytePolicy.IGNORE,
  };
  const rewrites = [
    SecretRewrite.regexp('^a', 'b'), SecretRewrite.transform('{{ .value }}'),
    SecretRewrite.merge({
      into: 'x',
      priority: ['a'],
      priorityPolicy: MergePriorityPolicy.STRICT,
      conflictPolicy: MergeConflictPolicy.ERROR,
      strategy: MergeStrategy.EXTRACT,
    }),
  ];
  const spec = (manifest?: TargetManifest) => ({
    store,
    refreshInterval: Duration.hours(1),
    refreshPolicy: RefreshPolicy.PERIODIC,
    syncWindows: { kind: SyncWindowKind.ALLOW, windows: [{ schedule: '0 * * * *', duration: Duration.minutes(10) }] },
    target: {
      name: 'out', creationPolicy: CreationPolicy.OWNER, deletionPolicy: DeletionPolicy.RETAIN, immutable: true, manifest,
    },
    data: [
      SecretValue.fromKey('a', 'app/a', { ...ref, store: cstore }),
      SecretValue.fromProperty('b', 'app/b', 'p', ref),
    ],
    dataFrom: [
      SecretSource.extract('app/c', { ...ref, property: 'p', store: cstore, rewrite: rewrites }),
      SecretSource.find({
        path: 'app',
        nameRegexp: '^x',
        tags: { t: 'v' },
        conversionStrategy: ConversionStrategy.DEFAULT,
        decodingStrategy: DecodingStrategy.NONE,
        nullBytePolicy: NullBytePolicy.FAIL,
        store: cstore,
        rewrite: rewrites,
      }),
    ],
    template: fullTemplate(TemplateMergePolicy.MERGE, [
      TemplateFrom.configMap(cm, [{ key: 'k', templateAs: TemplateScope.VALUES }], { target: TemplateTarget.DATA }),
      TemplateFrom.secret(sec, [{ key: 'k', templateAs: TemplateScope.KEYS_AND_VALUES }], { target: TemplateTarget.ANNOTATIONS, valuesDecodingStrategy: DecodingStrategy.BASE64 }),
      TemplateFrom.literal('{{ .a }}', { target: TemplateTarget.LABELS, valuesDecodingStrategy: DecodingStrategy.BASE64 }),
      // a free target path is for manifest targets only
      ...manifest ? [TemplateFrom.literal('{{ .a }}', { targetPath: 'data.x' })] : [],
    ]),
  });
  new ExternalSecret(c, 'es', spec());
  new ExternalSecret(c, 'es-m', spec(TargetManifest.configMap()));
  const fanOut = {
    namespaces: ['a'],
    namespaceSelectors: [kplus.LabelSelector.of({ labels: { x: 'y' }, expressions: [kplus.LabelExpression.exists('z')] })],
    externalSecretName: 'es',
    externalSecretLabels: { l: 'v' },
    externalSecretAnnotations: { a: 'v' },
    refreshTime: Duration.minutes(1),
  };
  new ClusterExternalSecret(c, 'ces', { ...spec(), ...fanOut, store: cstore });
  new ClusterExternalSecret(c, 'ces-m', { ...spec(TargetManifest.configMap()), ...fanOut, store: cstore });
  // a generator source on its own (mixed with store values under a periodic refresh it would regenerate on every poll)
  new ExternalSecret(c, 'es-gen', { dataFrom: [SecretSource.generator(gen, { rewrite: rewrites })] });
  new ClusterExternalSecret(c, 'ces-gen', { ...fanOut, externalSecretName: 'es-gen', dataFrom: [SecretSource.generator(gen, { rewrite: rewrites })] });
  const v = (k: string) => SecretValue.fromKey(k, `app/${k}`, { store: cstore });
  ExternalSecret.tls(c, 'tls', { cert: v('c'), key: v('k'), ca: v('a'), secretLabels: { l: 'v' }, secretAnnotations: { a: 'v' } });
  ExternalSecret.dockerConfigJson(c, 'dcj', { registry: 'r.example', username: v('u'), password: v('p') });
  return app;
}

function pushSecretsApp(): App {
  const app = Testing.app();
  const c = new Chart(app, 'push', { namespace: 'apps' });
  const store = SecretStore.fromSecretStoreName(c, 'store', 'vault');
  const cstore = ClusterSecretStore.fromClusterSecretStoreName(c, 'cstore', 'vault');
  const sec = kplus.Secret.fromSecretName(c, 'src', 'src');
  const cm = kplus.ConfigMap.fromConfigMapName(c, 'tpl-cm', 'templates');
  const gen = new PasswordGenerator(c, 'pw', {});
  const sel = kplus.LabelSelector.of({ labels: { x: 'y' }, expressions: [kplus.LabelExpression.in('a', ['b'])] });
  // every push object writes its own remote keys (two pushes to one key overwrite each other)
  const common = (i: string) => ({
    stores: [store, cstore],
    storeSelectors: [{ selector: sel }],
    data: [
      PushValue.property('k', `app${i}/k`, 'p', { conversionStrategy: PushConversionStrategy.NONE, metadata: { mergePolicy: 'Merge' } }),
      PushValue.key('k', `app${i}/k2`), PushValue.wholeSecret(`app${i}/all`, { property: 'p', metadata: { a: 'b' } }),
    ],
    dataTo: [{
      store,
      storeSelector: { selector: sel },
      remoteKey: `app${i}/to`,
      match: '^a',
      conversionStrategy: PushConversionStrategy.REVERSE_UNICODE,
      metadata: { a: 'b' },
    }, {
      storeSelector: { selector: sel }, match: '^b', rewrite: [PushRewrite.regexp('^b', `app${i}/b`), PushRewrite.transform('{{ .value }}')],
    }],
    refreshInterval: Duration.hours(1),
    updatePolicy: PushSecretUpdatePolicy.IF_NOT_EXISTS,
    deletionPolicy: PushSecretDeletionPolicy.DELETE,
    template: fullTemplate(TemplateMergePolicy.REPLACE, [
      TemplateFrom.secret(sec, [{ key: 'k', templateAs: TemplateScope.VALUES }], { target: TemplateTarget.DATA }),
      TemplateFrom.configMap(cm, [{ key: 'k', templateAs: TemplateScope.KEYS_AND_VALUES }], { valuesDecodingStrategy: DecodingStrategy.BASE64 }),
      TemplateFrom.literal('{{ .a }}', { target: TemplateTarget.LABELS }),
    ]),
  });
  const sources = [PushSource.secret(sec), PushSource.secretsMatching(sel), PushSource.generator(gen)];
  sources.forEach((source, i) => {
    new PushSecret(c, `p${i}`, { ...common(`p${i}`), source });
    new ClusterPushSecret(c, `cp${i}`, {
      ...common(`cp${i}`),
      source,
      namespaceSelectors: [sel],
      pushSecretName: 'p',
      pushSecretMetadata: { labels: { l: 'v' }, annotations: { a: 'v' } },
      refreshTime: Duration.minutes(1),
    });
  });
  return app;
}

function vaultApp(): App {
  const app = Testing.app();
  const c = new Chart(app, 'vault', { namespace: 'vault-admin' });
  const tlsSecret = kplus.Secret.fromSecretName(c, 'tls', 'vault-tls');
  const opSa = kplus.ServiceAccount.fromServiceAccountName(c, 'op-sa', 'vault-config-operator', { namespaceName: 'vault-admin' });
  const esoSa = kplus.ServiceAccount.fromServiceAccountName(c, 'eso-sa', 'external-secrets', { namespaceName: 'external-secrets' });
  const vaultSa = kplus.ServiceAccount.fromServiceAccountName(c, 'vault-sa', 'vault', { namespaceName: 'vault' });
  const targets = [
    VaultConfigOperator.authenticateAs('vault-admin', {
      namespace: 'vault-admin',
      authMountPath: 'kubernetes',
      serviceAccount: opSa,
      vaultNamespace: 'team',
      address: 'https://vault.example.internal:8200',
      tlsSecret,
      tlsServerName: 'vault.example.internal',
      caCertFile: '/ca.crt',
      tlsSkipVerify: false,
      timeout: Duration.seconds(30),
      maxRetries: 3,
    }),
  ];
  const tune = {
    defaultLeaseTtl: Duration.hours(1),
    maxLeaseTtl: Duration.hours(2),
    auditNonHmacRequestKeys: ['a'],
    auditNonHmacResponseKeys: ['b'],
    listingVisibility: VaultListingVisibility.UNAUTH,
    passthroughRequestHeaders: ['X-A'],
    allowedResponseHeaders: ['X-B'],
  };
  targets.forEach((target, i) => {
    const am = new VaultAuthMount(c, `am${i}`, {
      ...tune,
      target,
      path: `k8s${i}`,
      methodType: 'kubernetes',
      description: 'd',
      local: true,
      sealWrap: true,
      tokenType: VaultMountTokenType.DEFAULT_SERVICE,
      tuneDescription: 't',
      tuneOptions: { o: 'v' },
      allowPrune: true,
      objectName: `am${i}`,
    });
    new VaultSecretsMount(c, `sm${i}`, {
      ...tune,
      target,
      path: `team/kv${i}`,
      engine: VaultSecretsEngine.of('kv', { version: '2' }),
      description: 'd',
      local: true,
      sealWrap: true,
      externalEntropyAccess: true,
      forceNoCache: true,
      allowPrune: true,
      objectName: `sm${i}`,
    });
    const policy = new VaultPolicy(c, `p${i}`, {
      target,
      policyName: `pol_${i}`,
      objectName: `pol${i}`,
      allowSubscribeAndRecover: true,
      rules: [{ path: 'kv/data/a', capabilities: [VaultCapability.READ] }],
    });
    new VaultKubernetesAuthRole(c, `r${i}`, {
      target,
      mount: am,
      objectName: `role${i}`,
      roleName: `role_${i}`,
      policies: [policy],
      boundServiceAccountNames: ['x'],
      namespaceSelectorLabels: { a: 'b' },
      namespaceSelectorExpressions: [kplus.LabelExpression.in('t', ['u'])],
      audience: 'vault',
      aliasNameSource: VaultAliasNameSource.SERVICEACCOUNT_UID,
      tokenTtl: Duration.hours(1),
      tokenMaxTtl: Duration.hours(2),
      tokenExplicitMaxTtl: Duration.hours(3),
      tokenPeriod: Duration.hours(1),
      tokenNumUses: 0,
      tokenBoundCidrs: ['10.0.0.0/8'],
      tokenNoDefaultPolicy: true,
      tokenType: VaultTokenType.SERVICE,
    });
    new VaultKubernetesAuthRole(c, `rn${i}`, {
      target, mount: am, objectName: `rolen${i}`, roleName: `rolen${i}`, boundServiceAccountNames: ['x'], boundServiceAccountNamespaces: ['y'], policies: [policy],
    });
    new VaultKubernetesAuthRole(c, `rs${i}`, {
      target, mount: am, objectName: `roles${i}`, roleName: `roles${i}`, serviceAccounts: [esoSa], policies: [policy],
    });
    new VaultKubernetesAuthConfig(c, `kc${i}`, {
      target,
      mount: am,
      tokenReviewer: TokenReviewer.vaultInCluster(vaultSa),
      kubernetesHost: 'https://kubernetes.default.svc',
      kubernetesCaCert: PEM,
      pemKeys: [PEM],
      useAnnotationsAsAliasMetadata: true,
      issuer: 'iss',
      disableIssValidation: true,
      useOperatorPodCa: true,
      objectName: `kc${i}`,
    });
    new VaultKubernetesAuthConfig(c, `kd${i}`, {
      target, mountPath: `other${i}`, tokenReviewer: TokenReviewer.dedicatedServiceAccount(opSa), objectName: `kd${i}`, bindingName: `b${i}`,
    });
    new VaultKubernetesAuthConfig(c, `ke${i}`, {
      target, mountPath: `third${i}`, tokenReviewer: TokenReviewer.clientJwt(esoSa), objectName: `ke${i}`, bindingName: `c${i}`,
    });
  });
  return app;
}

/** Each builder on its own, so one refused option does not hide the others. */
export function buildMaximalApps(): Record<string, App> {
  const out: Record<string, App> = {};
  for (const [name, build] of Object.entries({ storesApp, generatorsApp, externalSecretsApp, pushSecretsApp, vaultApp })) {
    try {
      const app = build();
      // token auth and the like are warned about; this is a field inventory, not an app to ship
      EsoValidation.configure(app, { printWarnings: false });
      out[name] = app;
    } catch (e) {
      console.error(`leaf-coverage: ${name} failed: ${(e as Error).message}`);
    }
  }
  return out;
}
