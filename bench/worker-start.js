'use strict';
/**
 * Start-up of one build worker thread (repository mode's parallel builds): from `new Worker` to its first build
 * answered, with the WebAssembly module compiled by the main thread (the worker compiles nothing).
 */
const path = require('path');
const lib = process.env.CDK8S_ESO_BENCH_LIB || path.join(__dirname, '..', 'lib');
const { loadFluxBuildEngine, fluxBuildModule } = require(path.join(lib, 'io', 'flux-build', 'engine'));
const { startBuildPool } = require(path.join(lib, 'io', 'repository', 'build-pool'));

const engine = loadFluxBuildEngine();
const files = { 'a/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' };
engine.setArtifact({ files });
const start = process.hrtime.bigint();
const pool = startBuildPool(engine, fluxBuildModule(), path.join(lib, 'io', 'flux-build', 'engine.js'), 1);
pool.setArtifact({ files });
// tiny builds, two at a time, until the worker has answered one
for (let round = 0; pool.workerBuilds() === 0; round++) {
  if (round > 5000) throw new Error('the build worker never answered');
  pool.buildMany([{ path: './a' }, { path: './a' }]);
}
process.stdout.write(JSON.stringify({ workerReadyMs: Number(process.hrtime.bigint() - start) / 1e6 }) + '\n');
