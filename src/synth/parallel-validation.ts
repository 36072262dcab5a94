/**
 * Validation on a second core: for a large app the engine runs in a worker thread while the main thread lets
 * cdk8s render the YAML (the larger half of a synth), and the files are written only once the report is known,
 * so nothing is written on failure, as in the sequential synth. Internal.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MessageChannel, MessagePort, Worker, receiveMessageOnPort } from 'worker_threads';
import { Yaml } from 'cdk8s';
import { SourcedManifest } from '../model/manifest';
import { ValidationReport } from '../validation/engine';

/** Below this many constructs the worker's start-up (~100 ms on its own core) is not worth it. */
export const PARALLEL_MIN_CONSTRUCTS = 2000;

/** How long the main thread waits for the worker before validating itself (a worker that died never answers). */
const WAIT_MS = 10 * 60 * 1000;

/** The compiled worker entry; absent when the library runs from TypeScript sources (ts-jest, ts-node). */
const WORKER_FILE = path.join(__dirname, 'validation-worker.js');

/** True when this process can validate on another thread: compiled code and a second core. */
export function canValidateInParallel(): boolean {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return cores >= 2 && __filename.endsWith('.js') && fs.existsSync(WORKER_FILE);
}

/** One validation running on a worker thread. */
export class ValidationJob {
  /** Starts the worker (it loads the engine at once); `submit` the manifests when they are resolved. */
  public static start(): ValidationJob {
    return new ValidationJob();
  }

  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly port: MessagePort;
  private readonly worker: Worker;
  private submitted?: { items: readonly SourcedManifest[]; strict: boolean };

  private constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(WORKER_FILE, { workerData: { port: port2, flag: this.flag }, transferList: [port2] });
    this.worker.unref();
  }

  /** Sends the manifests to validate (as one JSON string: cheaper to send than the object graph). */
  public submit(items: readonly SourcedManifest[], strict: boolean): void {
    this.submitted = { items, strict };
    const plain = items.map(i => ({
      manifest: i.manifest,
      ...(i.constructPath !== undefined ? { constructPath: i.constructPath } : {}),
      ...(i.file !== undefined ? { file: i.file } : {}),
      ...(i.line !== undefined ? { line: i.line } : {}),
    }));
    this.port.postMessage({ items: JSON.stringify(plain), strict });
  }

  /**
   * Blocks until the worker's report is there. A worker that failed reports its error, and one that never
   * answers is given up: either way `fallback` validates on this thread, so a report always comes back.
   */
  public wait(fallback: (items: readonly SourcedManifest[], strict: boolean) => ValidationReport): ValidationReport {
    if (!this.submitted) throw new Error('ValidationJob.wait() before submit()');
    const answered = Atomics.wait(this.flag, 0, 0, WAIT_MS) !== 'timed-out';
    const message = answered ? receiveMessageOnPort(this.port)?.message : undefined;
    this.cancel();
    if (message?.report) return message.report as ValidationReport;
    return fallback(this.submitted.items, this.submitted.strict);
  }

  /** Stops the worker (the synth failed before it was needed, or the report is in). */
  public cancel(): void {
    this.port.close();
    void this.worker.terminate();
  }
}

/**
 * Runs `render` (cdk8s's own synth) with every file it saves kept in memory, and returns a function that
 * writes them. Directories cdk8s creates on the way are recorded so that `discard` can remove them again when
 * the report refuses the app.
 */
export function withDeferredWrites<T>(outdir: string, render: () => T): { result: T; write: () => void; discard: () => void } {
  const pending: Array<[string, string]> = [];
  let created: string | undefined;
  for (let d = path.resolve(outdir); !fs.existsSync(d); d = path.dirname(d)) created = d;
  const save = Object.getOwnPropertyDescriptor(Yaml, 'save');
  (Yaml as any).save = (filePath: string, docs: any[]) => {
    pending.push([filePath, Yaml.stringify(...docs)]);
  };
  let result: T;
  try {
    result = render();
  } finally {
    if (save) Object.defineProperty(Yaml, 'save', save);
  }
  return {
    result,
    write: () => {
      for (const [file, data] of pending) fs.writeFileSync(file, data, { encoding: 'utf8' });
    },
    discard: () => {
      if (created && onlyDirectories(created)) fs.rmSync(created, { recursive: true, force: true });
    },
  };
}

function onlyDirectories(dir: string): boolean {
  return fs.readdirSync(dir, { withFileTypes: true }).every(e => e.isDirectory() && onlyDirectories(path.join(dir, e.name)));
}
