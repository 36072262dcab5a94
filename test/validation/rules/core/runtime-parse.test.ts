import * as fc from 'fast-check';
import { Manifest } from '../../../../src/model/manifest';
import { validateManifests } from '../../../../src/validation/engine';
import { Rule } from '../../../../src/validation/rule';
import { ALL_RULES } from '../../../../src/validation/rules';
import { DURATION_FIELDS_OF_OTHER_RULES, durationRule } from '../../../../src/validation/rules/core/duration';
import { re2Error, regexpRule } from '../../../../src/validation/rules/core/regexp';
import { durationFieldsOf } from '../../../../src/validation/schema/durations';

const run = (rule: Rule, m: Manifest) => validateManifests([{ manifest: m }], { rules: [rule] }).diagnostics;

const pushSecret = (spec: Record<string, unknown>): Manifest => ({
  apiVersion: 'external-secrets.io/v1alpha1',
  kind: 'PushSecret',
  metadata: { name: 'p', namespace: 'ns' },
  spec: { secretStoreRefs: [{ name: 'vault' }], selector: { secret: { name: 's' } }, ...spec },
});

describe('ESO-DURATION', () => {
  test('bad: PushSecret refreshInterval 1d; good: 24h', () => {
    const d = run(durationRule, pushSecret({ refreshInterval: '1d' }));
    expect(d.map(x => [x.ruleId, x.field])).toEqual([['ESO-DURATION', 'spec.refreshInterval']]);
    expect(d[0].message).toMatch(/not a Go duration/);
    expect(run(durationRule, pushSecret({ refreshInterval: '24h' }))).toEqual([]);
  });

  test('bad: generator and webhook durations of every kind (read from ESO\'s Go types)', () => {
    const webhook: Manifest = { apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'Webhook', metadata: { name: 'w', namespace: 'ns' }, spec: { url: 'https://x', timeout: '5 seconds' } };
    expect(run(durationRule, webhook).map(x => x.field)).toEqual(['spec.timeout']);
    const cps: Manifest = { apiVersion: 'external-secrets.io/v1alpha1', kind: 'ClusterPushSecret', metadata: { name: 'c' }, spec: { refreshTime: '1w', pushSecretSpec: { refreshInterval: '10m' } } };
    expect(run(durationRule, cps).map(x => x.field)).toEqual(['spec.refreshTime']);
  });

  test('the duration table covers every kind ESO has a duration field in, PushSecret included', () => {
    expect(durationFieldsOf('external-secrets.io', 'v1alpha1', 'PushSecret').map(f => f.path.join('.'))).toEqual(['spec.refreshInterval']);
    expect(durationFieldsOf('generators.external-secrets.io', 'v1alpha1', 'VaultDynamicSecret').map(f => f.path.join('.'))).toEqual(['spec.retrySettings.retryInterval']);
  });

  test('fields left to a dedicated rule are reported by that rule (no duration field goes unchecked)', () => {
    const put = (obj: any, segs: string[], v: unknown) => {
      let o = obj;
      segs.forEach((s, i) => {
        const last = i === segs.length - 1;
        const next = segs[i + 1] === '*' ? [] : {};
        if (s === '*') {
          if (!o.length) o.push(last ? v : next);
          o = o[0];
        } else {
          if (last) o[s] = v;
          else o[s] ??= next;
          o = o[s];
        }
      });
    };
    for (const [key, ruleId] of Object.entries(DURATION_FIELDS_OF_OTHER_RULES)) {
      const [kind, dotted] = key.split(' ');
      const group = 'external-secrets.io';
      const m: Manifest = { apiVersion: `${group}/v1`, kind, metadata: { name: 'x', namespace: 'ns' }, spec: {} };
      expect(durationFieldsOf(group, 'v1', kind).map(f => f.path.join('.'))).toContain(dotted);
      put(m, dotted.split('.'), '1d');
      const rule = ALL_RULES.find(r => r.id === ruleId)!;
      const d = validateManifests([{ manifest: m }], { rules: [rule] }).diagnostics;
      const field = dotted.replace(/\.\*/g, '[0]');
      expect({ key, fields: d.map(x => x.field) }).toEqual({ key, fields: expect.arrayContaining([field]) });
    }
  });

  test('property: a duration string is reported exactly when it carries a unit Go lacks (fixed seed)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9999 }), fc.constantFrom('ns', 'us', 'ms', 's', 'm', 'h', 'd', 'w', 'y', ''), (n, unit) => {
      const d = run(durationRule, pushSecret({ refreshInterval: `${n}${unit}` }));
      expect(d.length).toBe(['d', 'w', 'y', ''].includes(unit) ? 1 : 0);
    }), { seed: 1404, numRuns: 300 });
  });
});

describe('ESO-REGEXP', () => {
  const es = (dataFrom: unknown[]): Manifest => ({
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: { name: 'e', namespace: 'ns' },
    spec: { secretStoreRef: { name: 'v', kind: 'ClusterSecretStore' }, dataFrom },
  });

  test('bad: find.name.regexp and rewrite regexp.source that RE2 refuses (lookahead, unbalanced), with the field', () => {
    const d = run(regexpRule, es([
      { find: { name: { regexp: '^(?!tmp).*' } } },
      { extract: { key: 'a' }, rewrite: [{ regexp: { source: 'a(b', target: 'x' } }] },
    ]));
    expect(d.map(x => x.field)).toEqual(['spec.dataFrom[0].find.name.regexp', 'spec.dataFrom[1].rewrite[0].regexp.source']);
    expect(d[0].message).toMatch(/invalid or unsupported Perl syntax/);
    expect(d[1].message).toMatch(/missing closing \)/);
  });

  test('good: RE2 patterns JavaScript would also accept, and RE2-only syntax JavaScript lacks', () => {
    expect(run(regexpRule, es([{ find: { name: { regexp: '^app-(?P<env>[a-z]+)$' } }, rewrite: [{ regexp: { source: '(?i)^db_', target: '' } }] }]))).toEqual([]);
  });

  test('PushSecret dataTo match.regexp and rewrite', () => {
    const d = run(regexpRule, pushSecret({ dataTo: [{ storeRef: { name: 'vault' }, match: { regexp: '\\1' } }] }));
    expect(d.map(x => x.field)).toEqual(['spec.dataTo[0].match.regexp']);
  });

  test('RE2, not JavaScript: backreferences and lookbehind are refused, \\z and (?P<n>) accepted', () => {
    expect(re2Error('(a)\\1')).toMatch(/invalid escape/);
    expect(re2Error('(?<=a)b')).toBeDefined();
    expect(re2Error('a\\z')).toBeUndefined();
    expect(re2Error('(?P<n>a)')).toBeUndefined();
  });
});
