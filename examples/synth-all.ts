/**
 * The README's main job (`npm run synth`): the platform example into dist/ (Flux layers), and every seed
 * example into dist-seeds/<seed-dir>/ (one folder per seed: each is its own cluster, so they are validated
 * one by one).
 *
 * Every app is built and validated first; if any of them has a validation error, the errors are printed,
 * nothing is written and the process exits with 1.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';
import { FluxLayout, KustomizationFile } from '../src';
import { buildPlatform } from './platform/app';
import { buildApp as seed000 } from './seed-000-openova/app';
import { buildApp as seed001 } from './seed-001-openova-vault/app';
import { buildApp as seed002 } from './seed-002-openchoreo/app';
import { buildApp as seed003 } from './seed-003-tazlab/app';
import { buildApp as seed004 } from './seed-004-webgrip/app';

/** One example app and its output folder. */
export interface Example {
  readonly dir: string;
  readonly build: (outdir?: string) => App;
}

/** Example apps by output directory (under dist-seeds/). */
export const EXAMPLES: readonly Example[] = [
  { dir: 'seed-000-openova', build: seed000 },
  { dir: 'seed-001-openova-vault', build: seed001 },
  { dir: 'seed-002-openchoreo', build: seed002 },
  { dir: 'seed-003-tazlab', build: seed003 },
  { dir: 'seed-004-webgrip', build: seed004 },
];

/** The FluxLayout of an example that lays itself out in Flux layers (written with `layout.synth()`). */
function layoutOf(app: App): FluxLayout | undefined {
  return app.node.findAll().find(c => FluxLayout.isFluxLayout(c)) as FluxLayout | undefined;
}

/** Runs every construct validation of the app (what `App.synth` does first) and returns the errors. */
export function validationErrors(app: App): string[] {
  const errors: string[] = [];
  for (const c of app.node.findAll()) {
    for (const e of c.node.validate()) errors.push(`${c.node.path || '<app>'}: ${e}`);
  }
  return errors;
}

/** Builds, validates and (only when all are valid) synthesizes every example under `root`. */
export function synthAll(root: string = 'dist-seeds', examples: readonly Example[] = EXAMPLES, platformOutdir?: string): number {
  const apps = examples.map((e) => ({ dir: e.dir, outdir: path.join(root, e.dir), app: e.build(path.join(root, e.dir)) }));
  let failed = false;
  for (const { dir, app } of apps) {
    const errors = validationErrors(app);
    if (errors.length) {
      failed = true;
      process.stderr.write(`${dir}: validation failed:\n${errors.join('\n')}\n`);
      continue;
    }
    try {
      layoutOf(app)?.synthFiles(); // a Flux layout validates its files too, and writes nothing
    } catch (e) {
      failed = true;
      process.stderr.write(`${dir}: ${(e as Error).message}\n`);
    }
  }
  const platform = platformOutdir ? buildPlatform(platformOutdir) : undefined;
  if (platform) {
    try {
      platform.layout.synthFiles(); // validates the whole platform, writes nothing
    } catch (e) {
      failed = true;
      process.stderr.write(`platform: ${(e as Error).message}\n`);
    }
  }
  if (failed) {
    process.stderr.write('nothing was written.\n');
    return 1;
  }
  for (const { dir, outdir, app } of apps) {
    fs.rmSync(outdir, { recursive: true, force: true }); // no stale files from an earlier synth
    const layout = layoutOf(app);
    if (layout) {
      layout.synth(); // one folder per layer, the Flux Kustomizations in flux/
    } else {
      app.synth();
      KustomizationFile.writeFor(outdir); // Flux applies only what a kustomization.yaml lists
    }
    process.stdout.write(`${dir}: synthesized into ${outdir}\n`);
  }
  if (platform) {
    platform.layout.synth();
    process.stdout.write(`platform: synthesized into ${platformOutdir}\n`);
  }
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = synthAll('dist-seeds', EXAMPLES, 'dist');
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
