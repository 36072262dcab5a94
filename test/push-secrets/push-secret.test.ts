import { Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { StubStore } from './stub-store';
import { SecretTemplate } from '../../src/external-secrets/secret-template';
import { PasswordGenerator } from '../../src/generators';
import {
  ClusterPushSecret, PushConversionStrategy, PushRewrite, PushSecret, PushSecretDeletionPolicy, PushSecretUpdatePolicy,
  PushSource, PushValue,
} from '../../src/push-secrets';
import { SecretStoreKind } from '../../src/refs/secret-store-ref';

function setup() {
  const app = Testing.app();
  const configs = new Chart(app, 'configs');
  const chart = new Chart(app, 'databases', { namespace: 'databases' });
  const primary = new StubStore(configs, 'primary', { name: 'bao-primary' });
  return { app, configs, chart, primary };
}

describe('PushSecret', () => {
  test('seed 000: push one property of a Secret to the primary', () => {
    const { chart, primary } = setup();
    const secret = kplus.Secret.fromSecretName(chart, 'creds', 'db-credentials');
    new PushSecret(chart, 'push', {
      metadata: { name: 'push-db-credentials' },
      stores: [primary],
      secret,
      data: [PushValue.property('password', 'databases/db-credentials', 'password')],
    });
    const out = Testing.synth(chart);
    expect(out).toMatchSnapshot();
    expect(out[0].spec).toEqual({
      refreshInterval: '1h',
      secretStoreRefs: [{ name: 'bao-primary', kind: 'ClusterSecretStore' }],
      updatePolicy: 'Replace',
      deletionPolicy: 'None',
      selector: { secret: { name: 'db-credentials' } },
      data: [{ match: { secretKey: 'password', remoteRef: { remoteKey: 'databases/db-credentials', property: 'password' } } }],
    });
  });

  test('every field reaches the YAML', () => {
    const { chart, primary } = setup();
    const ns = new StubStore(chart, 'team', { name: 'team-store', kind: SecretStoreKind.SECRET_STORE });
    const ps = new PushSecret(chart, 'push', {
      // the stub stores carry no labels, and config.json is pushed whole on purpose: silence those two rules here
      metadata: { name: 'everything', annotations: { 'cdk8s-external-secrets.io/ignore': 'ESO-PUSH-VAULT-PROPERTY,ESO-PUSH-DATATO-STORE' } },
      stores: [primary],
      storeSelectors: [{ selector: kplus.LabelSelector.of({ labels: { region: 'eu' } }), kind: SecretStoreKind.CLUSTER_SECRET_STORE }],
      source: PushSource.secretName('app'),
      refreshInterval: Duration.minutes(90),
      updatePolicy: PushSecretUpdatePolicy.IF_NOT_EXISTS,
      deletionPolicy: PushSecretDeletionPolicy.DELETE,
      data: [
        PushValue.key('config.json', 'app/config', { conversionStrategy: PushConversionStrategy.REVERSE_UNICODE, metadata: { foo: 'bar' } }),
        PushValue.wholeSecret('app/all'),
        PushValue.wholeSecret('app/blob', { property: 'json' }),
      ],
      dataTo: [
        { store: primary, match: '^db-.*', rewrite: [PushRewrite.regexp('^db-', 'app/db/'), PushRewrite.transform('{{ .value | lower }}')], conversionStrategy: PushConversionStrategy.NONE },
        { storeSelector: { selector: kplus.LabelSelector.of({ labels: { region: 'eu' } }), kind: SecretStoreKind.CLUSTER_SECRET_STORE }, remoteKey: 'app/bundle', metadata: { a: 1 } },
      ],
      template: SecretTemplate.of({ data: { 'config.json': '{"password":"{{ .password }}"}' } }),
    });
    ps.addStore(ns);
    ps.addData(PushValue.property('token', 'app/token', 'value'));
    ps.addDataTo({ store: ns });
    const out = Testing.synth(chart);
    expect(out.find(o => o.kind === 'PushSecret')).toMatchSnapshot();
  });

  test('generator source and label-selected secrets', () => {
    const { chart, primary } = setup();
    const gen = new PasswordGenerator(chart, 'gen', { metadata: { name: 'pw' }, length: 32, allowRepeat: true });
    new PushSecret(chart, 'rotate', {
      metadata: { name: 'rotate' },
      stores: [primary],
      source: PushSource.generator(gen),
      refreshInterval: Duration.days(30),
      data: [PushValue.property('password', 'app/jwt', 'signing-key')],
    });
    new PushSecret(chart, 'by-label', {
      metadata: { name: 'by-label' },
      stores: [primary],
      source: PushSource.secretsMatching(kplus.LabelSelector.of({ labels: { push: 'true' }, expressions: [kplus.LabelExpression.exists('team')] })),
      data: [PushValue.wholeSecret('app/labelled')],
    });
    const out = Testing.synth(chart);
    const rotate = out.find(o => o.metadata.name === 'rotate');
    expect(rotate.spec.selector).toEqual({ generatorRef: { apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'Password', name: 'pw' } });
    expect(rotate.spec.refreshInterval).toBe('720h');
    const byLabel = out.find(o => o.metadata.name === 'by-label');
    expect(byLabel.spec.selector).toEqual({ secret: { selector: { matchLabels: { push: 'true' }, matchExpressions: [{ key: 'team', operator: 'Exists' }] } } });
  });

  test('secret and source are exclusive, one is required', () => {
    const { chart, primary } = setup();
    expect(() => new PushSecret(chart, 'none', { stores: [primary] })).toThrow(/nothing to push/);
    expect(() => new PushSecret(chart, 'both', {
      stores: [primary],
      secret: kplus.Secret.fromSecretName(chart, 's', 'x'),
      source: PushSource.secretName('x'),
    })).toThrow(/either "secret" or "source"/);
  });

  test('a SecretStore of another namespace is refused', () => {
    const { app, chart } = setup();
    const other = new Chart(app, 'other', { namespace: 'other' });
    const store = new StubStore(other, 's', { name: 'team', kind: SecretStoreKind.SECRET_STORE });
    expect(() => new PushSecret(chart, 'p', { stores: [store], source: PushSource.secretName('x') })).toThrow(/SecretStore in namespace "other"/);
  });

  test('PushValue refuses empty keys', () => {
    expect(() => PushValue.property('', 'a', 'b')).toThrow(/secretKey must not be empty/);
    expect(() => PushValue.key('a', '')).toThrow(/remoteKey must not be empty/);
  });
});

describe('ClusterPushSecret', () => {
  test('fans a PushSecret spec out by namespace selectors, without a namespace of its own', () => {
    const { chart, primary } = setup();
    new ClusterPushSecret(chart, 'cps', {
      metadata: { name: 'db-credentials-everywhere' },
      namespaceSelectors: [kplus.LabelSelector.of({ labels: { tier: 'db' } })],
      pushSecretName: 'push-db-credentials',
      pushSecretMetadata: { labels: { team: 'dba' }, annotations: { note: 'x' } },
      refreshTime: Duration.minutes(10),
      stores: [primary],
      secret: kplus.Secret.fromSecretName(chart, 's', 'db-credentials'),
      data: [PushValue.property('password', 'databases/db-credentials', 'password')],
    });
    const out = Testing.synth(chart);
    expect(out).toMatchSnapshot();
    expect(out[0].metadata.namespace).toBeUndefined();
    expect(out[0].spec.refreshTime).toBe('10m');
    expect(out[0].spec.pushSecretSpec.secretStoreRefs).toEqual([{ name: 'bao-primary', kind: 'ClusterSecretStore' }]);
  });
});
