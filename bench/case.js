'use strict';
/**
 * One configuration in one process: `node bench/case.js MODE N [manifests.json]`, prints one JSON line.
 *   validated  the library's constructs + validation at synth
 *   raw        the same manifests (read from manifests.json, written by `dump`) as raw ApiObjects
 *   dump       builds the validated app without synthesizing and writes its manifests per chart to manifests.json
 *   raw-plus   raw, in a process that also loads cdk8s-plus-28 (as an app on cdk8s + cdk8s-plus-28 does)
 *   raw-same-writer  raw, with the YAML written by the library's renderer (src/synth/yaml-render.ts) instead of
 *              cdk8s's: validated vs this is what the library's constructs and validation cost, the writer aside
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const [mode, nArg, manifestsFile] = process.argv.slice(2);
const n = Number(nArg);
const t0 = process.hrtime.bigint();
const ms = () => Number(process.hrtime.bigint() - t0) / 1e6;
const { App } = require('cdk8s');
const { buildValidated, buildRaw } = require('./workload');
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'eso-bench-'));

let validationMs = 0;
let excludedMs = 0;
if (mode === 'validated' || mode === 'dump') {
  const engine = require('../lib/validation/engine');
  const original = engine.validateManifests;
  engine.validateManifests = (...args) => {
    const s = process.hrtime.bigint();
    try {
      return original(...args);
    } finally {
      validationMs += Number(process.hrtime.bigint() - s) / 1e6;
    }
  };
  const lib = require('../lib');
  const validatedApp = new App({ outdir });
  // BENCH_PARALLEL=1: the opt-in parallel validation (a worker thread validates while cdk8s renders)
  if (process.env.BENCH_PARALLEL === '1') lib.EsoValidation.configure(validatedApp, { parallel: true });
  const app = buildValidated(lib, validatedApp, n);
  if (mode === 'dump') {
    const { Chart, ApiObject } = require('cdk8s');
    const out = [];
    for (const chart of app.node.children.filter(c => Chart.isChart(c))) {
      out.push([chart.node.id, chart.node.findAll().filter(c => ApiObject.isApiObject(c)).map(o => o.toJson())]);
    }
    fs.writeFileSync(manifestsFile, JSON.stringify(out));
  } else {
    app.synth();
  }
} else if (mode === 'seeds' || mode === 'seeds-dump') {
  // the seed example apps, compiled by run.js into bench-results/build (library code included)
  const { EXAMPLES } = require(path.join(__dirname, '..', 'bench-results', 'build', 'examples', 'synth-all.js'));
  const dumps = [];
  for (const e of EXAMPLES) {
    const app = e.build(fs.mkdtempSync(path.join(outdir, 'seed-')));
    if (mode === 'seeds') {
      app.synth();
    } else {
      const { Chart, ApiObject } = require('cdk8s');
      dumps.push(app.node.children.filter(c => Chart.isChart(c))
        .map(chart => [chart.node.id, chart.node.findAll().filter(c => ApiObject.isApiObject(c)).map(o => o.toJson())]));
    }
  }
  if (mode === 'seeds-dump') fs.writeFileSync(manifestsFile, JSON.stringify(dumps));
} else if (mode === 'seeds-raw' || mode === 'seeds-raw-plus') {
  // seeds-raw-plus: the baseline issue 11 names, an app on plain cdk8s + cdk8s-plus-28 (the seeds use both)
  if (mode === 'seeds-raw-plus') require('cdk8s-plus-28');
  const s = ms();
  const apps = JSON.parse(fs.readFileSync(manifestsFile, 'utf8'));
  excludedMs = ms() - s;
  for (const charts of apps) buildRaw(new App({ outdir: fs.mkdtempSync(path.join(outdir, 'seed-')) }), charts).synth();
} else if (mode === 'raw' || mode === 'raw-plus' || mode === 'raw-same-writer') {
  if (mode === 'raw-plus') require('cdk8s-plus-28');
  const renderWith = mode === 'raw-same-writer' ? require(path.join(process.env.CDK8S_ESO_BENCH_LIB ?? path.join(__dirname, '..', 'lib'), 'synth', 'yaml-render')).renderWith : f => f();
  // Reading the dumped JSON is not part of what a raw cdk8s app does: it is timed and left out.
  const s = ms();
  const charts = JSON.parse(fs.readFileSync(manifestsFile, 'utf8'));
  excludedMs = ms() - s;
  const app = buildRaw(new App({ outdir }), charts);
  renderWith(() => app.synth());
} else {
  throw new Error(`unknown mode ${mode}`);
}
const wallMs = ms() - excludedMs;
const files = fs.readdirSync(outdir, { recursive: true }).filter(f => fs.statSync(path.join(outdir, f)).isFile()).sort();
const hash = require('crypto').createHash('sha256');
for (const f of files) hash.update(f).update(fs.readFileSync(path.join(outdir, f)));
fs.rmSync(outdir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({
  mode, n, wallMs, validationMs, peakRssMb: process.resourceUsage().maxRSS / 1024,
  files: files.length, outputSha256: hash.digest('hex'),
}) + '\n');
