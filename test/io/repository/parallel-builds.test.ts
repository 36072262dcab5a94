import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fluxBuildModule, loadFluxBuildEngine } from '../../../src/io/flux-build/engine';
import { parallelBuildEngine } from '../../../src/io/repository/build-pool';
import { readRepository } from '../../../src/io/repository/repository-reader';

/**
 * Sibling Kustomizations are built side by side in worker threads (each with its own WebAssembly engine). The
 * result must be the one of a single engine building one after the other: the same objects, files, lines,
 * Kustomizations and diagnostics, in the same order.
 */
const ENGINE_FILE = path.join(__dirname, '..', '..', '..', 'src', 'io', 'flux-build', 'engine.ts');
const ROOT = path.join(__dirname, '..', '..', 'fixtures', 'flux-repos');

describe('parallel builds read exactly what one engine reads', () => {
  jest.setTimeout(180_000);
  const previous = process.env.CDK8S_ESO_BUILD_WORKERS;
  beforeAll(() => {
    process.env.CDK8S_ESO_BUILD_WORKERS = '2'; // also on a one-core machine
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.CDK8S_ESO_BUILD_WORKERS;
    else process.env.CDK8S_ESO_BUILD_WORKERS = previous;
  });

  const compare = (dir: string, warmUpMs = 0) => {
    const sequential = readRepository(dir, { engine: loadFluxBuildEngine() });
    const parallel = parallelBuildEngine(loadFluxBuildEngine(), () => fluxBuildModule(), ENGINE_FILE);
    if (warmUpMs) {
      // the workers take builds only once their engine is up; on a loaded machine this thread may otherwise
      // build everything before they are (correct, but then nothing shows that they work)
      parallel.startWorkers();
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, warmUpMs);
    }
    let batches = 0;
    const buildMany = parallel.buildMany;
    parallel.buildMany = rs => {
      batches++;
      return buildMany(rs);
    };
    const r = readRepository(dir, { engine: parallel });
    expect(r).toEqual(sequential);
    return { batches, byWorkers: parallel.workerBuilds() };
  };

  test('a generated repository of 12 Flux Kustomizations (builds go to the workers)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eso-parallel-'));
    execFileSync(process.execPath, [path.join(__dirname, '..', '..', '..', 'bench', 'make-repo.js'), dir, '12', '120']);
    let run = compare(dir, 2000);
    for (let attempt = 0; run.byWorkers === 0 && attempt < 3; attempt++) run = compare(dir, 5000);
    expect(run.batches).toBeGreaterThan(0);
    expect(run.byWorkers).toBeGreaterThan(0);
  });

  test('every fixture repository', () => {
    for (const name of fs.readdirSync(ROOT).filter(d => fs.existsSync(path.join(ROOT, d, 'fixture.json'))).sort()) {
      compare(path.join(ROOT, name));
    }
  });
});
