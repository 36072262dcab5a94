/**
 * Entry of the worker thread that validates a large app while cdk8s renders its YAML (see parallel-validation.ts).
 * It loads the engine at once (while the main thread is still resolving the app), validates the one batch it is
 * sent, posts the report and raises the shared flag the main thread waits on. Internal.
 */
import { MessagePort, workerData } from 'worker_threads';

interface Job {
  /** JSON of the SourcedManifest list. */
  readonly items: string;
  readonly strict: boolean;
}

const { port, flag } = workerData as { port: MessagePort; flag: Int32Array };

let engine: typeof import('../validation/engine') | undefined;
let loadError: unknown;
try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  engine = require('../validation/engine');
} catch (e) {
  loadError = e;
}

port.once('message', (job: Job) => {
  let result: { report?: unknown; error?: string };
  try {
    if (!engine) throw loadError;
    result = { report: engine.validateManifests(JSON.parse(job.items), { strict: job.strict }) };
  } catch (e: any) {
    result = { error: String(e?.stack ?? e) };
  }
  port.postMessage(result);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
  port.close();
});
