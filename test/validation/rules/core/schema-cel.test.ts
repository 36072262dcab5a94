import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { Manifest } from '../../../../src/model/manifest';
import { validateManifests } from '../../../../src/validation/engine';
import { schemaCelRule } from '../../../../src/validation/rules/core/schema-cel';
import { CelRule, evaluateCel } from '../../../../src/validation/schema/cel';

const run = (m: Manifest) => validateManifests([{ manifest: m }], { rules: [schemaCelRule] }).diagnostics;

const token = (spec: Record<string, unknown>): Manifest => ({
  apiVersion: 'generators.external-secrets.io/v1alpha1',
  kind: 'GitlabDeployToken',
  metadata: { name: 't', namespace: 'ns' },
  spec: { auth: { token: { secretRef: { name: 'gl', key: 'token' } } }, name: 'deploy', scopes: ['read_registry'], ...spec },
});

describe('ESO-SCHEMA-CEL', () => {
  test('GitlabDeployToken: exactly one of projectID or groupID (bad: both, bad: neither, good: one)', () => {
    for (const bad of [{ projectID: '1', groupID: '2' }, {}]) {
      const d = run(token(bad));
      expect(d).toHaveLength(1);
      expect(d[0]).toMatchObject({ ruleId: 'ESO-SCHEMA-CEL', field: 'spec', message: 'exactly one of projectID or groupID must be set' });
    }
    expect(run(token({ projectID: '1' }))).toEqual([]);
    expect(run(token({ groupID: '2' }))).toEqual([]);
  });

  test('ClusterGenerator gitlabDeployTokenSpec carries the same rule', () => {
    const ces: Manifest = {
      apiVersion: 'generators.external-secrets.io/v1alpha1',
      kind: 'ClusterGenerator',
      metadata: { name: 'g' },
      spec: { kind: 'GitlabDeployToken', generator: { gitlabDeployTokenSpec: { ...token({}).spec, projectID: '1', groupID: '2' } } },
    };
    expect(run(ces).map(d => [d.field, d.message])).toEqual([['spec.generator.gitlabDeployTokenSpec', 'exactly one of projectID or groupID must be set']]);
  });

  test('rules on list items report the item (PushSecret dataTo[].rewrite[])', () => {
    const ps: Manifest = {
      apiVersion: 'external-secrets.io/v1alpha1',
      kind: 'PushSecret',
      metadata: { name: 'p', namespace: 'ns' },
      spec: {
        secretStoreRefs: [{ name: 'vault' }],
        selector: { secret: { name: 's' } },
        dataTo: [
          { storeRef: { name: 'vault' } },
          { storeRef: { name: 'vault' }, rewrite: [{ regexp: { source: 'a', target: 'b' } }, { regexp: { source: 'a', target: 'b' }, transform: { template: 'x' } }] },
        ],
      },
    };
    const d = run(ps);
    expect(d.map(x => [x.field, x.message])).toEqual([['spec.dataTo[1].rewrite[1]', 'exactly one of regexp or transform must be set']]);
  });

  test('rules run on the defaulted object (crossplane managementPolicies defaults to ["*"])', () => {
    const policy = (spec: Record<string, unknown>): Manifest => ({
      apiVersion: 'vault.vault.upbound.io/v1alpha1', kind: 'Policy', metadata: { name: 'p' }, spec,
    });
    const d = run(policy({ forProvider: { policy: 'path "x" {}' } }));
    expect(d.map(x => [x.field, x.message])).toEqual([['spec', 'spec.forProvider.name is a required parameter']]);
    expect(run(policy({ forProvider: { name: 'p', policy: 'path "x" {}' } }))).toEqual([]);
    // observe-only: nothing is required
    expect(run(policy({ managementPolicies: ['Observe'], forProvider: {} }))).toEqual([]);
  });

  test('CEL does not run when a blocking OpenAPI error came first (as strategy.go does)', () => {
    // scopes missing is a Required error: the API server skips the CEL rules
    const m = token({ projectID: '1', groupID: '2' });
    delete (m.spec as any).scopes;
    expect(run(m)).toEqual([]);
  });

  test('the cost is bounded: over the budget, evaluation stops with the API server\'s error', () => {
    const rules: CelRule[] = [{ path: ['spec', 'items', '*'], rule: 'size(self.list) < 1000000', message: 'm' }];
    const obj = { spec: { items: Array.from({ length: 50 }, () => ({ list: Array.from({ length: 100 }, (_, i) => i) })) } };
    expect(evaluateCel(rules, obj)).toEqual([]);
    const over = evaluateCel(rules, obj, 1000);
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({ evaluationError: true, message: expect.stringMatching(/running out of cost budget/) });
  });

  test('property: a GitlabDeployToken is refused exactly when projectID and groupID are both set or both absent (fixed seed)', () => {
    const maybe = fc.option(fc.string({ minLength: 1 }), { nil: undefined });
    fc.assert(fc.property(maybe, maybe, (p, g) => {
      const spec: Record<string, unknown> = {};
      if (p !== undefined) spec.projectID = p;
      if (g !== undefined) spec.groupID = g;
      expect(run(token(spec)).length).toBe((p !== undefined) === (g !== undefined) ? 1 : 0);
    }), { seed: 1414, numRuns: 200 });
  });

  const shared = path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared');
  const cel = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'generated', 'schemas', 'cel.json'), 'utf8')) as Record<string, CelRule[]>;

  (fs.existsSync(shared) ? test : test.skip)('generated/schemas/cel.json holds every x-kubernetes-validations rule of every served version of the pinned CRDs', () => {
    const vaultDir = path.join(shared, 'vault-crds');
    const files = [path.join(shared, 'eso', 'bundle.yaml'), ...fs.readdirSync(vaultDir).filter(f => f.endsWith('.yaml')).map(f => path.join(vaultDir, f))];
    let expected = 0;
    const count = (s: any): number => !s || typeof s !== 'object' ? 0 : Object.values(s).reduce((n: number, v: any) => n + count(v), (s['x-kubernetes-validations'] ?? []).length);
    for (const f of files) {
      for (const doc of parseAllDocuments(fs.readFileSync(f, 'utf8'))) {
        const crd = doc.toJS();
        if (crd?.kind !== 'CustomResourceDefinition') continue;
        for (const v of crd.spec.versions) if (v.served) expected += count(v.schema.openAPIV3Schema.properties);
      }
    }
    const got = Object.values(cel).reduce((n, r) => n + r.length, 0);
    expect(expected).toBeGreaterThanOrEqual(48);
    expect(got).toBe(expected);
  });

  test('every generated rule evaluates (no evaluation error) on a node with all its referenced fields absent or defaulted', () => {
    for (const [key, rules] of Object.entries(cel)) {
      for (const r of rules) {
        // a node at the rule's path: {} objects, one-item lists, one-key maps
        const build = (segs: readonly string[]): unknown => segs.length === 0
          ? (r.rule.includes('managementPolicies') ? { managementPolicies: ['*'], forProvider: {} } : {})
          : segs[0] === '*' ? [build(segs.slice(1))] : segs[0] === '{}' ? { k: build(segs.slice(1)) } : { [segs[0]]: build(segs.slice(1)) };
        const errors = evaluateCel([r], build(r.path)).filter(v => v.evaluationError);
        expect({ key, rule: r.rule, errors }).toEqual({ key, rule: r.rule, errors: [] });
      }
    }
  });
});
