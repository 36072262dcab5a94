import { RepositoryBuildEngine } from './repository-reader';
import { loadFluxBuildEngine } from '../flux-build/engine';

/**
 * The kustomize + Flux build engine shipped with the package (Go compiled to WebAssembly, `io/flux-build`).
 * Started on first use only: reading rendered YAML (`--raw`, stdin, synth) never pays for it.
 */
export function repositoryBuildEngine(): RepositoryBuildEngine {
  return loadFluxBuildEngine();
}
