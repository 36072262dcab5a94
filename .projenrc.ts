import { cdk8s, javascript } from 'projen';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-external-secrets',
  description: 'Typed cdk8s constructs for External Secrets Operator + HashiCorp Vault / OpenBao, validated before Git',
  author: 'cdk8s-external-secrets maintainers',
  authorAddress: 'maintainers@users.noreply.example',
  repositoryUrl: 'https://github.com/cdk8s-external-secrets/cdk8s-external-secrets.git',
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  packageManager: javascript.NodePackageManager.NPM,
  cdk8sVersion: '2.70.0',
  constructsVersion: '10.3.0',
  jsiiVersion: '~6.0.0',
  peerDeps: ['cdk8s-plus-28@^2.5.6'],
  bundledDeps: ['yaml@^2.8.0', 'js-yaml@^4.3.2', 'ajv@^8.17.1', '@bufbuild/cel@^0.6.1', '@bufbuild/protobuf@^2.6.2', 're2js@^2.10.0'],
  devDeps: ['fast-check@^4', 'ts-node@^10', '@types/js-yaml@^4', 'ajv-draft-04@^1', 'ajv-formats@^3', '@microsoft/jest-sarif@1.0.0-beta.0'],
  keywords: ['cdk8s', 'external-secrets', 'vault', 'openbao', 'flux', 'gitops'],
  github: false,
  release: false,
  // dist/ holds the synthesized example platform (the README's main job); packages go elsewhere.
  artifactsDirectory: 'dist-pkg',
  jestOptions: {
    // Snapshots never update silently: a changed output must be reviewed and committed.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      collectCoverage: false,
      testTimeout: 60_000,
    },
  },
  eslintOptions: {
    dirs: ['src', 'examples', 'scripts', 'bench'],
    ignorePatterns: ['generated/**', '*.js', '*.d.ts', 'node_modules/'],
  },
  gitignore: ['/dist/', '/dist-seeds/', '/bench-results/', '.cdk8s-eso-tmp/', 'engines/flux-build/*.test'],
  npmignoreEnabled: true,
  // jsii bindings (issue 15; README "Python and Go"). Names follow the repository URL; the Java package is
  // the group id with '-' -> '_' (JLS 6.1: a package name cannot hold '-').
  publishToPypi: { distName: 'cdk8s-external-secrets', module: 'cdk8s_external_secrets' },
  publishToGo: { moduleName: 'github.com/cdk8s-external-secrets/cdk8s-external-secrets-go' },
  publishToMaven: {
    javaPackage: 'io.github.cdk8s_external_secrets',
    mavenGroupId: 'io.github.cdk8s-external-secrets',
    mavenArtifactId: 'cdk8s-external-secrets',
  },
});

// The layers of src/ (README "Development"): imports only point down. Lowest first:
//   model/ (pure manifest knowledge) · refs/ (I-interfaces) · validation/ (engine + rules) · io/ (disk)
//   · synth/ (the only code touching cdk8s internals) · constructs: base/ (the Resource base class) <
//   vault/ < stores/ < generators/ < external-secrets/ < push-secrets/ < flux/ · cli/. Rules are imported
//   by the engine only.
const CONSTRUCT_FOLDERS = ['base', 'vault', 'stores', 'generators', 'external-secrets', 'push-secrets', 'flux'];
const src = (f: string) => `./src/${f}`;
const above = (i: number) => CONSTRUCT_FOLDERS.slice(i + 1).map(src);
project.eslint?.addRules({
  'import/no-restricted-paths': ['error', {
    zones: [
      { target: src('model'), from: './src', except: ['./model'], message: 'model/ is pure: it imports nothing else from src/' },
      { target: src('refs'), from: './src', except: ['./refs'], message: 'refs/ holds interfaces only' },
      {
        target: src('validation'),
        from: [src('io'), src('synth'), src('cli'), src('refs'), ...CONSTRUCT_FOLDERS.map(src)],
        message: 'validation/ reads plain manifests through model/ only',
      },
      { target: src('io'), from: [src('synth'), src('cli'), ...CONSTRUCT_FOLDERS.map(src)], message: 'io/ is below synth/ and the constructs' },
      { target: src('synth'), from: [src('cli'), ...CONSTRUCT_FOLDERS.map(src)], message: 'synth/ is below the constructs' },
      ...CONSTRUCT_FOLDERS.map((f, i) => ({
        target: src(f), from: [src('cli'), ...above(i)], message: `${f}/ may use the construct folders below it only`,
      })),
      {
        target: ['./src/!(validation)/**/*', './src/*.ts', './src/validation/!(engine).ts', './src/validation/schema/**/*'],
        from: src('validation/rules'),
        message: 'rules are imported by the engine only (validation/engine.ts)',
      },
    ],
  }],
});

// npm ci from a clean clone: the registry only has the native bindings of unrs-resolver 1.12.2.
project.package.addPackageResolutions('unrs-resolver@1.12.2');

// Precompiled schema validators ship with the package (generated/ is outside src/, so jsii leaves it alone).
project.addFields({ files: ['lib', 'generated', '.jsii', 'API.md', 'README.md', 'LICENSE'] });
project.addBins({ 'cdk8s-eso': 'lib/cli/main.js' });

// Regenerate the JSON schemas and ajv standalone validators from the pinned CRDs in ../shared.
project.addTask('gen:schemas', {
  description: 'Generate precompiled validators from ../shared/eso/bundle.yaml and ../shared/vault-crds',
  exec: 'ts-node --transpile-only scripts/gen-schemas.ts',
});

project.addTask('docs:rules', {
  description: 'Regenerate docs/rules.md from the rule registry',
  exec: 'ts-node --transpile-only scripts/gen-rules-doc.ts',
});

// Issue 14: the differential test against upstream's own code (test/conformance: a Go harness running
// apiextensions-apiserver's create pipeline and ESO v2.9.0's admission validators). Needs Go and ../shared's
// CRDs; run after `synth` (the synthesized examples are part of the corpus).
project.addTask('conformance', {
  description: 'Differential test: our engine vs upstream (API server CRD pipeline + ESO webhooks) on examples, fixtures and 6000 mutations',
  exec: 'ts-node --transpile-only test/conformance/differential.ts --json test-reports/conformance.json',
});

// jsii bindings (issue 15; README "Python and Go", test/bindings/). Two dependencies of the bindings are not
// served by the registries this project's machines reach: cdk8s's Go module at v2.70.0
// (github.com/cdk8s-team/cdk8s-core-go/cdk8s/v2; the Go proxy has v2.69.10, not v2.70.0) and the Maven artifact
// org.cdk8s:cdk8s-plus-28. package:go and package:java therefore also generate them from node_modules (the exact
// JS the TypeScript library runs) into dist-pkg/, where jsii-pacmak's own build (local.go.mod, user.xml) and the
// examples pick them up. --outdir keeps jsii-pacmak from editing .npmignore; Maven caches in ~/.m2 (jsii-pacmak's
// default is a fresh repository per run).
project.gitignore.exclude('/dist-pkg/', '/examples/java/target/');
project.npmignore?.exclude('/dist-pkg/');
project.tasks.tryFind('package:python')?.reset('jsii-pacmak -v --target python --outdir dist-pkg');
project.tasks.tryFind('package:go')?.reset('jsii-pacmak -v --target go --outdir dist-pkg . node_modules/cdk8s');
project.tasks.tryFind('package:java')?.reset(
  'jsii-pacmak -v --target java --outdir dist-pkg --maven-local-repository "$HOME/.m2/repository" . node_modules/cdk8s-plus-28');
// The bindings run bin scripts straight from the jsii tarball (the Python `cdk8s-eso` execs lib/cli/main.js), which
// npm's bin linking would otherwise make executable: without the mode bit it fails with EACCES.
project.compileTask.exec('chmod +x lib/cli/main.js');
// Source maps as files next to lib/*.js instead of inline comments Node holds in memory (scripts/external-source-maps.js).
project.compileTask.exec('node scripts/external-source-maps.js lib');
// Python API reference (jsii-docgen), regenerated with API.md by the docgen task (post-compile) and committed like it.
project.tasks.tryFind('docgen')?.exec('jsii-docgen --language python -o docs/python/API.md');

// The README's test command: jsii compile (+ docgen), jest, eslint.
project.testTask.prependSpawn(project.compileTask);

const SEEDS = ['seed-000-openova', 'seed-001-openova-vault', 'seed-002-openchoreo', 'seed-003-tazlab', 'seed-004-webgrip'];

// The README's main job: synthesize the example platform into dist/ and validate it with the CLI.
project.addTask('synth', {
  description: 'Synthesize the platform example into dist/ (Flux layers) and each seed into dist-seeds/<seed>/, then validate them with cdk8s-eso',
  steps: [
    { spawn: 'compile' },
    { exec: 'ts-node --transpile-only examples/synth-all.ts' },
    { exec: 'node lib/cli/main.js validate dist/' },
    // each seed is its own cluster: validated one by one
    { exec: `node lib/cli/main.js validate --each ${SEEDS.map(s => `dist-seeds/${s}`).join(' ')}` },
  ],
});

project.addTask('bench', {
  description: 'Benchmark validated synth against raw cdk8s (see BENCHMARKS.md)',
  steps: [
    { spawn: 'compile' },
    { exec: 'node --expose-gc bench/run.js' },
  ],
});

// Examples and scripts are type-checked with the tests (tsconfig.dev.json).
project.tsconfigDev.addInclude('examples/**/*.ts');
project.tsconfigDev.addInclude('scripts/**/*.ts');
project.tsconfigDev.addInclude('bench/**/*.ts');

project.synth();
