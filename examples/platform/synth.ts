/**
 * Synthesizes the platform example into dist/ (run from the repository root, so the Flux
 * Kustomizations' paths are `./dist/<layer>`). FluxLayout validates the whole app first and
 * writes nothing on any error. Run with `ts-node --transpile-only examples/platform/synth.ts`.
 */
import { PLATFORM_OUTDIR, buildPlatform } from './app';

export function synthPlatform(outdir: string = PLATFORM_OUTDIR): number {
  try {
    buildPlatform(outdir).layout.synth();
    process.stdout.write(`platform: synthesized into ${outdir}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`platform: ${(e as Error).message}\n`);
    return 1;
  }
}

if (require.main === module) {
  process.exitCode = synthPlatform();
}
