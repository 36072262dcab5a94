import { Chart, Testing } from 'cdk8s';
import { css, es, prop, ps, read, ref, run } from './helpers';
import * as eso from '../../../../src';
import { Manifest } from '../../../../src/model/manifest';
import { pushSourceKeyRule as rule } from '../../../../src/validation/rules/push-secrets/push-source-key';

const gen = (kind: string, name: string, spec: Record<string, any> = {}, namespace = 'databases'): Manifest =>
  ({ apiVersion: 'generators.external-secrets.io/v1alpha1', kind, metadata: { name, ...(kind === 'ClusterGenerator' ? {} : { namespace }) }, spec });
const fromGen = (kind: string, name: string, keys: string[], extra: Record<string, any> = {}) =>
  ps('push', { selector: { generatorRef: { apiVersion: 'generators.external-secrets.io/v1alpha1', kind, name } }, secretStoreRefs: [ref('bao')], data: keys.map(k => prop(k, 'databases/db', k)), ...extra });
const fromSecret = (keys: string[], extra: Record<string, any> = {}) =>
  ps('push', { secretStoreRefs: [ref('bao')], data: keys.map(k => prop(k, 'databases/db', k)), ...extra });

describe('ESO-PUSH-SOURCE-KEY', () => {
  const bao = css('bao');

  test('a UUID generator produces only "uuid": pushing "password" is an error naming the key, the source and the fix', () => {
    const d = run(rule, bao, fromGen('UUID', 'id', ['password']));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-PUSH-SOURCE-KEY', severity: 'error', field: 'spec.data[0].match.secretKey' });
    expect(d[0].object).toMatchObject({ kind: 'PushSecret', namespace: 'databases', name: 'push' });
    expect(d[0].message).toContain('pushes key "password", but its source generator UUID "id" (spec.selector.generatorRef) only produces "uuid"');
    expect(d[0].fix).toBe('push "uuid" (secretKey: "uuid"), or make the source produce "password"');
    expect(run(rule, bao, fromGen('UUID', 'id', ['uuid']))).toEqual([]);
  });

  test('a Password generator produces its secretKeys, or "password" without them', () => {
    const plain = gen('Password', 'pw', { length: 24 });
    expect(run(rule, bao, plain, fromGen('Password', 'pw', ['password']))).toEqual([]);
    expect(run(rule, bao, plain, fromGen('Password', 'pw', ['pass']))).toHaveLength(1);
    const multi = gen('Password', 'pw', { length: 24, secretKeys: ['admin', 'reader'] });
    expect(run(rule, bao, multi, fromGen('Password', 'pw', ['admin', 'reader']))).toEqual([]);
    const d = run(rule, bao, multi, fromGen('Password', 'pw', ['admin', 'password', 'writer']));
    expect(d.map(x => x.field)).toEqual(['spec.data[1].match.secretKey', 'spec.data[2].match.secretKey']);
    expect(d[0].message).toContain('only produces "admin", "reader"');
  });

  test('a ClusterGenerator wrapping a Password or a Fake: the wrapped spec decides', () => {
    const cg = gen('ClusterGenerator', 'shared', { kind: 'Password', generator: { passwordSpec: { length: 24, secretKeys: ['token'] } } });
    expect(run(rule, bao, cg, fromGen('ClusterGenerator', 'shared', ['token']))).toEqual([]);
    expect(run(rule, bao, cg, fromGen('ClusterGenerator', 'shared', ['password']))[0].message).toContain('ClusterGenerator "shared" (Password)');
    const fake = gen('Fake', 'f', { data: { a: 'x' } });
    expect(run(rule, bao, fake, fromGen('Fake', 'f', ['a']))).toEqual([]);
    expect(run(rule, bao, fake, fromGen('Fake', 'f', ['b']))).toHaveLength(1);
  });

  test('unknown is not wrong: a Password the app does not define, a provider-backed generator, a ClusterPushSecret', () => {
    expect(run(rule, bao, fromGen('Password', 'elsewhere', ['anything']))).toEqual([]);
    expect(run(rule, bao, gen('VaultDynamicSecret', 'db', { path: 'database/creds/app' }), fromGen('VaultDynamicSecret', 'db', ['username']))).toEqual([]);
    const cps: Manifest = {
      apiVersion: 'external-secrets.io/v1alpha1',
      kind: 'ClusterPushSecret',
      metadata: { name: 'c' },
      spec: { pushSecretSpec: { selector: { secret: { name: 'db-credentials' } }, secretStoreRefs: [ref('bao')], data: [prop('nope', 'x/y', 'nope')] } },
    };
    expect(run(rule, bao, cps)).toEqual([]);
  });

  test('a Secret an ExternalSecret of the app writes has the keys of its data', () => {
    const writer = es('db', { secretStoreRef: ref('bao'), target: { name: 'db-credentials' }, data: [read('username', 'databases/db', 'username'), read('password', 'databases/db', 'password')] });
    expect(run(rule, bao, writer, fromSecret(['username', 'password']))).toEqual([]);
    const d = run(rule, bao, writer, fromSecret(['username', 'pasword']));
    expect(d).toHaveLength(1);
    expect(d[0].message).toContain('its source Secret "db-credentials" (written by ExternalSecret "databases/db") (spec.selector.secret.name) only produces "password", "username"');
    // template data decides the keys (without Merge)
    const templated = es('db', { secretStoreRef: ref('bao'), target: { name: 'db-credentials', template: { data: { url: 'postgres://{{ .username }}@db' } } }, data: [read('username', 'databases/db', 'username')] });
    expect(run(rule, bao, templated, fromSecret(['url']))).toEqual([]);
    expect(run(rule, bao, templated, fromSecret(['username']))).toHaveLength(1);
  });

  test('a Secret whose keys the cluster decides is not judged', () => {
    const dataFrom = es('db', { secretStoreRef: ref('bao'), target: { name: 'db-credentials' }, dataFrom: [{ extract: { key: 'databases/db' } }] });
    const external = es('db', { secretStoreRef: ref('bao'), target: { name: 'db-credentials', template: { templateFrom: [{ configMap: { name: 't', items: [{ key: 'k' }] } }] } }, data: [read('a', 'databases/db', 'a')] });
    const merge = es('db', { secretStoreRef: ref('bao'), target: { name: 'db-credentials', creationPolicy: 'Merge' }, data: [read('a', 'databases/db', 'a')] });
    const saToken = es('db', { secretStoreRef: ref('bao'), target: { name: 'db-credentials', template: { type: 'kubernetes.io/service-account-token', data: { x: 'y' } } }, data: [read('a', 'databases/db', 'a')] });
    const configMap = es('db', { secretStoreRef: ref('bao'), target: { name: 'db-credentials', manifest: { apiVersion: 'v1', kind: 'ConfigMap' } }, data: [read('a', 'databases/db', 'a')] });
    const otherNs = es('db', { secretStoreRef: ref('bao'), target: { name: 'db-credentials' }, data: [read('a', 'databases/db', 'a')] }, 'apps');
    for (const w of [dataFrom, external, merge, saToken, configMap, otherNs]) expect(run(rule, bao, w, fromSecret(['zzz']))).toEqual([]);
    // the PushSecret's own template, a key conversion, a label-selected source
    const writer = es('db', { secretStoreRef: ref('bao'), target: { name: 'db-credentials' }, data: [read('a', 'databases/db', 'a')] });
    expect(run(rule, bao, writer, fromSecret(['b'], { template: { data: { b: '{{ .a }}' } } }))).toEqual([]);
    expect(run(rule, bao, writer, ps('push', { secretStoreRefs: [ref('bao')], data: [{ conversionStrategy: 'ReverseUnicode', ...prop('b', 'x', 'b') }] }))).toEqual([]);
    expect(run(rule, bao, writer, ps('push', { selector: { secret: { selector: { matchLabels: { a: 'b' } } } }, secretStoreRefs: [ref('bao')], data: [prop('b', 'x', 'b')] }))).toEqual([]);
    // the app also declares the Secret itself
    const secret: Manifest = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db-credentials', namespace: 'databases' } };
    expect(run(rule, bao, writer, secret, fromSecret(['b']))).toEqual([]);
  });
});

describe('ESO-PUSH-SOURCE-KEY through the constructs', () => {
  function app(secretKey: string) {
    const a = Testing.app();
    const configs = new Chart(a, 'configs');
    const chart = new Chart(a, 'apps', { namespace: 'databases' });
    const provider = eso.SecretStoreProvider.vault({ server: 'https://bao.example.internal:8200', kv: eso.VaultKv.v2('secret'), auth: eso.VaultAuth.kubernetes({ role: 'eso' }) });
    const bao = new eso.ClusterSecretStore(configs, 'bao', { metadata: { name: 'bao' }, provider });
    const id = new eso.UuidGenerator(chart, 'id', { metadata: { name: 'id' } });
    new eso.PushSecret(chart, 'push', { stores: [bao], source: eso.PushSource.generator(id), data: [eso.PushValue.property(secretKey, 'databases/id', 'value')] });
    return a;
  }

  test('a UUID generator pushed as "password" fails the synth; as "uuid" it synthesizes', () => {
    expect(() => app('password').synthYaml()).toThrow(/ESO-PUSH-SOURCE-KEY[\s\S]*pushes key "password", but its source generator UUID "id"/);
    expect(() => app('uuid').synthYaml()).not.toThrow();
  });
});
