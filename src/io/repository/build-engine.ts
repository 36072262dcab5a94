import * as path from 'path';
import { ParallelBuildEngine, parallelBuildEngine } from './build-pool';
import { fluxBuildModule, loadFluxBuildEngine } from '../flux-build/engine';

/**
 * The kustomize + Flux build engine shipped with the package (Go compiled to WebAssembly, `io/flux-build`), with
 * worker threads for sibling Kustomizations on a machine with cores to spare. Started on first use only: reading
 * rendered YAML (`--raw`, stdin, synth) never pays for it.
 */
export function repositoryBuildEngine(): ParallelBuildEngine {
  const engineFile = path.join(__dirname, '..', 'flux-build', `engine${path.extname(__filename)}`);
  return parallelBuildEngine(loadFluxBuildEngine(), () => fluxBuildModule(), engineFile);
}
