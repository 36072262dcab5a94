/**
 * The TypeScript side of the binding tests (test/bindings/run.sh): writes the seed-004 example's output
 * into OUTDIR/seed-004-webgrip (what `npm run synth` writes to dist-seeds/seed-004-webgrip).
 *
 * Usage: ts-node --transpile-only test/bindings/ts-reference.ts OUTDIR
 */
import * as path from 'path';
import { buildApp } from '../../examples/seed-004-webgrip/app';
import { KustomizationFile } from '../../src';

const outdir = path.join(process.argv[2], 'seed-004-webgrip');
buildApp(outdir).synth();
KustomizationFile.writeFor(outdir);
