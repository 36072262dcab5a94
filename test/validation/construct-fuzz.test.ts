import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import fc from 'fast-check';
import * as eso from '../../src';
import { validateManifests } from '../../src/validation/engine';
import { apiVersionRule } from '../../src/validation/rules/core/api-version';
import { schemaRule } from '../../src/validation/rules/core/schema';

/**
 * Property-based tests over construct props (fixed seeds, bounded runs): whatever a user passes — names,
 * keys, remote paths, durations, policies, counts — building the constructs and synthesizing either
 * succeeds with output every CRD schema accepts, or fails with an Error that names the problem (the
 * validation report, or an eager construct error). Never a TypeError / RangeError / undefined access, and
 * `app.synth()` never leaves a partial set of files behind.
 */

/** Local bug hunts: ESO_FUZZ_RUNS=2000 ESO_FUZZ_SEED=5 npx jest test/validation/construct-fuzz.test.ts (CI uses the defaults). */
const RUNS = Number(process.env.ESO_FUZZ_RUNS ?? 60);
const SEED_OFFSET = Number(process.env.ESO_FUZZ_SEED ?? 0);

// ---- arbitraries ---------------------------------------------------------------------------------------

const dnsLabel = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,14}[a-z0-9])?$/);
/** Mostly valid names, sometimes junk a user could type. */
const name = fc.oneof(
  { weight: 4, arbitrary: dnsLabel },
  { weight: 1, arbitrary: fc.constantFrom('', 'UPPER', 'a_b', '-lead', 'trail-', 'dot.ted', 'x'.repeat(300), 'sp ace', 'ünï') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
/** Secret keys: the ESO pattern `^[-._a-zA-Z0-9]+$`, or anything. */
const secretKey = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[-._a-zA-Z0-9]{1,12}$/) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);
/** Remote (Vault) keys: mount-relative paths, and the classic mistakes. */
const remoteKey = fc.oneof(
  { weight: 4, arbitrary: fc.array(dnsLabel, { minLength: 1, maxLength: 4 }).map(p => p.join('/')) },
  { weight: 1, arbitrary: fc.constantFrom('secret/data/app/db', '/app/db', 'app/db/', 'data/app', '', 'kv/metadata/x') },
  { weight: 1, arbitrary: fc.string({ maxLength: 16 }) },
);
const mount = fc.oneof(dnsLabel, fc.constantFrom('secret/data', '/kv', 'kv/', 'team-a/kv', ''));
const count = fc.oneof(fc.integer({ min: -3, max: 80 }), fc.constantFrom(0.5, 2.7, Number.NaN, 1e9));
/** cdk8s Durations, including zero, sub-second and huge amounts (cdk8s itself refuses negative ones). */
const duration = fc.oneof(
  fc.nat({ max: 100_000 }).map(s => Duration.seconds(s)),
  fc.nat({ max: 5_000 }).map(m => Duration.minutes(m)),
  fc.nat({ max: 1_000 }).map(d => Duration.days(d)),
  fc.integer({ min: 1, max: 5000 }).map(ms => Duration.millis(ms)),
);
const enumValue = <T extends object>(e: T) => fc.constantFrom(...(Object.values(e) as Array<T[keyof T]>));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });
/** A string map as a user writes it (fast-check's dictionaries have a null prototype, which cdk8s refuses to render). */
const stringMap = (keys: fc.Arbitrary<string>, values: fc.Arbitrary<string>) =>
  fc.dictionary(keys, values, { maxKeys: 2 }).map(d => Object.fromEntries(Object.entries(d)) as Record<string, string>);

// ---- the property --------------------------------------------------------------------------------------

/** Messages that betray a crash instead of a diagnosis. */
const CRASH = /Cannot read propert|Cannot set propert|is not a function|is not iterable|undefined is not|null is not|Maximum call stack|Invalid array length/;

/**
 * The error names the problem: either the validation report (with rule ids; the user's values inside it
 * may contain anything), or an eager construct error that is not a crash in disguise.
 */
function assertNamedError(e: any) {
  if (!(e instanceof Error) || e.constructor !== Error) throw new Error(`threw ${e?.constructor?.name ?? typeof e}: ${e?.message ?? e}\n${e?.stack}`);
  if (/cdk8s-external-secrets found problems/.test(e.message)) {
    if (!/\[ESO-[A-Z0-9-]+\]/.test(e.message)) throw new Error(`validation report without rule ids: ${e.message}`);
    return;
  }
  if (CRASH.test(e.message) || !e.message.trim()) throw new Error(`crash-like error: ${e.message}\n${e.stack}`);
}

/**
 * Builds the scenario in a fresh app and synthesizes the chart. Returns how it ended; throws (failing the
 * property) when the outcome breaks the contract.
 */
function check(build: (chart: Chart) => void): 'ok' | 'refused' {
  if (process.env.ESO_FUZZ_DEBUG) (globalThis as any).__last = undefined;
  const app = Testing.app();
  const chart = new Chart(app, 'fuzz', { namespace: 'fuzz' });
  let manifests: any[];
  try {
    build(chart);
    manifests = Testing.synth(chart);
  } catch (e: any) {
    assertNamedError(e);
    return 'refused';
  }
  const schema = validateManifests(manifests.map(manifest => ({ manifest })), { rules: [schemaRule, apiVersionRule] });
  if (schema.errors) throw new Error(`synthesized output breaks the CRD schema:\n${schema.diagnostics.map(d => `${d.ruleId} ${d.field}: ${d.message}`).join('\n')}`);
  return 'ok';
}

/** Runs the property and makes sure both outcomes actually happen (the generators are not degenerate). */
function assertProperty<T>(arb: fc.Arbitrary<T>, build: (chart: Chart, props: T) => void, seed: number, numRuns = RUNS) {
  const seen = { ok: 0, refused: 0 };
  fc.assert(fc.property(arb, props => {
    seen[check(chart => build(chart, props))]++;
  }), { seed: seed + SEED_OFFSET, numRuns });
  expect(seen.ok).toBeGreaterThan(0);
  expect(seen.refused).toBeGreaterThan(0);
}

const secretRef = (chart: Chart, n: string, key: string) => ({ secret: kplus.Secret.fromSecretName(chart, `ref-${n}-${key}`, n), key });

// ---- stores --------------------------------------------------------------------------------------------

const vaultAuth = fc.oneof(
  fc.record({ kind: fc.constant('kubernetes' as const), role: name, mountPath: maybe(mount), sa: maybe(name), audiences: maybe(fc.array(name, { maxLength: 2 })) }),
  fc.record({ kind: fc.constant('appRole' as const), roleId: maybe(name), secret: name, key: secretKey, path: maybe(mount) }),
  fc.record({ kind: fc.constant('token' as const), secret: name, key: secretKey }),
  fc.record({ kind: fc.constant('userPass' as const), username: name, secret: name, key: secretKey, path: maybe(mount) }),
);

const storeProps = fc.record({
  cluster: fc.boolean(),
  name: maybe(name),
  server: fc.oneof(fc.constantFrom('https://vault.example.internal:8200', 'http://vault:8200', 'vault:8200', 'https://vault.example.internal:8200/v1', ''), fc.webUrl()),
  mount,
  v1: fc.boolean(),
  auth: vaultAuth,
  namespace: maybe(name),
  refreshInterval: maybe(duration),
  retries: maybe(fc.record({ maxRetries: maybe(count), retryInterval: maybe(duration) })),
  checkAndSet: maybe(fc.boolean()),
  conditions: maybe(fc.array(fc.record({ namespaces: maybe(fc.array(name, { maxLength: 2 })), namespaceRegexes: maybe(fc.array(fc.constantFrom('^team-.*$', 'team', '(?=x)', '[', '^a$'), { maxLength: 2 })) }), { maxLength: 2 })),
});

function vaultAuthOf(chart: Chart, a: any): eso.VaultAuth {
  switch (a.kind) {
    case 'kubernetes':
      return eso.VaultAuth.kubernetes({
        role: a.role,
        mountPath: a.mountPath,
        audiences: a.audiences,
        serviceAccount: a.sa === undefined ? undefined : kplus.ServiceAccount.fromServiceAccountName(chart, 'sa', a.sa),
      });
    case 'appRole':
      return eso.VaultAuth.appRole({ roleId: a.roleId, path: a.path, secretRef: secretRef(chart, a.secret, a.key) });
    case 'token':
      return eso.VaultAuth.token({ secretRef: secretRef(chart, a.secret, a.key) });
    default:
      return eso.VaultAuth.userPass({ username: a.username, path: a.path, secretRef: secretRef(chart, a.secret, a.key) });
  }
}

function buildStore(chart: Chart, p: any): eso.ISecretStore {
  const provider = eso.SecretStoreProvider.vault({
    server: p.server,
    kv: p.v1 ? eso.VaultKv.v1(p.mount) : eso.VaultKv.v2(p.mount),
    auth: vaultAuthOf(chart, p.auth),
    namespace: p.namespace,
    checkAndSet: p.checkAndSet,
  });
  const common = {
    metadata: p.name === undefined ? undefined : { name: p.name },
    provider,
    refreshInterval: p.refreshInterval,
    retrySettings: p.retries,
  };
  return p.cluster
    ? new eso.ClusterSecretStore(chart, 'store', { ...common, conditions: p.conditions })
    : new eso.SecretStore(chart, 'store', common);
}

// ---- ExternalSecret ------------------------------------------------------------------------------------

const valueArb = fc.record({
  secretKey,
  key: remoteKey,
  property: maybe(name),
  metadataPolicy: maybe(enumValue(eso.MetadataPolicy)),
  decoding: maybe(enumValue(eso.DecodingStrategy)),
});
const sourceArb = fc.oneof(
  fc.record({ kind: fc.constant('extract' as const), key: remoteKey, rewrite: maybe(fc.tuple(fc.constantFrom('^(.*)$', '(', 'a'), fc.constantFrom('x_$1', ''))) }),
  fc.record({ kind: fc.constant('find' as const), path: maybe(remoteKey), nameRegexp: maybe(fc.constantFrom('^app-.*', '^db-', '.*')), tags: maybe(stringMap(dnsLabel, name)) }),
  fc.record({ kind: fc.constant('password' as const), length: maybe(count) }),
);
const esProps = fc.record({
  name: maybe(name),
  store: storeProps,
  refreshInterval: maybe(duration),
  refreshPolicy: maybe(enumValue(eso.RefreshPolicy)),
  target: maybe(fc.record({
    name: maybe(name),
    creationPolicy: maybe(enumValue(eso.CreationPolicy)),
    deletionPolicy: maybe(enumValue(eso.DeletionPolicy)),
    immutable: maybe(fc.boolean()),
  })),
  data: fc.array(valueArb, { maxLength: 3 }),
  dataFrom: fc.array(sourceArb, { maxLength: 2 }),
  template: maybe(stringMap(secretKey, fc.constantFrom('{{ .a }}', '{{ .a | b64dec }}', '{{ .a ', 'plain', '{{ .a | base64decode }}'))),
});

function buildExternalSecret(chart: Chart, p: any) {
  const store = buildStore(chart, p.store);
  const dataFrom = p.dataFrom.map((s: any, i: number) => {
    if (s.kind === 'extract') return eso.SecretSource.extract(s.key, { rewrite: s.rewrite ? [eso.SecretRewrite.regexp(s.rewrite[0], s.rewrite[1])] : undefined });
    if (s.kind === 'find') return eso.SecretSource.find({ path: s.path, nameRegexp: s.nameRegexp, tags: s.tags });
    return eso.SecretSource.generator(new eso.PasswordGenerator(chart, `pw${i}`, { length: s.length }));
  });
  new eso.ExternalSecret(chart, 'es', {
    metadata: p.name === undefined ? undefined : { name: p.name },
    store,
    refreshInterval: p.refreshInterval,
    refreshPolicy: p.refreshPolicy,
    target: p.target,
    data: p.data.map((v: any) => (v.property === undefined
      ? eso.SecretValue.fromKey(v.secretKey, v.key, { metadataPolicy: v.metadataPolicy, decodingStrategy: v.decoding })
      : eso.SecretValue.fromProperty(v.secretKey, v.key, v.property, { metadataPolicy: v.metadataPolicy, decodingStrategy: v.decoding }))),
    dataFrom,
    template: p.template ? eso.SecretTemplate.of({ data: p.template }) : undefined,
  });
}

// ---- PushSecret ----------------------------------------------------------------------------------------

const pushProps = fc.record({
  name: maybe(name),
  store: storeProps,
  source: fc.oneof(
    fc.record({ kind: fc.constant('secret' as const), name }),
    fc.record({ kind: fc.constant('generator' as const), length: maybe(count), digits: maybe(count) }),
    fc.record({ kind: fc.constant('labels' as const), value: name }),
  ),
  data: fc.array(fc.oneof(
    fc.record({ kind: fc.constant('property' as const), secretKey, remoteKey, property: name }),
    fc.record({ kind: fc.constant('key' as const), secretKey, remoteKey }),
    fc.record({ kind: fc.constant('whole' as const), remoteKey, property: maybe(name) }),
  ), { maxLength: 3 }),
  dataTo: maybe(fc.record({ remoteKey: maybe(remoteKey), match: maybe(fc.constantFrom('^db-', '(', '.*')), rewrite: maybe(fc.constantFrom('^db-', '[')) })),
  refreshInterval: maybe(duration),
  updatePolicy: maybe(enumValue(eso.PushSecretUpdatePolicy)),
  deletionPolicy: maybe(enumValue(eso.PushSecretDeletionPolicy)),
});

function buildPushSecret(chart: Chart, p: any) {
  const store = buildStore(chart, p.store);
  const source = p.source.kind === 'secret' ? eso.PushSource.secretName(p.source.name)
    : p.source.kind === 'generator' ? eso.PushSource.generator(new eso.PasswordGenerator(chart, 'pw', { length: p.source.length, digits: p.source.digits }))
      : eso.PushSource.secretsMatching(kplus.LabelSelector.of({ labels: { app: p.source.value } }));
  new eso.PushSecret(chart, 'ps', {
    metadata: p.name === undefined ? undefined : { name: p.name },
    stores: [store],
    source,
    data: p.data.map((d: any) => (d.kind === 'property' ? eso.PushValue.property(d.secretKey, d.remoteKey, d.property)
      : d.kind === 'key' ? eso.PushValue.key(d.secretKey, d.remoteKey)
        : eso.PushValue.wholeSecret(d.remoteKey, { property: d.property }))),
    dataTo: p.dataTo ? [{
      store,
      remoteKey: p.dataTo.remoteKey,
      match: p.dataTo.match,
      rewrite: p.dataTo.rewrite ? [eso.PushRewrite.regexp(p.dataTo.rewrite, 'app/')] : undefined,
    }] : undefined,
    refreshInterval: p.refreshInterval,
    updatePolicy: p.updatePolicy,
    deletionPolicy: p.deletionPolicy,
  });
}

// ---- PasswordGenerator ---------------------------------------------------------------------------------

const passwordProps = fc.record({
  name: maybe(name),
  length: maybe(count),
  digits: maybe(count),
  symbols: maybe(count),
  symbolCharacters: maybe(fc.constantFrom('', '-_', '!@#$%^&*', '"\'\\', 'ab')),
  noUpper: maybe(fc.boolean()),
  allowRepeat: maybe(fc.boolean()),
  secretKeys: maybe(fc.array(secretKey, { maxLength: 3 })),
  encoding: maybe(enumValue(eso.PasswordEncoding)),
});

function buildPassword(chart: Chart, p: any) {
  const { name: n, ...props } = p;
  new eso.PasswordGenerator(chart, 'pw', { metadata: n === undefined ? undefined : { name: n }, ...props });
}

// ---- tests ---------------------------------------------------------------------------------------------

describe('construct props (property-based, fixed seeds): schema-valid output or a named error', () => {
  test('ClusterSecretStore / SecretStore with the Vault provider', () => {
    assertProperty(storeProps, buildStore, 7001);
  });

  test('ExternalSecret (data, extract / find / generator sources, templates, policies)', () => {
    assertProperty(esProps, buildExternalSecret, 7002);
  });

  test('PushSecret (secret / generator / label sources, data, dataTo, policies)', () => {
    assertProperty(pushProps, buildPushSecret, 7003);
  });

  test('PasswordGenerator (lengths, counts, symbol sets, keys, encodings)', () => {
    assertProperty(passwordProps, buildPassword, 7004);
  });
});

const GOOD_STORE = {
  cluster: true,
  name: 'vault',
  server: 'https://vault.example.internal:8200',
  mount: 'secret',
  v1: false,
  auth: { kind: 'kubernetes', role: 'eso', mountPath: 'kubernetes', sa: 'external-secrets', audiences: ['vault'] },
};
const GOOD_ES = {
  store: GOOD_STORE, refreshInterval: Duration.hours(1), data: [{ secretKey: 'password', key: 'app/db', property: 'password' }], dataFrom: [],
} as any;
const GOOD_PUSH = {
  store: GOOD_STORE, source: { kind: 'secret', name: 'db-source' }, data: [{ kind: 'property', secretKey: 'password', remoteKey: 'app/pushed', property: 'password' }],
} as any;

describe('app.synth() writes all chart files or none', () => {
  test('random ExternalSecret + PushSecret apps in two charts, synthesized into a temp outdir', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eso-fuzz-'));
    let run = 0;
    const outcomes = { written: 0, refused: 0 };
    try {
      // Half the time each chart gets known-good props, so that both outcomes occur.
      const either = <T>(arb: fc.Arbitrary<T>, good: T) => fc.oneof(arb, fc.constant(good));
      fc.assert(fc.property(either(esProps, GOOD_ES), either(pushProps, GOOD_PUSH), (es, ps) => {
        const outdir = path.join(root, String(run++));
        const app = new App({ outdir });
        try {
          buildExternalSecret(new Chart(app, 'secrets', { namespace: 'fuzz' }), es);
          // its own store identity: two stores with one name are one identity twice (ESO-DUPLICATE-OBJECT)
          const pushStore = ps.store && typeof ps.store.name === 'string' ? { ...ps.store, name: `${ps.store.name}-p` } : ps.store;
          buildPushSecret(new Chart(app, 'push', { namespace: 'fuzz' }), { ...ps, store: pushStore });
        } catch (e: any) {
          assertNamedError(e);
          return; // refused while building: synth never ran
        }
        let threw: any;
        try {
          app.synth();
        } catch (e) {
          threw = e;
        }
        const files = fs.existsSync(outdir) ? fs.readdirSync(outdir).filter(f => f.endsWith('.yaml')).sort() : [];
        if (threw) {
          assertNamedError(threw);
          if (files.length) throw new Error(`synth failed but wrote ${files.join(', ')}: ${threw.message}`);
          outcomes.refused++;
        } else {
          if (files.join(',') !== 'push.k8s.yaml,secrets.k8s.yaml') throw new Error(`synth succeeded but wrote [${files.join(', ')}]`);
          outcomes.written++;
        }
      }), { seed: 7005 + SEED_OFFSET, numRuns: Math.ceil(RUNS * 2 / 3) });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
    expect(outcomes.written).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});

// ---- junk in every prop ----------------------------------------------------------------------------------

/** What a user (or a Python/Java binding) can pass instead of a good value. */
const JUNK: Array<[string, unknown]> = [
  ['null', null], ['NaN', Number.NaN], ['Infinity', Infinity], ['-Infinity', -Infinity], ['-1', -1], ['1e9', 1e9], ['0.5', 0.5],
  ['""', ''], ['" "', ' '], ['100k chars', 'x'.repeat(100_000)], ['"Bad NS"', 'Bad NS'], ['"a\\nb"', 'a\nb'], ['"1h"', '1h'], ['{}', {}], ['[]', []],
];

/** A construct built from a recipe of raw values: every value (also the factories' arguments) can be replaced by junk. */
interface Recipe {
  readonly name: string;
  readonly good: Record<string, unknown>;
  readonly build: (chart: Chart, r: any) => void;
}

const BUILT = 'build';
const storeOf = (chart: Chart, r: any): eso.ISecretStore => {
  const kv = r.kv === BUILT ? eso.VaultKv.v2(r.mount) : r.kv;
  const authOptions = r.authOptions === BUILT ? { role: r.role, mountPath: r.authMount, audiences: r.audiences } : r.authOptions;
  const auth = r.auth === BUILT ? eso.VaultAuth.kubernetes(authOptions) : r.auth;
  const provider = r.provider === BUILT ? eso.SecretStoreProvider.vault({ server: r.server, kv, auth }) : r.provider;
  const metadata = { name: r.storeName, labels: r.labels, annotations: r.annotations };
  return r.cluster
    ? new eso.ClusterSecretStore(chart, 'store', { metadata, provider, refreshInterval: r.storeRefresh })
    : new eso.SecretStore(chart, 'store', { metadata: { ...metadata, namespace: r.namespace }, provider, refreshInterval: r.storeRefresh });
};
const STORE_GOOD = {
  cluster: false,
  storeName: 'vault',
  namespace: 'apps',
  server: 'https://vault.example.internal:8200',
  mount: 'kv',
  role: 'eso',
  authMount: 'kubernetes',
  audiences: ['vault'],
  labels: { team: 'a' },
  annotations: { 'example.com/owner': 'team-a' },
  storeRefresh: Duration.minutes(5),
  kv: BUILT,
  auth: BUILT,
  authOptions: BUILT,
  provider: BUILT,
};

const RECIPES: Recipe[] = [
  { name: 'SecretStore', good: STORE_GOOD, build: storeOf },
  { name: 'ClusterSecretStore', good: { ...STORE_GOOD, cluster: true }, build: storeOf },
  {
    name: 'ExternalSecret',
    good: { ...STORE_GOOD, cluster: true, esName: 'db', store: BUILT, refreshInterval: Duration.hours(1), secretKey: 'password', key: 'app/db', property: 'password', data: BUILT, item: BUILT, targetName: 'db' },
    build: (chart, r) => {
      const store = r.store === BUILT ? storeOf(chart, r) : r.store;
      const item = r.item === BUILT ? eso.SecretValue.fromProperty(r.secretKey, r.key, r.property) : r.item;
      new eso.ExternalSecret(chart, 'es', { metadata: { name: r.esName }, store, refreshInterval: r.refreshInterval, data: r.data === BUILT ? [item] : r.data, target: { name: r.targetName } });
    },
  },
  {
    name: 'PushSecret',
    good: { ...STORE_GOOD, cluster: true, psName: 'push', stores: BUILT, refreshInterval: Duration.hours(1), sourceName: 'db-source', secretKey: 'password', remoteKey: 'app/pushed', property: 'password' },
    build: (chart, r) => {
      const stores = r.stores === BUILT ? [storeOf(chart, r)] : r.stores;
      new eso.PushSecret(chart, 'ps', {
        metadata: { name: r.psName },
        stores,
        source: eso.PushSource.secretName(r.sourceName),
        refreshInterval: r.refreshInterval,
        data: [eso.PushValue.property(r.secretKey, r.remoteKey, r.property)],
      });
    },
  },
  {
    name: 'PasswordGenerator',
    good: { pwName: 'pw', length: 24, digits: 4, symbols: 4, symbolCharacters: '-_!@#$', secretKeys: ['password'] },
    build: (chart, r) => {
      new eso.PasswordGenerator(chart, 'pw', { metadata: { name: r.pwName }, length: r.length, digits: r.digits, symbols: r.symbols, symbolCharacters: r.symbolCharacters, secretKeys: r.secretKeys });
    },
  },
  {
    name: 'ClusterExternalSecret',
    good: { ...STORE_GOOD, cluster: true, cesName: 'db', namespaces: ['team-a'], externalSecretName: 'db', externalSecretLabels: { app: 'db' }, refreshTime: Duration.minutes(1), key: 'app/db' },
    build: (chart, r) => {
      new eso.ClusterExternalSecret(chart, 'ces', {
        metadata: { name: r.cesName },
        store: storeOf(chart, r),
        namespaces: r.namespaces,
        externalSecretName: r.externalSecretName,
        externalSecretLabels: r.externalSecretLabels,
        refreshTime: r.refreshTime,
        data: [eso.SecretValue.fromProperty('password', r.key, 'password')],
      });
    },
  },
  {
    name: 'UuidGenerator',
    good: { uuidName: 'id', labels: { app: 'x' } },
    build: (chart, r) => {
      new eso.UuidGenerator(chart, 'uuid', { metadata: { name: r.uuidName, labels: r.labels } });
    },
  },
  {
    name: 'VaultDynamicSecret',
    good: { ...STORE_GOOD, vdsName: 'db-creds', path: 'database/creds/app', parameters: { ttl: '1h' }, provider: BUILT },
    build: (chart, r) => {
      const auth = () => eso.VaultAuth.kubernetes({ role: r.role });
      const vault = () => eso.SecretStoreProvider.vault({ server: r.server, kv: eso.VaultKv.v2(r.mount), auth: auth() });
      const provider = r.provider === BUILT ? vault() : r.provider;
      new eso.VaultDynamicSecret(chart, 'vds', { metadata: { name: r.vdsName }, provider, path: r.path, parameters: r.parameters });
    },
  },
  {
    name: 'FluxGitRepository',
    good: { name: 'platform', namespace: 'flux-system', url: 'https://git.example.internal/org/platform.git', interval: Duration.minutes(1), timeout: Duration.minutes(1) },
    build: (chart, r) => {
      new eso.FluxGitRepository(chart, 'git', { name: r.name, namespace: r.namespace, url: r.url, interval: r.interval, timeout: r.timeout });
    },
  },
  {
    name: 'FluxHelmRelease',
    good: { name: 'podinfo', namespace: 'apps', chart: 'podinfo', version: '6.5.4', url: 'https://charts.example.internal', interval: Duration.hours(1), targetNamespace: 'apps', values: { replicaCount: 2 }, retries: 3 },
    build: (chart, r) => {
      const repository = new eso.FluxHelmRepository(chart, 'repo', { name: 'charts', namespace: 'apps', url: r.url });
      new eso.FluxHelmRelease(chart, 'release', {
        name: r.name,
        namespace: r.namespace,
        chart: r.chart,
        version: r.version,
        repository,
        interval: r.interval,
        targetNamespace: r.targetNamespace,
        values: r.values,
        retries: r.retries,
      });
    },
  },
  {
    name: 'FluxKustomization',
    good: { name: 'apps', path: './dist/apps', interval: Duration.minutes(10), timeout: Duration.minutes(5), targetNamespace: 'apps', substitute: { cluster: 'prod' } },
    build: (chart, r) => {
      new eso.FluxKustomization(chart, 'ks', {
        name: r.name, source: eso.FluxSource.gitRepository('flux-system'), path: r.path, interval: r.interval, timeout: r.timeout, targetNamespace: r.targetNamespace, substitute: r.substitute,
      });
    },
  },
  {
    name: 'VaultKubernetesAuthRole',
    good: { roleName: 'eso', namespaces: ['external-secrets'], names: ['external-secrets'], audience: 'vault', tokenTtl: Duration.hours(1), tokenNumUses: 0 },
    build: (chart, r) => {
      new eso.VaultKubernetesAuthRole(chart, 'role', {
        policies: [eso.VaultPolicy.fromPolicyName(chart, 'policy', 'eso-read')],
        roleName: r.roleName,
        boundServiceAccountNamespaces: r.namespaces,
        boundServiceAccountNames: r.names,
        audience: r.audience,
        tokenTtl: r.tokenTtl,
        tokenNumUses: r.tokenNumUses,
      });
    },
  },
  {
    name: 'VaultPolicy',
    good: { policyName: 'eso-read', path: 'kv/data/app/db' },
    build: (chart, r) => {
      new eso.VaultPolicy(chart, 'policy', { policyName: r.policyName, rules: [{ path: r.path, capabilities: [eso.VaultCapability.READ] }] });
    },
  },
];

/** "a named Error, or schema-valid output": the error names where (construct path or factory) and the field. */
function judge(recipe: Recipe, field: string, junk: string, value: unknown): 'ok' | 'refused' {
  const r = { ...recipe.good, [field]: value };
  const app = Testing.app();
  const chart = new Chart(app, 'fuzz', { namespace: 'fuzz' });
  let manifests: any[];
  try {
    recipe.build(chart, r);
    manifests = Testing.synth(chart);
  } catch (e: any) {
    assertNamedError(e);
    if (!/cdk8s-external-secrets found problems/.test(e.message)) {
      const named = /^(fuzz\/[\w/-]+|[A-Z][A-Za-z]+(\.[a-zA-Z0-9]+)?): /.test(e.message) || /^Validation failed/.test(e.message);
      if (!named) throw new Error(`${recipe.name}.${field} = ${junk}: the error does not start with the construct path or factory: ${e.message}`);
    }
    return 'refused';
  }
  const schema = validateManifests(manifests.map(manifest => ({ manifest })), { rules: [schemaRule, apiVersionRule] });
  if (schema.errors) throw new Error(`${recipe.name}.${field} = ${junk}: accepted, but the output breaks the CRD schema:\n${schema.diagnostics.map(d => `${d.ruleId} ${d.field}: ${d.message}`).join('\n')}`);
  return 'ok';
}

describe('junk in every prop of every construct (null, NaN, Infinity, empty and over-long strings, wrong types)', () => {
  test.each(RECIPES.map(r => [r.name, r] as const))('%s: a named Error, or schema-valid output', (_n, recipe) => {
    const app = Testing.app();
    recipe.build(new Chart(app, 'good', { namespace: 'fuzz' }), recipe.good);
    expect(() => app.synth()).not.toThrow();
    let refused = 0;
    for (const field of Object.keys(recipe.good)) {
      for (const [junk, value] of JUNK) if (judge(recipe, field, junk, value) === 'refused') refused++;
    }
    expect(refused).toBeGreaterThan(Object.keys(recipe.good).length);
  });

  /** Each of these was accepted (written) or crashed with a raw TypeError before. */
  const refusals: Array<[string, string, unknown, RegExp]> = [
    ['SecretStore', 'kv', null, /^SecretStoreProvider\.vault: kv is null/],
    ['SecretStore', 'kv', {}, /^SecretStoreProvider\.vault: kv must be a VaultKv, got object/],
    ['SecretStore', 'auth', null, /^SecretStoreProvider\.vault: auth is null/],
    ['SecretStore', 'auth', {}, /^SecretStoreProvider\.vault: auth must be a VaultAuth, got object/],
    ['SecretStore', 'provider', null, /^fuzz\/store: provider is null/],
    ['SecretStore', 'authOptions', null, /^VaultAuth\.kubernetes: options must be an options object, got null/],
    ['SecretStore', 'storeRefresh', '1h', /^fuzz\/store: refreshInterval must be a Duration, got "1h"/],
    ['SecretStore', 'server', '', /^SecretStoreProvider\.vault: server must not be empty/],
    ['SecretStore', 'role', '', /^VaultAuth\.kubernetes: role must not be empty/],
    ['SecretStore', 'mount', '', /^VaultKv\.v2: mountPath must not be empty/],
    ['SecretStore', 'namespace', 'Bad NS', /^fuzz\/store: metadata\.namespace must be a valid namespace, got "Bad NS"/],
    ['SecretStore', 'labels', { team: 'x'.repeat(10_000) }, /^fuzz\/store: metadata\.labels\["team"\] has the value "x+\.\.\." \(10000 characters\), which is not a valid label value/],
    ['SecretStore', 'annotations', { 'a\nb': 'v' }, /^fuzz\/store: metadata\.annotations\["a\\nb"\] is not a valid annotation key/],
    ['ExternalSecret', 'data', [null], /^fuzz\/es: data\[0\] is null/],
    ['ExternalSecret', 'store', {}, /^fuzz\/es: store must be a SecretStore or ClusterSecretStore, got object/],
    ['ExternalSecret', 'refreshInterval', '1h', /^fuzz\/es: refreshInterval must be a Duration, got "1h"/],
    ['ExternalSecret', 'key', '', /^SecretValue\.fromProperty: key must not be empty/],
    ['PushSecret', 'remoteKey', '', /^PushValue: remoteKey must not be empty/],
    ['PasswordGenerator', 'length', -1, /^fuzz\/pw: length must be a whole number from 1 to 4096, got -1/],
    ['PasswordGenerator', 'length', Infinity, /^fuzz\/pw: length is Infinity/],
    ['PasswordGenerator', 'length', 1e9, /^fuzz\/pw: length must be a whole number from 1 to 4096, got 1000000000/],
    ['VaultPolicy', 'policyName', 'bad name/../x', /^fuzz\/policy: policyName "bad name\/\.\.\/x" is not a valid name/],
  ];
  test.each(refusals.map(([n, f, v, m]) => [n, f, typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v).slice(0, 30), v, m] as const))('%s %s = %s is refused, naming the field', (construct, field, _shown, value, message) => {
    const recipe = RECIPES.find(r => r.name === construct)!;
    const app = Testing.app();
    const chart = new Chart(app, 'fuzz', { namespace: 'fuzz' });
    expect(() => {
      recipe.build(chart, { ...recipe.good, [field]: value });
      Testing.synth(chart);
    }).toThrow(message);
  });

  test('Durations: negative or NaN amounts are refused naming the field (cdk8s refuses negative ones itself)', () => {
    const chart = new Chart(Testing.app(), 'fuzz', { namespace: 'fuzz' });
    const store = storeOf(chart, STORE_GOOD);
    expect(() => new eso.ExternalSecret(chart, 'nan', { store, refreshInterval: Duration.seconds(Number.NaN) }))
      .toThrow(/^fuzz\/nan: refreshInterval is not a valid Duration \(.*NaN.*\); use a whole, non-negative amount/);
    expect(() => new eso.ExternalSecret(chart, 'frac', { store, refreshInterval: Duration.millis(1.5) })).toThrow(/^fuzz\/frac: refreshInterval /);
    expect(() => Duration.minutes(-1)).toThrow(/cannot be negative/);
  });
});

describe('every exported construct, given null or empty props', () => {
  /** Not constructible by users: abstract bases (protected constructors) and FluxLayer (made by FluxLayout.addLayer). */
  const NOT_PUBLIC = new Set(['SecretStoreBase', 'GeneratorBase', 'FluxLayer']);
  const constructs = Object.entries(eso).filter(([n, c]) => typeof c === 'function' && (c as any).prototype instanceof Construct && !NOT_PUBLIC.has(n));

  test.each(constructs.flatMap(([n, c]) => [[n, c, 'null', null], [n, c, '{}', {}]] as const))('%s with %s props: a named Error or valid output', (_n, C, _label, props) => {
    const chart = new Chart(Testing.app(), 'fuzz', { namespace: 'fuzz' });
    try {
      new (C as any)(chart, 'x', props);
      Testing.synth(chart);
    } catch (e: any) {
      assertNamedError(e);
      expect(e.message).toMatch(/^(fuzz\/x: |Validation failed)/);
    }
  });

  test('the list is not empty (the exports were found)', () => {
    expect(constructs.length).toBeGreaterThan(20);
  });
});
