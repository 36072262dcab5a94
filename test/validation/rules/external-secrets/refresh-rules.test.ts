import { ces, es, run } from './helpers';
import { esImmutableRefreshRule } from '../../../../src/validation/rules/external-secrets/es-immutable-refresh';
import { esRefreshIntervalRule } from '../../../../src/validation/rules/external-secrets/es-refresh-interval';
import { esRefreshZeroRule } from '../../../../src/validation/rules/external-secrets/es-refresh-zero';

describe('ESO-ES-REFRESH-INTERVAL (P22)', () => {
  test('d and w units are not Go durations', () => {
    const d = run(esRefreshIntervalRule, es({ refreshInterval: '1d' }));
    expect(d[0]).toMatchObject({ ruleId: 'ESO-ES-REFRESH-INTERVAL', field: 'spec.refreshInterval', severity: 'error' });
    expect(d[0].message).toContain('refreshInterval "1d" is not a Go duration');
    expect(d[0].fix).toBe('use "24h"');
    expect(run(esRefreshIntervalRule, es({ refreshInterval: '1w' }))[0].fix).toBe('use "168h"');
    expect(run(esRefreshIntervalRule, es({ refreshInterval: '1d12h' }))[0].fix).toBe('use "36h"');
  });
  test('an integer is refused by the API server', () => {
    const d = run(esRefreshIntervalRule, es({ refreshInterval: 0 }));
    expect(d[0].message).toContain('must be a string Go duration');
    expect(d[0].fix).toContain('"0s"');
  });
  test('sync windows and CES refreshTime are checked too', () => {
    const d = run(esRefreshIntervalRule, ces({ syncWindows: { kind: 'allow', windows: [{ schedule: '@daily', duration: '2d' }] } }, ['a']));
    expect(d[0].field).toBe('spec.externalSecretSpec.syncWindows.windows[0].duration');
    const m = ces({}, ['a']);
    (m.spec as any).refreshTime = '1 hour';
    expect(run(esRefreshIntervalRule, m)[0].field).toBe('spec.refreshTime');
  });
  test('sub-minute intervals warn', () => {
    const d = run(esRefreshIntervalRule, es({ refreshInterval: '10s' }));
    expect(d[0]).toMatchObject({ severity: 'warning' });
    expect(d[0].message).toContain('below one minute');
  });
  test('Go durations pass', () => {
    for (const v of ['1h', '24h', '1h30m', '0', '0s', '5m']) expect(run(esRefreshIntervalRule, es({ refreshInterval: v }))).toEqual([]);
  });
});

describe('ESO-ES-REFRESH-ZERO (P22)', () => {
  test('0 with the periodic policy warns and points at CreatedOnce', () => {
    for (const v of ['0', '0s', '0m']) {
      const d = run(esRefreshZeroRule, es({ refreshInterval: v }));
      expect(d[0]).toMatchObject({ ruleId: 'ESO-ES-REFRESH-ZERO', severity: 'warning', field: 'spec.refreshInterval' });
      expect(d[0].message).toContain('syncs once and never again');
      expect(d[0].fix).toContain('refreshPolicy: CreatedOnce');
    }
    expect(run(esRefreshZeroRule, es({ refreshInterval: '0s', refreshPolicy: 'Periodic' }))).toHaveLength(1);
  });
  test('non-zero intervals and explicit CreatedOnce/OnChange pass', () => {
    expect(run(esRefreshZeroRule, es({ refreshInterval: '1h' }))).toEqual([]);
    expect(run(esRefreshZeroRule, es({ refreshInterval: '0s', refreshPolicy: 'CreatedOnce' }))).toEqual([]);
    expect(run(esRefreshZeroRule, es({ refreshInterval: undefined }))).toEqual([]);
  });
});

describe('ESO-ES-IMMUTABLE-REFRESH (P35)', () => {
  test('immutable with a periodic refresh warns', () => {
    const d = run(esImmutableRefreshRule, es({ target: { name: 'app', immutable: true } }));
    expect(d[0]).toMatchObject({ ruleId: 'ESO-ES-IMMUTABLE-REFRESH', severity: 'warning', field: 'spec.target.immutable' });
    expect(d[0].message).toContain('immutable target "app" with a periodic refresh (every 1h)');
    expect(run(esImmutableRefreshRule, es({ refreshPolicy: 'OnChange', target: { immutable: true } }))[0].message).toContain('OnChange');
  });
  test('immutable with CreatedOnce or 0, and mutable targets, pass', () => {
    expect(run(esImmutableRefreshRule, es({ refreshPolicy: 'CreatedOnce', target: { immutable: true } }))).toEqual([]);
    expect(run(esImmutableRefreshRule, es({ refreshInterval: '0s', target: { immutable: true } }))).toEqual([]);
    expect(run(esImmutableRefreshRule, es())).toEqual([]);
  });
});
