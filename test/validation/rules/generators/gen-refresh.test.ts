import { clusterGenerator, externalSecret, genRef, password, pushSecret, run } from './helpers';
import { generatorRefreshRule as rule } from '../../../../src/validation/rules/generators/gen-refresh';

const pw = password({ length: 32, digits: 6, symbols: 4, noUpper: false, allowRepeat: true }, 'db-password-generator');
const fromGen = (extra: Record<string, any>, ref = genRef('Password', 'db-password-generator')) => externalSecret({
  target: { name: 'db-credentials', creationPolicy: 'Owner' },
  dataFrom: [{ sourceRef: { generatorRef: ref } }],
  ...extra,
});

describe('ESO-GEN-REFRESH', () => {
  test('no refreshPolicy and the default interval: regenerates every hour (error)', () => {
    const d = run(rule, pw, fromGen({}));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-GEN-REFRESH', field: 'spec.refreshPolicy', severity: 'error' });
    expect(d[0].message).toContain('every 1h (the default)');
    expect(d[0].fix).toContain('CreatedOnce');
  });

  test('no refreshPolicy with an explicit interval: a stated rotation (warning; ESO\'s generator docs use 30m)', () => {
    const d = run(rule, pw, fromGen({ refreshInterval: '24h' }));
    expect(d[0].message).toContain('every 24h');
    expect(d[0].severity).toBe('warning');
  });

  test('through a ClusterGenerator wrapping a Password', () => {
    const cg = clusterGenerator({ kind: 'Password', generator: { passwordSpec: { length: 24, noUpper: false, allowRepeat: false } } }, 'global');
    expect(run(rule, cg, fromGen({}, genRef('ClusterGenerator', 'global')))).toHaveLength(1);
  });

  test('Periodic rotation mixed with store values (error)', () => {
    const d = run(rule, pw, fromGen({
      refreshPolicy: 'Periodic',
      refreshInterval: '2160h',
      secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' },
      data: [{ secretKey: 'url', remoteRef: { key: 'databases/postgres', property: 'url' } }],
    }));
    expect(d[0].message).toContain('mixes the Password generator');
  });

  test('PushSecret with a generator source and no refreshInterval (warning)', () => {
    const d = run(rule, pw, pushSecret({ secretStoreRefs: [{ name: 'bao', kind: 'ClusterSecretStore' }], selector: { generatorRef: genRef('Password', 'db-password-generator') } }));
    expect(d[0]).toMatchObject({ field: 'spec.refreshInterval', severity: 'warning' });
  });

  test('clean: CreatedOnce, explicit Periodic rotation (seed 000 rotation table), refreshInterval 0, non-random generators', () => {
    expect(run(rule, pw, fromGen({ refreshPolicy: 'CreatedOnce' }))).toEqual([]);
    expect(run(rule, pw, fromGen({ refreshPolicy: 'Periodic', refreshInterval: '2160h' }))).toEqual([]);
    expect(run(rule, pw, fromGen({ refreshInterval: '0' }))).toEqual([]);
    expect(run(rule, fromGen({}, genRef('VaultDynamicSecret', 'db')))).toEqual([]);
    expect(run(rule, pw, pushSecret({ refreshInterval: '720h', secretStoreRefs: [{ name: 'bao', kind: 'ClusterSecretStore' }], selector: { generatorRef: genRef('Password', 'db-password-generator') } }))).toEqual([]);
  });
});
