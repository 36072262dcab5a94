import { RepositoryBuildEngine } from './repository-reader';

/**
 * The kustomize + Flux build engine shipped with the package (Go compiled to WebAssembly, `io/flux-build`).
 * Loaded on first use only: reading rendered YAML (`--raw`, stdin, synth) never pays for it.
 */
export function repositoryBuildEngine(): RepositoryBuildEngine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('../flux-build/engine');
  const engine = mod.loadFluxBuildEngine();
  return { build: (request: any) => engine.build(request) };
}
