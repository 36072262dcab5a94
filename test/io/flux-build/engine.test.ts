import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  findGeneratedDir,
  FluxBuildObject,
  FluxBuildRequest,
  FluxBuildResponse,
  loadFluxBuildEngine,
  unknownVariableMarker,
  UNKNOWN_VARIABLE_MARKER_PATTERN,
} from '../../../src/io/flux-build/engine';

// Every fixture is an in-memory repository: file path -> text.

const engine = loadFluxBuildEngine();

function build(request: FluxBuildRequest): FluxBuildResponse {
  return engine.build(request);
}

function ok(request: FluxBuildRequest): FluxBuildResponse {
  const result = build(request);
  expect(result.error).toBeUndefined();
  return result;
}

function meta(o: FluxBuildObject): { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> } {
  return (o.object.metadata ?? {}) as never;
}

function find(result: FluxBuildResponse, name: string): FluxBuildObject {
  const found = result.objects.find((o) => meta(o).name === name);
  if (!found) {
    throw new Error(`no object ${name} in ${result.objects.map((o) => meta(o).name).join(', ')}`);
  }
  return found;
}

function configMap(name: string, extra = ''): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${extra}`;
}

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.25
`;

describe('loading', () => {
  test('is a singleton found from the package root', () => {
    expect(loadFluxBuildEngine()).toBe(engine);
    const dir = findGeneratedDir(path.join(__dirname));
    expect(dir).toBe(path.resolve(__dirname, '../../../generated/flux-build'));
  });

  test('generated/flux-build was built from the current engines/flux-build sources', () => {
    // The same hash as scripts/build-flux-engine.sh: go.mod, go.sum and the
    // non-test .go files, in this order, as "<sha256>  <name>" lines.
    const src = path.resolve(__dirname, '../../../engines/flux-build');
    const names = ['go.mod', 'go.sum', ...fs.readdirSync(src).filter((f) => f.endsWith('.go') && !f.endsWith('_test.go')).sort()];
    const lines = names.map((f) => `${createHash('sha256').update(fs.readFileSync(path.join(src, f))).digest('hex')}  ${f}\n`).join('');
    const recorded = fs.readFileSync(path.join(findGeneratedDir(), 'source.sha256'), 'utf8').trim();
    expect({ recorded, hint: 'run scripts/build-flux-engine.sh' }).toEqual({ recorded: createHash('sha256').update(lines).digest('hex'), hint: 'run scripts/build-flux-engine.sh' });
  });

  test('stays within the package size budget', () => {
    const dir = findGeneratedDir();
    const bytes = fs.readdirSync(dir).reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
    expect(bytes).toBeLessThan(15 * 1024 * 1024);
  });

  test('puts nothing on the global object', () => {
    const g = globalThis as Record<string, unknown>;
    expect(g.Go).toBeUndefined();
    expect(g.__fluxBuildEngine).toBeUndefined();
  });

  test('leaves no timer holding the process after a repository is read (Go schedules its timers with setTimeout)', () => {
    // a fresh process reading a generated 12-Kustomization repository (long enough for Go's background timers)
    const root = path.join(__dirname, '..', '..', '..');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eso-timers-'));
    execFileSync(process.execPath, [path.join(root, 'bench', 'make-repo.js'), dir, '12', '120']);
    const script = `const { validateCommand } = require(${JSON.stringify(path.join(root, 'src', 'cli', 'validate-command.ts'))});
      const code = validateCommand([${JSON.stringify(dir)}], { out: () => undefined });
      process.stdout.write(JSON.stringify({ code, timers: process.getActiveResourcesInfo().filter(x => x === 'Timeout').length }));`;
    const out = execFileSync(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), '-e', script], {
      encoding: 'utf8', env: { ...process.env, CDK8S_ESO_BUILD_WORKERS: '0', TS_NODE_PROJECT: path.join(root, 'tsconfig.json') },
    });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(JSON.parse(out)).toEqual({ code: 0, timers: 0 });
  }, 120_000);

  test('reports the pinned versions', () => {
    expect(engine.version()).toMatchObject({
      kustomize: 'v5.8.1',
      kustomizeApi: 'v0.21.1',
      kyaml: 'v0.21.1',
      fluxPkgKustomize: 'kustomize/v1.39.0',
      fluxPkgEnvsubst: 'envsubst/v1.7.0',
    });
  });
});

describe('folder without kustomization.yaml (Flux generates one)', () => {
  const files = {
    'apps/a.yaml': configMap('a'),
    'apps/nested/b.yml': configMap('b'),
    'apps/README.md': '# not a manifest',
    'apps/c.json': '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"json-is-skipped"}}',
    'apps/unit/kustomization.yaml': 'resources: [d.yaml]\nnamePrefix: unit-\n',
    'apps/unit/d.yaml': configMap('d'),
    'apps/unit/unlisted.yaml': configMap('unlisted'),
  };

  test('takes every .yaml/.yml file, and a sub-folder with a kustomization as one unit', () => {
    const result = ok({ files, path: './apps' });
    expect(result.objects.map((o) => meta(o).name).sort()).toEqual(['a', 'b', 'unit-d']);
    expect(find(result, 'unit-d').originPath).toBe('apps/unit/d.yaml');
    expect(find(result, 'b').originPath).toBe('apps/nested/b.yml');
    expect(result.kustomization).toContain('- ./unit');
  });

  test('a non-Kubernetes values.yaml fails the build with Flux\'s message', () => {
    const result = build({ files: { ...files, 'apps/values.yaml': 'replicaCount: 2\n' }, path: 'apps' });
    expect(result.error).toMatch(/^failed to decode Kubernetes YAML from \/artifact\/apps\/values.yaml: /);
    expect(result.objects).toEqual([]);
  });
});

describe('Flux overlays on the top-level kustomization', () => {
  const files = {
    'base/kustomization.yaml': 'resources: [deploy.yaml]\n',
    'base/deploy.yaml': deployment,
    'prod/kustomization.yaml': [
      'namespace: from-file',
      'resources: [../base, settings.yaml]',
      'patches:',
      '- path: replicas.yaml',
      '- path: add-label.json',
      '  target: {kind: Deployment, name: web}',
      'images:',
      '- name: nginx',
      '  newTag: "1.26"',
      '',
    ].join('\n'),
    'prod/settings.yaml': configMap('settings', 'data:\n  a: b\n'),
    'prod/replicas.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n',
    'prod/add-label.json': '[{"op": "add", "path": "/metadata/labels", "value": {"patched": "json6902"}}]',
    'components/tier/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\ncommonAnnotations:\n  tier: frontend\n',
  };

  test('targetNamespace replaces the file\'s namespace', () => {
    const result = ok({ files, path: './prod', spec: { targetNamespace: 'apps' } });
    expect(result.objects.map((o) => meta(o).namespace)).toEqual(['apps', 'apps']);
    const plain = ok({ files, path: './prod' });
    expect(plain.objects.map((o) => meta(o).namespace)).toEqual(['from-file', 'from-file']);
  });

  test('namePrefix and nameSuffix', () => {
    const result = ok({ files, path: './prod', spec: { namePrefix: 'p-', nameSuffix: '-s' } });
    expect(result.objects.map((o) => meta(o).name).sort()).toEqual(['p-settings-s', 'p-web-s']);
  });

  test('strategic-merge and JSON6902 patches: originPath is the base file, the patch files are not objects', () => {
    const result = ok({ files, path: './prod' });
    expect(result.objects).toHaveLength(2);
    const web = find(result, 'web');
    expect(web.originPath).toBe('base/deploy.yaml');
    expect(web.generated).toBe(false);
    expect((web.object.spec as { replicas: number }).replicas).toBe(3);
    expect(meta(web).labels).toEqual({ patched: 'json6902' });
    expect(meta(web).annotations).toBeUndefined(); // the origin annotation is not left behind
    expect(find(result, 'settings').originPath).toBe('prod/settings.yaml');
  });

  test('spec.patches with a target selector', () => {
    const result = ok({
      files,
      path: './prod',
      spec: {
        patches: [
          { patch: '- op: replace\n  path: /spec/replicas\n  value: 7\n', target: { kind: 'Deployment', labelSelector: 'patched=json6902' } },
          { patch: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ignored\ndata:\n  extra: "1"\n', target: { kind: 'ConfigMap' } },
        ],
      },
    });
    expect((find(result, 'web').object.spec as { replicas: number }).replicas).toBe(7);
    expect(find(result, 'settings').object.data).toEqual({ a: 'b', extra: '1' });
  });

  test('components (a missing one is dropped with ignoreMissingComponents)', () => {
    const spec = { components: ['../components/tier', '../components/missing'], ignoreMissingComponents: true };
    const result = ok({ files, path: './prod', spec });
    expect(result.objects.map((o) => meta(o).annotations?.tier)).toEqual(['frontend', 'frontend']);
    const strict = build({ files, path: './prod', spec: { ...spec, ignoreMissingComponents: false } });
    expect(strict.error).toContain('components/missing');
  });

  test('images are merged by name', () => {
    const image = (r: FluxBuildResponse) =>
      ((find(r, 'web').object.spec as any).template.spec.containers[0].image as string);
    expect(image(ok({ files, path: './prod' }))).toBe('nginx:1.26');
    expect(image(ok({ files, path: './prod', spec: { images: [{ name: 'nginx', newName: 'mirror/nginx' }] } }))).toBe('mirror/nginx:1.26');
    expect(image(ok({ files, path: './prod', spec: { images: [{ name: 'nginx', newTag: '1.27' }] } }))).toBe('nginx:1.27');
  });
});

describe('generators and failures', () => {
  test('a secretGenerator object is generated: true with a hashed name', () => {
    const result = ok({
      files: {
        'kustomization.yaml': 'resources: [deploy.yaml]\nsecretGenerator:\n- name: creds\n  literals: [password=s3cret]\n',
        'deploy.yaml': deployment,
      },
    });
    const secret = result.objects.find((o) => o.object.kind === 'Secret')!;
    expect(secret.generated).toBe(true);
    expect(meta(secret).name).toMatch(/^creds-[a-z0-9]{10}$/);
    expect(secret.originPath).toBe('kustomization.yaml');
    expect(find(result, 'web').generated).toBe(false);
  });

  test.each([
    ['a missing resource', { 'kustomization.yaml': 'resources: [missing.yaml]\n' }, '', /accumulating resources from 'missing.yaml'/],
    ['a missing path', { 'a.yaml': configMap('a') }, './nowhere', /^kustomization path not found/],
    ['a patch without a target', { 'kustomization.yaml': 'resources: [a.yaml]\npatches:\n- path: p.yaml\n', 'a.yaml': configMap('a'), 'p.yaml': configMap('other') }, '', /no resource matches strategic merge patch/],
    ['a cycle', { 'a/kustomization.yaml': 'resources: [../b]\n', 'b/kustomization.yaml': 'resources: [../a]\n' }, 'a', /cycle detected/],
    ['helmCharts', { 'kustomization.yaml': 'helmCharts:\n- name: podinfo\n  repo: https://example.com/charts\n' }, '', /must specify --enable-helm/],
    ['a remote base', { 'kustomization.yaml': 'resources:\n- https://github.com/example/repo//deploy?ref=main\n' }, '', /https:\/\/github\.com\/example\/repo\/\/deploy\?ref=main/],
  ])('%s fails with kustomize\'s message', (_name, files, specPath, message) => {
    const started = Date.now();
    const result = build({ files, path: specPath });
    expect(result.error).toMatch(message);
    expect(result.objects).toEqual([]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('kustomize\'s deprecation warnings are returned, not printed', () => {
    const log = jest.spyOn(console, 'log');
    const result = ok({
      files: {
        'kustomization.yaml': 'bases: [base]\ncommonLabels: {team: a}\n',
        'base/kustomization.yaml': 'resources: [a.yaml]\n',
        'base/a.yaml': configMap('a'),
      },
    });
    expect(result.warnings.join('\n')).toMatch(/'bases' is deprecated[\s\S]*'commonLabels' is deprecated/);
    expect(log).not.toHaveBeenCalled();
    expect(meta(result.objects[0]).labels).toEqual({ team: 'a' });
  });

  test('a malformed request is an error, not a crash', () => {
    const result = build({ files: { 'a.yaml': configMap('a') }, spec: { targetNamespace: 5 as unknown as string } });
    expect(result.error).toContain('expected string');
  });
});

describe('post-build substitution', () => {
  const files = {
    'kustomization.yaml': 'resources: [app.yaml, store.yaml, raw.yaml]\n',
    'app.yaml': configMap('${APP}-env', 'data:\n  escaped: $${X}\n'),
    'store.yaml': configMap('store', 'data:\n  provider: ${STORE:=onepassword}\n'),
    'raw.yaml': configMap('raw', '  annotations:\n    kustomize.toolkit.fluxcd.io/substitute: disabled\ndata:\n  kept: ${APP}\n'),
  };

  test('known variables, $${X} escape and the opt-out annotation', () => {
    const result = ok({ files, substitution: { variables: { APP: 'shop' } } });
    expect(result.objects.map((o) => meta(o).name)).toEqual(['shop-env', 'store', 'raw']);
    expect(find(result, 'shop-env').object.data).toEqual({ escaped: '${X}' });
    expect(find(result, 'store').object.data).toEqual({ provider: 'onepassword' });
    expect(find(result, 'raw').object.data).toEqual({ kept: '${APP}' });
    expect(result.unknownVariables).toEqual([]);
  });

  test('no known variables and an unreadable source: «flux:NAME» markers', () => {
    const result = ok({ files: { 'kustomization.yaml': 'resources: [store.yaml]\n', 'store.yaml': files['store.yaml'] }, substitution: { unknownSources: true } });
    const provider = (find(result, 'store').object.data as { provider: string }).provider;
    expect(provider).toBe(unknownVariableMarker('STORE'));
    expect(provider).toBe('\u00abflux:STORE\u00bb');
    expect([...provider.matchAll(UNKNOWN_VARIABLE_MARKER_PATTERN)].map((m) => m[1])).toEqual(['STORE']);
    expect(result.unknownVariables).toEqual(['STORE']);
  });

  test('derived from spec.postBuild: inline values known, substituteFrom makes the rest unknown', () => {
    const result = ok({
      files,
      spec: { postBuild: { substitute: { APP: 'shop' }, substituteFrom: [{ kind: 'ConfigMap', name: 'cluster-vars' }] } },
    });
    expect(meta(find(result, 'shop-env')).name).toBe('shop-env');
    expect(find(result, 'store').object.data).toEqual({ provider: '\u00abflux:STORE\u00bb' });
    expect(result.unknownVariables).toEqual(['STORE']);
  });

  test('strict mode: an undefined variable fails the build', () => {
    const result = build({
      files: { 'kustomization.yaml': 'resources: [a.yaml]\n', 'a.yaml': configMap('a', 'data:\n  x: ${UNDEFINED}\n') },
      substitution: { variables: { APP: 'shop' } },
    });
    expect(result.error).toBe('post build failed for \'ConfigMap.v1.[noGrp]/a\': envsubst error: variable substitution failed: variable not set (strict mode): "UNDEFINED"');
  });

  test('no variables and strategy WithVariables: nothing is substituted', () => {
    const result = ok({ files, substitution: {} });
    expect(meta(result.objects[0]).name).toBe('${APP}-env');
    expect(result.objects[0].object.data).toEqual({ escaped: '$${X}' });
  });

  test('the standalone substitute call', () => {
    const result = engine.substitute({
      objects: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: '${APP}-env' }, data: { n: '${N}' } }],
      variables: { APP: 'shop', N: '3' },
    });
    expect(result.error).toBeUndefined();
    expect(result.objects).toEqual([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'shop-env' }, data: { n: 3 } }]);
    expect(result.sourceIndexes).toEqual([0]);
  });
});

describe('commonMetadata and owner labels', () => {
  test('owner labels on every object, then commonMetadata overriding same keys', () => {
    const result = ok({
      files: {
        'kustomization.yaml': 'resources: [ns.yaml, a.yaml]\n',
        'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n',
        'a.yaml': configMap('a', '  labels:\n    team: old\n'),
      },
      name: 'apps',
      namespace: 'flux-system',
      spec: { commonMetadata: { labels: { team: 'platform' }, annotations: { owner: 'ops' } } },
    });
    for (const o of result.objects) {
      expect(meta(o).labels).toEqual({
        'kustomize.toolkit.fluxcd.io/name': 'apps',
        'kustomize.toolkit.fluxcd.io/namespace': 'flux-system',
        'team': 'platform',
      });
      expect(meta(o).annotations).toEqual({ owner: 'ops' });
    }
  });
});
