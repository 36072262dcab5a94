import { expectNone, expectOne, run, store, vault } from './helpers';
import { Severity } from '../../../../src/validation/diagnostic';
import { storeConditionsIgnoredRule } from '../../../../src/validation/rules/stores/store-conditions-ignored';
import { storeFakeProviderRule } from '../../../../src/validation/rules/stores/store-fake-provider';
import { storeNamespaceRegexRule } from '../../../../src/validation/rules/stores/store-namespace-regex';
import { storeOneProviderRule } from '../../../../src/validation/rules/stores/store-one-provider';
import { storeRefreshIntervalRule } from '../../../../src/validation/rules/stores/store-refresh-interval';
import { storeRegexUnanchoredRule } from '../../../../src/validation/rules/stores/store-regex-unanchored';
import { storeRetryIntervalRule } from '../../../../src/validation/rules/stores/store-retry-interval';

const fake = { fake: { data: [{ key: 'k', value: 'example-not-a-secret' }] } };

describe('ESO-STORE-ONE-PROVIDER', () => {
  test('bad: two providers', () => {
    expectOne(storeOneProviderRule, store({ ...vault(), ...fake }), 'spec.provider', /2 providers are configured \(vault, fake\)/);
  });
  test('bad: no provider', () => {
    expectOne(storeOneProviderRule, store({}), 'spec.provider', /no provider is configured/);
  });
  test('good', () => expectNone(storeOneProviderRule, store(vault())));
});

describe('ESO-STORE-NAMESPACE-REGEX', () => {
  const withRegex = (...r: string[]) => store(vault(), { spec: { conditions: [{ namespaceRegexes: r }] } });
  test('bad: lookahead', () => {
    expectOne(storeNamespaceRegexRule, withRegex('^team-(?=a)'), 'spec.conditions[0].namespaceRegexes[0]', /"\^team-\(\?=a\)" does not compile as a Go regexp: lookahead/);
  });
  test('bad: unbalanced', () => {
    expectOne(storeNamespaceRegexRule, withRegex('^ok$', '^team-(a$'), 'spec.conditions[0].namespaceRegexes[1]', /does not compile/);
  });
  test('bad: backreference and unknown escape', () => {
    expect(run(storeNamespaceRegexRule, withRegex('^(a)\\1$', '^\\e$')).map(d => d.message)).toEqual([
      expect.stringMatching(/backreference/), expect.stringMatching(/invalid escape sequence \\e/),
    ]);
  });
  test('good: RE2-only syntax is accepted', () => {
    expectNone(storeNamespaceRegexRule, withRegex('^team-[[:alnum:]]+$', '(?i)^Prod-.*$', '^(?P<team>[a-z]+)-dev$', '\\Ateam\\z', '^\\pL+$', '^a{2,1000}$'));
  });
});

describe('ESO-STORE-REGEX-UNANCHORED', () => {
  const withRegex = (r: string) => store(vault(), { spec: { conditions: [{ namespaceRegexes: [r] }] } });
  test('bad: unanchored', () => {
    const d = expectOne(storeRegexUnanchoredRule, withRegex('team-a'), 'spec.conditions[0].namespaceRegexes[0]', /"team-a" is not anchored/, Severity.WARNING);
    expect(d.fix).toContain('"^team-a$"');
  });
  test('bad: anchored only at the start', () => {
    expectOne(storeRegexUnanchoredRule, withRegex('^team-a'), 'spec.conditions[0].namespaceRegexes[0]', /not anchored at the end/);
  });
  test('bad: top-level alternation', () => {
    const d = expectOne(storeRegexUnanchoredRule, withRegex('^a|b$'), 'spec.conditions[0].namespaceRegexes[0]', /top-level "\|"/);
    expect(d.fix).toContain('"^(a|b)$"');
  });
  test('good', () => {
    expectNone(storeRegexUnanchoredRule, withRegex('^team-(a|b)$'));
    expectNone(storeRegexUnanchoredRule, withRegex('\\Ateam-a\\z'));
  });
});

describe('ESO-STORE-REFRESH-INTERVAL', () => {
  const withRi = (v: unknown) => store(vault(), { spec: { refreshInterval: v } });
  test('bad: 1d', () => {
    const d = expectOne(storeRefreshIntervalRule, withRi('1d'), 'spec.refreshInterval', /"1d" is not a Go duration/, Severity.ERROR);
    expect(d.fix).toContain('"24h"');
  });
  test('bad: negative', () => {
    expectOne(storeRefreshIntervalRule, withRi(-5), 'spec.refreshInterval', /-5 is not a non-negative/);
    expectOne(storeRefreshIntervalRule, withRi('-5m'), 'spec.refreshInterval', /negative/);
  });
  test('bad: digits without unit', () => {
    expectOne(storeRefreshIntervalRule, withRi('300'), 'spec.refreshInterval', /without a unit/);
  });
  test('warning: zero means the controller default', () => {
    expectOne(storeRefreshIntervalRule, withRi('0s'), 'spec.refreshInterval', /controller default/, Severity.WARNING);
    expectOne(storeRefreshIntervalRule, withRi(0), 'spec.refreshInterval', /controller default/, Severity.WARNING);
  });
  test('good', () => {
    expectNone(storeRefreshIntervalRule, withRi('1h30m'));
    expectNone(storeRefreshIntervalRule, withRi(300));
    expectNone(storeRefreshIntervalRule, store(vault()));
  });
});

describe('ESO-STORE-RETRY-INTERVAL', () => {
  test('bad', () => {
    expectOne(storeRetryIntervalRule, store(vault(), { spec: { retrySettings: { retryInterval: '10' } } }), 'spec.retrySettings.retryInterval', /"10" is not a non-negative Go duration/);
  });
  test('good', () => expectNone(storeRetryIntervalRule, store(vault(), { spec: { retrySettings: { maxRetries: 3, retryInterval: '10s' } } })));
});

describe('ESO-STORE-CONDITIONS-IGNORED', () => {
  test('bad: conditions on a SecretStore', () => {
    expectOne(storeConditionsIgnoredRule, store(vault(), { kind: 'SecretStore', spec: { conditions: [{ namespaces: ['a'] }] } }), 'spec.conditions', /ESO ignores them/);
  });
  test('good: on a ClusterSecretStore', () => {
    expectNone(storeConditionsIgnoredRule, store(vault(), { spec: { conditions: [{ namespaces: ['a'] }] } }));
  });
});

describe('ESO-STORE-FAKE-PROVIDER', () => {
  test('bad: fake provider without opt-in', () => {
    const d = expectOne(storeFakeProviderRule, store(fake), 'spec.provider.fake', /committed to Git in plain text/, Severity.ERROR);
    expect(d.fix).toContain('allowPlaintextInGit: true');
  });
  test('good: opted in', () => {
    expectNone(storeFakeProviderRule, store(fake, { annotations: { 'cdk8s-external-secrets.io/allow-plaintext-in-git': 'true' } }));
  });
  test('good: not a fake store', () => expectNone(storeFakeProviderRule, store(vault())));
});
