import * as fs from 'fs';
import * as path from 'path';
import { loadFluxBuildEngine } from '../../../src/io/flux-build/engine';
import { readRepository } from '../../../src/io/repository/repository-reader';
import { validateManifests } from '../../../src/validation/engine';

/**
 * One small repository of our own per false-finding cause and per trap of flux-build.md §6
 * (test/fixtures/flux-repos/<name>/fixture.json says which). Each is read the way Flux builds it and validated:
 * - the true findings it names are reported, and no finding of the rules it lists;
 * - the Kustomizations that must fail to build fail, with kustomize's / Flux's message;
 * - parity: the objects of every Kustomization equal what the real `flux build kustomization --dry-run`
 *   produced (expected-objects.json, checked by hand; scripts/flux-parity.sh regenerates it).
 */
const ROOT = path.join(__dirname, '..', '..', 'fixtures', 'flux-repos');
const fixtures = fs.readdirSync(ROOT).filter(d => fs.existsSync(path.join(ROOT, d, 'fixture.json'))).sort();

interface FixtureSpec {
  readonly covers: string[];
  readonly source?: string;
  readonly expectFindings: Array<{ ruleId: string; kind?: string; name?: string; namespace?: string }>;
  readonly expectNoFindingsOf: string[];
  readonly expectBuildErrors: Array<{ kustomization: string; contains: string; stage?: 'build' | 'apply' }>;
  /** Kustomizations where kustomize-controller and `flux build --dry-run` differ (parityNotes say how). */
  readonly parityDiffers?: string[];
  readonly unknownValues?: boolean;
}

const id = (m: any) => `${m.apiVersion}|${m.kind}|${m.metadata?.namespace ?? ''}|${m.metadata?.name ?? ''}`;
// flux build leaves the namespace kustomize set on cluster-scoped kinds it does not know; the API server drops it
const CLUSTER_KINDS = new Set(['ClusterSecretStore', 'ClusterExternalSecret', 'ClusterPushSecret', 'ClusterGenerator', 'Namespace']);
const normalizeId = (s: string) => {
  const [apiVersion, kind, ns, name] = s.split('|');
  return `${apiVersion}|${kind}|${CLUSTER_KINDS.has(kind) ? '' : ns}|${name}`;
};

describe.each(fixtures)('flux repository fixture %s', name => {
  jest.setTimeout(60_000);
  const dir = path.join(ROOT, name);
  const spec: FixtureSpec = JSON.parse(fs.readFileSync(path.join(dir, 'fixture.json'), 'utf8'));
  const read = () => {
    const r = readRepository(dir, { source: spec.source?.split('/').length === 2 ? spec.source : undefined, engine: loadFluxBuildEngine() });
    const report = validateManifests(r.items, { countUnknown: true });
    return { ...r, report, all: [...r.problems, ...report.diagnostics] };
  };
  let result: ReturnType<typeof read>;
  beforeAll(() => {
    result = read();
  });

  // file-level findings of the file-by-file reading (a non-Kubernetes document in a generated folder) are, in
  // repository mode, the build error Flux reports for it
  const FILE_RULES = ['ESO-FLUX-NON-K8S-YAML'];
  test('true findings are reported', () => {
    for (const e of spec.expectFindings) {
      const hit = result.all.find(d => d.ruleId === e.ruleId && (!e.kind || d.object.kind === e.kind) && (!e.name || d.object.name === e.name)
        && (!e.namespace || d.object.namespace === e.namespace))
        ?? (FILE_RULES.includes(e.ruleId) ? result.problems.find(p => p.ruleId === 'ESO-FLUX-BUILD' && !!e.kind && p.message.includes(e.kind)) : undefined);
      expect({ expected: e, found: !!hit }).toEqual({ expected: e, found: true });
    }
  });

  test('no false finding of the listed rules', () => {
    const wrong = result.all.filter(d => spec.expectNoFindingsOf.includes(d.ruleId)).map(d => `${d.ruleId} ${d.object.kind} ${d.object.name}: ${d.message}`);
    expect(wrong).toEqual([]);
  });

  test('build errors name the Kustomization and carry the build message', () => {
    const errors = result.problems.filter(p => p.ruleId === 'ESO-FLUX-BUILD');
    const appliedBy = new Map(result.items.map(i => [i.manifest, i.appliedBy]));
    for (const e of spec.expectBuildErrors) {
      // build stage: the Kustomization's build error; apply stage (the API server or the controller refuses an
      // object): the finding on an object that Kustomization applies
      const hit = e.stage === 'apply'
        ? result.report.diagnostics.find(d => d.message.includes(e.contains)
          && result.items.some(i => appliedBy.get(i.manifest) === e.kustomization
            && i.manifest.kind === d.object.kind && i.manifest.metadata?.name === d.object.name))
        : errors.find(p => `${p.object.namespace}/${p.object.name}` === e.kustomization && p.message.includes(e.contains));
      expect({ expected: e, found: !!hit, errors: hit ? [] : errors.map(p => p.message) }).toEqual({ expected: e, found: true, errors: [] });
    }
    expect(errors.map(p => `${p.object.namespace}/${p.object.name}`).sort())
      .toEqual(spec.expectBuildErrors.filter(e => e.stage !== 'apply').map(e => e.kustomization).sort());
  });

  test('objects per Kustomization match the real flux build (parity)', () => {
    const expectedFile = path.join(dir, 'expected-objects.json');
    if (!fs.existsSync(expectedFile)) return;
    const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8')).kustomizations as Record<string, { objects?: string[]; error?: string }>;
    const ours = new Map<string, string[]>();
    for (const item of result.items) {
      if (!item.appliedBy) continue;
      (ours.get(item.appliedBy) ?? ours.set(item.appliedBy, []).get(item.appliedBy)!).push(id(item.manifest));
    }
    for (const [ks, want] of Object.entries(expected)) {
      if (want.error || !want.objects || spec.parityDiffers?.includes(ks)) continue;
      expect({ ks, objects: [...(ours.get(ks) ?? [])].sort() }).toEqual({ ks, objects: want.objects.map(normalizeId).sort() });
    }
  });
});
