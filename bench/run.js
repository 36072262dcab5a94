'use strict';
/**
 * `npm run bench`: validated synth vs raw cdk8s, fixed overhead, CLI validation vs YAML parsing, and repository mode.
 * Each configuration runs in its own process, alternately (A B A B ...), and the medians are compared.
 * Results go to stdout and to bench-results/latest.json; BENCHMARKS.md records a run.
 *
 * Options: --sizes 1000,10000,50000  --pairs 3  --only synth,fixed,cli,repository (default: all)
 *          --lib DIR (the compiled library the CLI rows run, default lib/)
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const sizes = opt('sizes', '1000,10000,50000').split(',').map(Number);
const pairs = Number(opt('pairs', '3'));
const only = new Set(opt('only', 'synth,fixed,cli,repository').split(','));
const root = path.join(__dirname, '..');
const lib = path.resolve(opt('lib', path.join(root, 'lib')));
process.env.CDK8S_ESO_BENCH_LIB = lib;
const results = path.join(root, 'bench-results');
fs.mkdirSync(results, { recursive: true });

function node(script, scriptArgs, extra = []) {
  const start = process.hrtime.bigint();
  const out = execFileSync(process.execPath, ['--max-old-space-size=16384', ...extra, path.join(__dirname, script), ...scriptArgs], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024,
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const last = out.trim().split('\n').pop();
  return { ...(last && last.startsWith('{') ? JSON.parse(last) : {}), processMs: wall };
}

const median = xs => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = x => x.toFixed(0).padStart(8);

const report = { machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memGb: Math.round(os.totalmem() / 2 ** 30), node: process.version }, synth: [], fixed: undefined, cli: undefined };
console.log(`machine: ${report.machine.cpus} x ${report.machine.cpuModel}, ${report.machine.memGb} GiB, node ${report.machine.node}`);

// 1. validated synth vs raw cdk8s, per N
if (only.has('synth')) console.log('\nN        validated(ms)   raw(ms)  ratio  valid.share  rss-valid(MB)  rss-raw(MB)  rss-ratio | raw+plus: ms  rss | raw, same writer: ms  ratio');
let ratio10k;
for (const n of only.has('synth') ? sizes : []) {
  const manifests = path.join(results, `manifests-${n}.json`);
  node('case.js', ['dump', String(n), manifests]);
  const v = [];
  const r = [];
  const rp = [];
  const rw = [];
  for (let p = 0; p < pairs; p++) {
    v.push(node('case.js', ['validated', String(n)]));
    r.push(node('case.js', ['raw', String(n), manifests]));
    rp.push(node('case.js', ['raw-plus', String(n), manifests]));
    rw.push(node('case.js', ['raw-same-writer', String(n), manifests]));
  }
  for (const x of [r[0], rp[0], rw[0]]) {
    if (v[0].outputSha256 !== x.outputSha256) throw new Error(`N=${n}: validated and ${x.mode} outputs differ`);
  }
  fs.rmSync(manifests, { force: true });
  const row = {
    n,
    validatedMs: median(v.map(x => x.wallMs)),
    rawMs: median(r.map(x => x.wallMs)),
    validationMs: median(v.map(x => x.validationMs)),
    rssValidatedMb: median(v.map(x => x.peakRssMb)),
    rssRawMb: median(r.map(x => x.peakRssMb)),
    rawPlusMs: median(rp.map(x => x.wallMs)),
    rssRawPlusMb: median(rp.map(x => x.peakRssMb)),
    rawSameWriterMs: median(rw.map(x => x.wallMs)),
    files: v[0].files,
  };
  row.ratio = row.validatedMs / row.rawMs;
  row.validationShare = row.validationMs / row.validatedMs;
  row.rssRatio = row.rssValidatedMb / row.rssRawMb;
  row.rssRatioOverPlus = row.rssValidatedMb / row.rssRawPlusMb;
  row.ratioSameWriter = row.validatedMs / row.rawSameWriterMs;
  report.synth.push(row);
  if (n === 10000) ratio10k = row.ratio;
  console.log(`${String(n).padEnd(8)} ${fmt(row.validatedMs)}     ${fmt(row.rawMs)}  ${row.ratio.toFixed(2)}   ${(row.validationShare * 100).toFixed(1).padStart(5)} %      ${fmt(row.rssValidatedMb)}      ${fmt(row.rssRawMb)}     ${row.rssRatio.toFixed(2)} | ${fmt(row.rawPlusMs)} ${fmt(row.rssRawPlusMb)} | ${fmt(row.rawSameWriterMs)}  ${row.ratioSameWriter.toFixed(2)}`);
}

// 2. fixed overhead: load the library + its validators and synth the seed examples, vs plain cdk8s
//    synthesizing the same manifests (whole process wall time, node start-up included in both)
if (only.has('fixed')) {
  const build = path.join(results, 'build');
  fs.rmSync(build, { recursive: true, force: true });
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'examples', 'tsconfig.json'),
    '--noEmit', 'false', '--outDir', build, '--declaration', 'false', '--inlineSourceMap', 'false', '--inlineSources', 'false'], { stdio: 'inherit' });
  fs.symlinkSync(path.join(root, 'generated'), path.join(build, 'generated'));
  const manifests = path.join(results, 'manifests-seeds.json');
  node('case.js', ['seeds-dump', '0', manifests]);
  const v = [];
  const r = [];
  const rp = [];
  for (let p = 0; p < Math.max(pairs, 5); p++) {
    v.push(node('case.js', ['seeds', '0']).processMs);
    r.push(node('case.js', ['seeds-raw', '0', manifests]).processMs);
    rp.push(node('case.js', ['seeds-raw-plus', '0', manifests]).processMs);
  }
  fs.rmSync(manifests, { force: true });
  report.fixed = {
    validatedMs: median(v), rawMs: median(r), overheadMs: median(v) - median(r),
    rawPlusMs: median(rp), overheadOverPlusMs: median(v) - median(rp),
  };
  console.log(`\nfixed overhead (process wall time, the 5 seed examples): library ${report.fixed.validatedMs.toFixed(0)} ms, raw cdk8s ${report.fixed.rawMs.toFixed(0)} ms, overhead ${report.fixed.overheadMs.toFixed(0)} ms;`
    + ` over plain cdk8s + cdk8s-plus-28 (${report.fixed.rawPlusMs.toFixed(0)} ms, the issue's baseline) ${report.fixed.overheadOverPlusMs.toFixed(0)} ms`);
}

// 3. cdk8s-eso validate on 10 000 documents vs parsing the same YAML, and vs an ajv-only schema check
if (only.has('cli')) {
  const file = path.join(results, 'cli-10000.yaml');
  execFileSync(process.execPath, [path.join(__dirname, 'make-yaml.js'), '10000', file], { stdio: 'inherit' });
  const v = [];
  const p = [];
  const a = [];
  for (let i = 0; i < pairs; i++) {
    const s = process.hrtime.bigint();
    try {
      execFileSync(process.execPath, [path.join(lib, 'cli', 'main.js'), 'validate', file], { stdio: 'ignore' });
    } catch (e) {
      if (e.status !== 1) throw e;
    }
    v.push(Number(process.hrtime.bigint() - s) / 1e6);
    p.push(node('parse-only.js', [file]).processMs);
    // the baseline of the target: a plain ajv user's schema check (yaml's parseAllDocuments + the generated validators)
    a.push(node('ajv-only.js', [file]).processMs);
  }
  fs.rmSync(file, { force: true });
  report.cli = { validateMs: median(v), parseMs: median(p), ratio: median(v) / median(p), ajvOnlyMs: median(a), ajvOnlyRatio: median(v) / median(a) };
  console.log(`cdk8s-eso validate 10000 documents: ${report.cli.validateMs.toFixed(0)} ms, YAML parse alone ${report.cli.parseMs.toFixed(0)} ms, ratio ${report.cli.ratio.toFixed(2)}`);
  console.log(`ajv-only schema check of the same documents: ${report.cli.ajvOnlyMs.toFixed(0)} ms, cli/ajv-only ratio ${report.cli.ajvOnlyRatio.toFixed(2)} (target <= 0.5)`);
}

// 4. repository mode: a GitOps repository of ~1000 objects in ~30 Flux Kustomizations, read the way Flux builds
//    it (WebAssembly kustomize + Flux engine) and validated, whole CLI process
if (only.has('repository')) {
  const repo = path.join(results, 'repo-1000');
  const made = JSON.parse(execFileSync(process.execPath, [path.join(__dirname, 'make-repo.js'), repo, '30', '1000'], { encoding: 'utf8' }).trim());
  const t = [];
  for (let i = 0; i < pairs; i++) {
    const s = process.hrtime.bigint();
    try {
      execFileSync(process.execPath, [path.join(lib, 'cli', 'main.js'), 'validate', repo], { stdio: 'ignore' });
    } catch (e) {
      if (e.status !== 1) throw e;
    }
    t.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  const engine = [];
  const worker = [];
  for (let i = 0; i < pairs; i++) {
    engine.push(node('engine-start.js', []).startMs);
    worker.push(node('worker-start.js', []).workerReadyMs);
  }
  fs.rmSync(repo, { recursive: true, force: true });
  report.repository = { objects: made.objects, kustomizations: made.layers + 2, validateMs: median(t), engineStartMs: median(engine), workerStartMs: median(worker) };
  console.log(`repository mode, ${made.objects} objects in ${made.layers + 2} Flux Kustomizations: ${report.repository.validateMs.toFixed(0)} ms (engine start-up ${report.repository.engineStartMs.toFixed(0)} ms, a build worker's ${report.repository.workerStartMs.toFixed(0)} ms)`);
}

fs.writeFileSync(path.join(results, 'latest.json'), JSON.stringify(report, null, 2));
const md = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${report.machine.cpus} × ${report.machine.cpuModel}, ${report.machine.memGb} GiB, Node ${report.machine.node}; ${pairs} alternating pairs, medians.`,
];
if (report.synth.length) {
  md.push('',
    '| N ExternalSecrets | validated synth (ms) | raw cdk8s (ms) | ratio | validation share | peak RSS validated (MB) | peak RSS raw (MB) | RSS ratio | raw + cdk8s-plus-28: RSS (MB), ratio | raw with the library\'s writer (ms), ratio |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...report.synth.map(r => `| ${r.n} | ${r.validatedMs.toFixed(0)} | ${r.rawMs.toFixed(0)} | ${r.ratio.toFixed(2)} | ${(r.validationShare * 100).toFixed(1)} % | ${r.rssValidatedMb.toFixed(0)} | ${r.rssRawMb.toFixed(0)} | ${r.rssRatio.toFixed(2)} | ${r.rssRawPlusMb.toFixed(0)}, ${r.rssRatioOverPlus.toFixed(2)} | ${r.rawSameWriterMs.toFixed(0)}, ${r.ratioSameWriter.toFixed(2)} |`));
}
if (report.fixed) {
  md.push('', `Fixed overhead (whole process, the five seed examples): library ${report.fixed.validatedMs.toFixed(0)} ms, raw cdk8s ${report.fixed.rawMs.toFixed(0)} ms, overhead ${report.fixed.overheadMs.toFixed(0)} ms.`);
}
if (report.cli) {
  md.push('', `CLI: \`cdk8s-eso validate\` on 10 000 documents ${report.cli.validateMs.toFixed(0)} ms vs YAML parse alone ${report.cli.parseMs.toFixed(0)} ms (ratio ${report.cli.ratio.toFixed(2)}).`,
    '', `CLI vs an ajv-only schema check of the same documents (yaml parseAllDocuments + the generated validators): ${report.cli.ajvOnlyMs.toFixed(0)} ms, cli/ajv-only ratio ${report.cli.ajvOnlyRatio.toFixed(2)}.`);
}
if (report.repository) {
  md.push('', `Repository mode: ${report.repository.objects} objects in ${report.repository.kustomizations} Flux Kustomizations read as Flux builds them and validated in ${report.repository.validateMs.toFixed(0)} ms (whole process; build engine start-up ${report.repository.engineStartMs.toFixed(0)} ms, a build worker's ${report.repository.workerStartMs.toFixed(0)} ms).`);
}
fs.writeFileSync(path.join(results, 'latest.md'), md.join('\n') + '\n');
if (ratio10k !== undefined) console.log(`ratio@10000=${ratio10k.toFixed(2)}`);
