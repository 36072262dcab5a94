'use strict';
/** Start-up of the WebAssembly build engine in a fresh process: load (gunzip + compile + Go init) and one tiny build. */
const start = process.hrtime.bigint();
const { loadFluxBuildEngine } = require(require('path').join(process.env.CDK8S_ESO_BENCH_LIB || require('path').join(__dirname, '..', 'lib'), 'io', 'flux-build', 'engine'));
const engine = loadFluxBuildEngine();
const r = engine.build({ files: { 'a/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' }, path: './a' });
if (r.error || r.objects.length !== 1) throw new Error(`engine build failed: ${r.error}`);
process.stdout.write(JSON.stringify({ startMs: Number(process.hrtime.bigint() - start) / 1e6 }) + '\n');
