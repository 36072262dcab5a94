import { Manifest } from '../../src/model/manifest';
import { Severity } from '../../src/validation/diagnostic';
import { IGNORE_ANNOTATION, summaryLine, validateManifests } from '../../src/validation/engine';
import { Rule, finding } from '../../src/validation/rule';

const es = (name: string, extra: Record<string, any> = {}): Manifest => ({
  apiVersion: 'external-secrets.io/v1',
  kind: 'ExternalSecret',
  metadata: { name, namespace: 'apps', ...extra },
  spec: {},
});

const warnEveryEs: Rule = {
  id: 'TEST-WARN',
  severity: Severity.WARNING,
  description: 'test',
  kinds: ['ExternalSecret'],
  checkObject: m => [finding('spec', `warn ${m.metadata?.name}`, 'nothing')],
};

const countStores: Rule = {
  id: 'TEST-APP',
  severity: Severity.ERROR,
  description: 'test',
  checkApp: ctx => ctx.index.ofKind('ExternalSecret').map(m => finding('', 'seen', 'nothing', { target: m })),
};

describe('validateManifests', () => {
  test('object rules run only on their kinds; app rules run once with targets', () => {
    const items = [{ manifest: es('a') }, { manifest: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } } }];
    const r = validateManifests(items, { rules: [warnEveryEs, countStores] });
    expect(r.diagnostics.map(d => [d.ruleId, d.object.kind, d.object.name, d.severity])).toEqual([
      ['TEST-APP', 'ExternalSecret', 'a', 'error'],
      ['TEST-WARN', 'ExternalSecret', 'a', 'warning'],
    ]);
    expect(r.errors).toBe(1);
    expect(r.warnings).toBe(1);
    expect(r.objects).toBe(2);
  });

  test('strict turns warnings into errors', () => {
    const r = validateManifests([{ manifest: es('a') }], { rules: [warnEveryEs], strict: true });
    expect(r.diagnostics[0].severity).toBe(Severity.ERROR);
    expect(r.errors).toBe(1);
  });

  test('the ignore annotation silences one rule on one object and is counted', () => {
    const silenced = es('quiet', {});
    (silenced.metadata as any).annotations = { [IGNORE_ANNOTATION]: 'OTHER, TEST-WARN' };
    const r = validateManifests([{ manifest: silenced }, { manifest: es('loud') }], { rules: [warnEveryEs] });
    expect(r.diagnostics.map(d => d.object.name)).toEqual(['loud']);
    expect(r.silenced).toBe(1);
    expect(summaryLine(r)).toBe(`0 errors, 1 warning in 2 objects, 1 silenced by ${IGNORE_ANNOTATION}`);
  });

  test('diagnostics carry the construct path or file of their object', () => {
    const r = validateManifests([{ manifest: es('a'), constructPath: 'apps/a' }, { manifest: es('b'), file: 'x.yaml', line: 3 }], { rules: [warnEveryEs] });
    expect(r.diagnostics.find(d => d.object.name === 'a')!.constructPath).toBe('apps/a');
    expect(r.diagnostics.find(d => d.object.name === 'b')).toMatchObject({ file: 'x.yaml', line: 3 });
  });

  test('objects of unserved versions only get ESO-API-VERSION; other rules do not see them', () => {
    const old = { ...es('old'), apiVersion: 'external-secrets.io/v1beta1' };
    const r = validateManifests([{ manifest: old, file: 'old.yaml' }, { manifest: es('new') }], { rules: [warnEveryEs, countStores] });
    expect(r.diagnostics.map(d => [d.ruleId, d.object.name])).toEqual([['TEST-APP', 'new'], ['TEST-WARN', 'new']]);
    const all = validateManifests([{ manifest: old, file: 'old.yaml' }]);
    expect(all.diagnostics.map(d => [d.ruleId, d.file])).toEqual([['ESO-API-VERSION', 'old.yaml']]);
  });

  test('an app rule finding without a target is a programming error', () => {
    const bad: Rule = { id: 'BAD', severity: Severity.ERROR, description: '', checkApp: () => [finding('', 'x', 'y')] };
    expect(() => validateManifests([], { rules: [bad] })).toThrow(/must name their target/);
  });

  test('the default registry validates a correct ExternalSecret with no errors', () => {
    const m: Manifest = {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: 'db', namespace: 'apps' },
      spec: {
        secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' },
        refreshInterval: '1h',
        target: { name: 'db', creationPolicy: 'Owner' },
        data: [{ secretKey: 'password', remoteRef: { key: 'apps/db', property: 'password' } }],
      },
    };
    const store: Manifest = {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ClusterSecretStore',
      metadata: { name: 'vault' },
      spec: { provider: { vault: { server: 'https://vault.example.internal:8200', path: 'secret', version: 'v2', auth: { kubernetes: { mountPath: 'kubernetes', role: 'eso' } } } } },
    };
    const r = validateManifests([{ manifest: m }, { manifest: store }]);
    expect(r.diagnostics.filter(d => d.severity === Severity.ERROR)).toEqual([]);
  });
});
