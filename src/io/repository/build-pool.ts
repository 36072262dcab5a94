import * as os from 'os';
import { MessageChannel, MessagePort, Worker, receiveMessageOnPort } from 'worker_threads';
import type { FluxArtifactRequest, FluxArtifactResponse, FluxBuildEngine, FluxBuildRequest, FluxBuildResponse } from '../flux-build/engine';

/**
 * Builds sibling Flux Kustomizations at the same time: the WebAssembly build is single-threaded (~80-110 ms per
 * build), so each worker thread runs an engine of its own (from the module compiled once in this thread, so a
 * worker starts without reading or compiling it), with its own copy of the artifact. The calls stay synchronous
 * (the reader is): this thread builds too, takes the next request from a shared counter like the workers, and
 * reads their results with `receiveMessageOnPort` while it waits on `Atomics.wait`.
 */
export interface BuildPool {
  /** Builds every request; the results are in the order of the requests, the same as one engine's. */
  buildMany(requests: readonly FluxBuildRequest[]): FluxBuildResponse[];
  /** Sends the artifact to every worker (the engine of this thread gets it from the caller). */
  setArtifact(request: FluxArtifactRequest): void;
  /** Builds the workers made so far. */
  workerBuilds(): number;
}

/** The worker: starts its engine from the module, then builds what it claims from each batch. */
const WORKER = `(() => {
  const { workerData } = require('worker_threads');
  if (workerData.engineFile.endsWith('.ts')) require('ts-node/register/transpile-only');
  const { startFluxBuildEngine } = require(workerData.engineFile);
  const posted = new Int32Array(workerData.posted);
  const port = workerData.port;
  let engine;
  try {
    engine = startFluxBuildEngine(workerData.module);
  } catch (e) {
    port.close();
    return;
  }
  port.on('message', (msg) => {
    if (msg.artifact) {
      engine.setArtifact(msg.artifact);
      return;
    }
    const next = new Int32Array(msg.next);
    for (;;) {
      const i = Atomics.add(next, 0, 1);
      if (i >= msg.requests.length) break;
      let result;
      try {
        result = engine.build(msg.requests[i]);
      } catch (e) {
        result = { objects: [], unknownVariables: [], warnings: [], error: 'flux-build worker: ' + ((e && e.message) || e) };
      }
      port.postMessage({ batch: msg.batch, index: i, result });
      Atomics.add(posted, 0, 1);
      Atomics.notify(posted, 0);
    }
  });
})();
`;

/** One fewer than the cores, at most 3; `CDK8S_ESO_BUILD_WORKERS=N` sets the number (0: all builds in this thread). */
function workersWanted(): number {
  const n = Number(process.env.CDK8S_ESO_BUILD_WORKERS);
  if (process.env.CDK8S_ESO_BUILD_WORKERS !== undefined && Number.isInteger(n) && n >= 0) return n;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.min(3, cores - 1);
}

/** How long to wait for a worker's result before building it here instead (a worker that died). */
const STALL_MS = 120_000;

/** `count` worker threads for `engine` (the engine of this thread). Undefined for none (one core). */
export function startBuildPool(engine: FluxBuildEngine, module: object, engineFile: string, count = workersWanted()): BuildPool | undefined {
  if (count < 1) return undefined;
  const posted = new Int32Array(new SharedArrayBuffer(4));
  const ports: MessagePort[] = [];
  for (let w = 0; w < count; w++) {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER, { eval: true, workerData: { module, engineFile, posted: posted.buffer, port: port2 }, transferList: [port2] });
    worker.unref();
    port1.unref();
    ports.push(port1);
  }
  let batches = 0;
  let byWorkers = 0;
  return {
    workerBuilds: () => byWorkers,
    setArtifact: (request) => {
      for (const port of ports) port.postMessage({ artifact: request });
    },
    buildMany: (requests) => {
      const results: Array<FluxBuildResponse | undefined> = new Array(requests.length);
      if (requests.length < 2) return requests.map(r => engine.build(r));
      const batch = ++batches;
      const next = new Int32Array(new SharedArrayBuffer(4));
      for (const port of ports) port.postMessage({ batch, requests, next: next.buffer });
      let done = 0;
      const drain = () => {
        let got = false;
        for (const port of ports) {
          for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
            const { batch: b, index, result } = m.message as { batch: number; index: number; result: FluxBuildResponse };
            if (b !== batch || results[index]) continue;
            results[index] = result;
            done++;
            byWorkers++;
            got = true;
          }
        }
        return got;
      };
      for (let i = Atomics.add(next, 0, 1); i < requests.length; i = Atomics.add(next, 0, 1)) {
        results[i] = engine.build(requests[i]);
        done++;
        drain();
      }
      let waited = 0;
      while (done < requests.length) {
        const seen = Atomics.load(posted, 0);
        if (drain()) {
          waited = 0;
          continue;
        }
        if (Atomics.wait(posted, 0, seen, 50) === 'timed-out') waited += 50;
        if (waited >= STALL_MS) {
          // a worker that claimed a build never answered: build what is missing here
          requests.forEach((r, i) => {
            if (!results[i]) {
              results[i] = engine.build(r);
              done++;
            }
          });
        }
      }
      return results as FluxBuildResponse[];
    },
  };
}

/** The engine of this thread with a pool of workers for sibling builds (started when the reader asks for it). */
export interface ParallelBuildEngine {
  build(request: FluxBuildRequest): FluxBuildResponse;
  setArtifact(request: FluxArtifactRequest): FluxArtifactResponse;
  /** Builds independent requests at the same time (in order of the requests). */
  buildMany(requests: readonly FluxBuildRequest[]): FluxBuildResponse[];
  /** Starts the worker threads (before `setArtifact`, so they load while this thread reads and builds). */
  startWorkers(): void;
  /** Builds the worker threads made (0 without workers). */
  workerBuilds(): number;
}

export function parallelBuildEngine(engine: FluxBuildEngine, module: () => object, engineFile: string): ParallelBuildEngine {
  let pool: BuildPool | undefined;
  let started = false;
  let artifact: FluxArtifactRequest | undefined;
  return {
    build: r => engine.build(r),
    setArtifact: r => {
      artifact = r;
      pool?.setArtifact(r);
      return engine.setArtifact(r);
    },
    buildMany: rs => (pool ? pool.buildMany(rs) : rs.map(r => engine.build(r))),
    workerBuilds: () => pool?.workerBuilds() ?? 0,
    startWorkers: () => {
      if (started) return;
      started = true;
      pool = startBuildPool(engine, module(), engineFile);
      if (artifact) pool?.setArtifact(artifact);
    },
  };
}
