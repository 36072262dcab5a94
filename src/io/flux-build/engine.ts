/**
 * The offline Flux build engine: kustomize's own build (kustomize v5.8.1,
 * `sigs.k8s.io/kustomize/api` v0.21.1, the version Flux pins), Flux's
 * kustomization generator and Flux's post-build variable substitution
 * (`github.com/fluxcd/pkg/envsubst`), compiled from `engines/flux-build` to
 * WebAssembly and run in this process over an in-memory copy of the
 * repository. Users need no Go, kustomize or flux binary.
 *
 * The engine is loaded once, synchronously, on first use
 * ({@link loadFluxBuildEngine}); later calls are plain function calls.
 *
 * This module imports only Node built-ins.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

/** A patch of a Flux Kustomization (`spec.patches[]`). */
export interface FluxPatchSpec {
  /** Strategic merge or JSON 6902 patch, inline. */
  readonly patch: string;
  /** Which objects the patch applies to. */
  readonly target?: {
    readonly group?: string;
    readonly version?: string;
    readonly kind?: string;
    readonly name?: string;
    readonly namespace?: string;
    readonly labelSelector?: string;
    readonly annotationSelector?: string;
  };
}

/** An image override of a Flux Kustomization (`spec.images[]`). */
export interface FluxImageSpec {
  readonly name: string;
  readonly newName?: string;
  readonly newTag?: string;
  readonly digest?: string;
}

/**
 * The parts of a Flux Kustomization's `spec` the build reads. Other fields
 * may be present and are ignored.
 */
export interface FluxBuildSpec {
  /** Sets or replaces `namespace:` of the top-level kustomization. */
  readonly targetNamespace?: string;
  /** Replaces `namePrefix:` of the top-level kustomization. */
  readonly namePrefix?: string;
  /** Replaces `nameSuffix:` of the top-level kustomization. */
  readonly nameSuffix?: string;
  /** Appended after the top-level kustomization's own patches. */
  readonly patches?: readonly FluxPatchSpec[];
  /** Local component paths, relative to `path`, appended after the kustomization's own. */
  readonly components?: readonly string[];
  /** Drop `components` entries that do not exist instead of failing. */
  readonly ignoreMissingComponents?: boolean;
  /** Merged by name into the top-level kustomization's `images`. */
  readonly images?: readonly FluxImageSpec[];
  /** Labels and annotations set on every object after substitution. */
  readonly commonMetadata?: {
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
  };
  /** Replaces `buildMetadata:` of the top-level kustomization. */
  readonly buildMetadata?: readonly string[];
  /**
   * Post-build substitution. When set and {@link FluxBuildRequest.substitution}
   * is not given, the inline `substitute` values are the known variables and any
   * `substituteFrom` entry makes every other variable unknown.
   */
  readonly postBuild?: {
    readonly substitute?: Readonly<Record<string, string>>;
    readonly substituteFrom?: readonly unknown[];
    readonly substituteStrategy?: string;
  };
  readonly [field: string]: unknown;
}

/** Resolved post-build substitution settings. */
export interface FluxSubstitutionOptions {
  /**
   * Known variables: `substituteFrom` values read offline, then inline
   * `postBuild.substitute` (inline wins). Newlines are stripped from values,
   * as Flux does; every name must match `^[_[:alpha:]][_[:alpha:][:digit:]]*$`.
   */
  readonly variables?: Readonly<Record<string, string>>;
  /**
   * True when some `substituteFrom` source could not be read offline, so any
   * variable not in `variables` may exist in the cluster. Such a variable is
   * replaced with {@link unknownVariableMarker} and listed in `unknownVariables`.
   */
  readonly unknownSources?: boolean;
  /**
   * Strict mode: an undefined variable without a default fails the build with
   * "variable not set (strict mode)" (only when `unknownSources` is false).
   * Default true, the Flux 2.9 default.
   */
  readonly strict?: boolean;
  /** `spec.postBuild.substituteStrategy`: `WithVariables` (default) or `Always`. */
  readonly strategy?: string;
}

/** Input of {@link FluxBuildEngine.setArtifact}. */
export interface FluxArtifactRequest {
  /** The repository: POSIX paths relative to its root → UTF-8 text (regular files only: Flux archives no symlinks). */
  readonly files: Readonly<Record<string, string>>;
  /** The GitRepository's `spec.ignore`, if set. */
  readonly ignore?: string;
}

/** Output of {@link FluxBuildEngine.setArtifact}. */
export interface FluxArtifactResponse {
  /** Files in the artifact source-controller would archive, sorted. */
  readonly kept: readonly string[];
  /** Files its ignore rules leave out (VCS files, `.sourceignore`, `spec.ignore`, or the defaults). */
  readonly ignored: readonly string[];
  /** Files kept whose names kustomize's in-memory filesystem cannot hold: left out of builds. */
  readonly unrepresentable: readonly string[];
  readonly error?: string;
}

/** Input of {@link FluxBuildEngine.build}. */
export interface FluxBuildRequest {
  /**
   * The artifact: POSIX paths relative to the artifact root → UTF-8 text.
   * @default - the artifact of the last {@link FluxBuildEngine.setArtifact} call (sent once per repository)
   */
  readonly files?: Readonly<Record<string, string>>;
  /** `spec.path` of the Flux Kustomization (e.g. `./apps/prod`); empty means the root. */
  readonly path?: string;
  /** The Flux Kustomization's `spec`. */
  readonly spec?: FluxBuildSpec;
  /** The Flux Kustomization's name: sets the `kustomize.toolkit.fluxcd.io/name` owner label. */
  readonly name?: string;
  /** The Flux Kustomization's namespace: sets the `kustomize.toolkit.fluxcd.io/namespace` owner label. */
  readonly namespace?: string;
  /**
   * Post-build substitution, as Flux runs it when `spec.postBuild` is set.
   * Omitted: derived from `spec.postBuild` if present, else no substitution.
   */
  readonly substitution?: FluxSubstitutionOptions;
}

/** One object of the build output. */
export interface FluxBuildObject {
  /** The object as Flux would apply it (before server-side normalisation). */
  readonly object: Record<string, unknown>;
  /**
   * The repository file (relative to the artifact root) the object came from;
   * for a patched object, its base file; for a generated object, the
   * kustomization file that declared the generator. Empty when unknown
   * (remote resources).
   */
  readonly originPath: string;
  /**
   * True if the object came from a configMapGenerator or secretGenerator (its
   * name then carries a content hash, unless `disableNameSuffixHash` is set).
   */
  readonly generated: boolean;
}

/** Output of {@link FluxBuildEngine.build}. */
export interface FluxBuildResponse {
  /** The objects, in kustomize's output order; empty when `error` is set. */
  readonly objects: readonly FluxBuildObject[];
  /** Variables replaced with {@link unknownVariableMarker}, sorted. */
  readonly unknownVariables: readonly string[];
  /** Warnings kustomize logged (deprecated fields and the like). */
  readonly warnings: readonly string[];
  /** The top-level kustomization.yaml as Flux writes it (generated and/or overlaid). */
  readonly kustomization?: string;
  /**
   * Why the build failed, in kustomize's or Flux's own words. Paths in it are
   * under the engine's virtual artifact root, `/artifact`.
   */
  readonly error?: string;
}

/** Input of {@link FluxBuildEngine.substitute}. */
export interface FluxSubstituteRequest extends FluxSubstitutionOptions {
  /** The objects, as JSON objects or as the YAML text of one object each. */
  readonly objects: readonly (Record<string, unknown> | string)[];
}

/** Output of {@link FluxBuildEngine.substitute}. */
export interface FluxSubstituteResponse {
  /** The substituted objects; empty when `error` is set. */
  readonly objects: readonly Record<string, unknown>[];
  /**
   * For each output object, the index of the input it came from (a List
   * expands into its items; kustomize Kustomization objects are dropped).
   */
  readonly sourceIndexes: readonly number[];
  /** Variables replaced with {@link unknownVariableMarker}, sorted. */
  readonly unknownVariables: readonly string[];
  /** Why substitution failed, in Flux's words. */
  readonly error?: string;
}

/** Versions of the code the engine runs. */
export interface FluxBuildVersion {
  /** kustomize release, e.g. `v5.8.1`. */
  readonly kustomize: string;
  /** `sigs.k8s.io/kustomize/api` module version. */
  readonly kustomizeApi: string;
  /** `sigs.k8s.io/kustomize/kyaml` module version. */
  readonly kyaml: string;
  /** The fluxcd/pkg tag the generator glue was copied from, e.g. `kustomize/v1.39.0`. */
  readonly fluxPkgKustomize: string;
  /** The fluxcd/pkg envsubst tag, e.g. `envsubst/v1.7.0`. */
  readonly fluxPkgEnvsubst: string;
  /** Go version the engine was compiled with. */
  readonly go: string;
  /** Virtual directory the artifact is mounted at (seen in error messages). */
  readonly artifactRoot: string;
}

/** The loaded engine. All calls are synchronous. */
export interface FluxBuildEngine {
  /** Flux's generator, kustomize build, substitution, owner labels and commonMetadata. */
  build(request: FluxBuildRequest): FluxBuildResponse;
  /**
   * Sets the artifact later builds read (once per repository: sending the files with every build costs more
   * than the build): the repository's files minus what source-controller's ignore rules leave out.
   */
  setArtifact(request: FluxArtifactRequest): FluxArtifactResponse;
  /** Flux's post-build substitution alone. */
  substitute(request: FluxSubstituteRequest): FluxSubstituteResponse;
  /** Versions of kustomize and fluxcd/pkg in the engine. */
  version(): FluxBuildVersion;
}

// the marker is the model's (model/unknown.ts), where the validator recognises unknown values
export { UNKNOWN_VARIABLE_MARKER_PATTERN, unknownVariableMarker } from '../../model/unknown';

interface RawEngine {
  build(request: string): string;
  substitute(request: string): string;
  setArtifact(request: string): string;
  version(): string;
}

/** The Go side, and what it wrote to stdout/stderr since the last drain. */
interface StartedEngine {
  readonly raw: RawEngine;
  drainOutput(): string[];
}

let engine: FluxBuildEngine | undefined;

/**
 * Loads the engine (once per process) and returns it. The first call reads
 * and gunzips `generated/flux-build/flux-build.wasm.gz`, compiles it and
 * starts the Go runtime; later calls return the same engine.
 */
export function loadFluxBuildEngine(): FluxBuildEngine {
  if (!engine) {
    engine = wrap(startEngine(findGeneratedDir()));
  }
  return engine;
}

/** Where `generated/flux-build` is: under the folder holding this package's package.json. */
export function findGeneratedDir(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const candidate = path.join(dir, 'generated', 'flux-build');
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(candidate, 'flux-build.wasm.gz'))) {
      return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`flux-build engine not found: no generated/flux-build/flux-build.wasm.gz above ${from} (run scripts/build-flux-engine.sh)`);
    }
    dir = parent;
  }
}

/** The parts of the WebAssembly API used here (the project's lib settings do not declare it). */
interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => object;
}

/** `Go` from wasm_exec.js. */
interface GoInstance {
  env: Record<string, string>;
  argv: string[];
  readonly importObject: object;
  exit: (code: number) => void;
  run(instance: object): Promise<void>;
}
type GoConstructor = new () => GoInstance;

let compiled: object | undefined;

/**
 * The compiled WebAssembly module (gunzipped and compiled once per process). A worker thread given it (it is
 * cloneable) starts its own engine without reading or compiling anything ({@link startFluxBuildEngine}).
 */
export function fluxBuildModule(dir: string = findGeneratedDir()): object {
  if (!compiled) {
    const wasm = zlib.gunzipSync(fs.readFileSync(path.join(dir, 'flux-build.wasm.gz')));
    // Synchronous compile: V8 compiles lazily, so this is quick even for ~20 MB.
    compiled = new (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly.Module(wasm);
  }
  return compiled;
}

/** A new engine of its own (its own Go runtime and artifact) from a compiled module: one per worker thread. */
export function startFluxBuildEngine(module: object, dir: string = findGeneratedDir()): FluxBuildEngine {
  return wrap(startEngine(dir, module));
}

function startEngine(dir: string, precompiled?: object): StartedEngine {
  const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const module = precompiled ?? fluxBuildModule(dir);

  // wasm_exec.js installs `Go` (and, in Node, a stub `fs`) on globalThis.
  // It is evaluated against a private object that inherits from globalThis,
  // so neither lands on the real global object and the Go side sees only the
  // stub filesystem (no access to the disk).
  const sandbox: Record<string, unknown> = Object.create(globalThis);
  // Node defines some globals as accessors that refuse another `this`; read
  // them once and give the sandbox plain values.
  for (const key of ['crypto', 'performance', 'TextEncoder', 'TextDecoder', 'process', 'console'] as const) {
    let value = (globalThis as Record<string, unknown>)[key];
    if (key === 'crypto' && !value) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      value = (require('crypto') as typeof import('crypto')).webcrypto;
    }
    Object.defineProperty(sandbox, key, { value, writable: true, configurable: true, enumerable: false });
  }
  // Always the stub filesystem of wasm_exec.js, even where a global `fs`
  // exists (node -e, the REPL).
  for (const key of ['fs', 'path', 'Go']) {
    Object.defineProperty(sandbox, key, { value: undefined, writable: true, configurable: true, enumerable: false });
  }
  const fsView = new Proxy({}, { get: (_target, key) => (sandbox.fs as Record<string | symbol, unknown>)[key] });
  const source = fs.readFileSync(path.join(dir, 'wasm_exec.js'), 'utf8');
  // Go's runtime schedules its timers with setTimeout; the engine is only ever called synchronously, so those
  // timers must not keep the process alive once the caller is done (a CLI run would otherwise wait up to ~1 s
  // for them before exiting).
  const unrefTimeout = (fn: () => void, ms?: number) => {
    const timer = setTimeout(fn, ms);
    timer.unref?.();
    return timer;
  };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function('globalThis', 'fs', 'setTimeout', source)(sandbox, fsView, unrefTimeout);
  const Go = sandbox.Go as GoConstructor | undefined;
  if (typeof Go !== 'function') {
    throw new Error(`flux-build engine: ${path.join(dir, 'wasm_exec.js')} did not define Go`);
  }
  // Kustomize prints some warnings (deprecated fields) straight to stderr;
  // the stub filesystem would console.log them. They are collected instead
  // and returned as the build's warnings.
  let output = '';
  const decoder = new TextDecoder('utf-8');
  const stubFs = sandbox.fs as { writeSync(fd: number, buf: Uint8Array): number };
  stubFs.writeSync = (_fd: number, buf: Uint8Array) => {
    output += decoder.decode(buf, { stream: true });
    return buf.length;
  };
  const drainOutput = (): string[] => {
    const lines = output.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    output = '';
    return lines;
  };

  const globalName = '__fluxBuildEngine';
  const go = new Go();
  let exitCode: number | undefined;
  // GOGC=400: fewer garbage collections (Go's collector runs on the one
  // JavaScript thread); GOMEMLIMIT keeps the heap from growing past 1 GiB.
  go.env = { FLUX_BUILD_GLOBAL: globalName, GOGC: '400', GOMEMLIMIT: '1GiB' };
  go.exit = (code: number) => {
    if (code !== 0) {
      exitCode = code;
    }
  };
  const instance = new wasmApi.Instance(module, go.importObject);
  // run() executes Go's main synchronously until it blocks (select {}),
  // which is after the functions are registered.
  void go.run(instance);
  const raw = sandbox[globalName] as RawEngine | undefined;
  if (!raw || typeof raw.build !== 'function') {
    throw new Error(`flux-build engine did not start${exitCode !== undefined ? ` (exit code ${exitCode})` : ''}${drainOutput().map((l) => `\n${l}`).join('')}`);
  }
  return { raw, drainOutput };
}

/**
 * Calls into Go. The Go side never panics across the boundary; if the Go
 * runtime itself died (a fatal error), the call reports it as an error and
 * the next {@link loadFluxBuildEngine} starts a fresh engine.
 */
function call<T>(fn: () => string, failed: (error: string) => T): T {
  let text: string;
  try {
    text = fn();
  } catch (e) {
    engine = undefined;
    return failed(`flux-build engine crashed: ${e instanceof Error ? e.message : String(e)}`);
  }
  return JSON.parse(text) as T;
}

function wrap({ raw, drainOutput }: StartedEngine): FluxBuildEngine {
  return {
    build: (request) => {
      drainOutput();
      const result = call<FluxBuildResponse>(
        () => raw.build(JSON.stringify(request)),
        (error) => ({ objects: [], unknownVariables: [], warnings: [], error }),
      );
      const printed = drainOutput();
      return printed.length === 0 ? result : { ...result, warnings: [...result.warnings, ...printed] };
    },
    substitute: (request) => {
      const result = call<FluxSubstituteResponse>(
        () => raw.substitute(JSON.stringify(request)),
        (error) => ({ objects: [], sourceIndexes: [], unknownVariables: [], error }),
      );
      drainOutput();
      return result;
    },
    setArtifact: (request) => {
      const result = call<FluxArtifactResponse>(
        () => raw.setArtifact(JSON.stringify(request)),
        (error) => ({ kept: [], ignored: [], unrepresentable: [], error }),
      );
      drainOutput();
      return result;
    },
    version: () => call<FluxBuildVersion>(() => raw.version(), (error) => {
      throw new Error(error);
    }),
  };
}
