import * as fs from 'fs';
import * as path from 'path';
import { loadManifests } from './load-manifests';
import { GENERATED_MARKER } from '../model/flux-api';
import { SourcedManifest } from '../model/manifest';

/**
 * The folders a FluxLayout writes under its outdir: each one it owns has a `kustomization.yaml` starting with
 * the generated marker. Folders it does not own are never touched.
 */

/** True when `dir` was written by a FluxLayout (its kustomization.yaml carries the generated marker). */
export function isOwnedFolder(dir: string): boolean {
  try {
    return fs.readFileSync(path.join(dir, 'kustomization.yaml'), 'utf8').startsWith(GENERATED_MARKER);
  } catch {
    return false;
  }
}

/**
 * The objects of the folders an earlier synth wrote under outdir, with their paths in the repository
 * (`prefix` + path under outdir); undefined when there are none.
 */
export function readOwnedFolders(outdir: string, prefix: string): SourcedManifest[] | undefined {
  if (!fs.existsSync(outdir)) return undefined;
  const items: SourcedManifest[] = [];
  let owned = 0;
  for (const entry of fs.readdirSync(outdir).sort()) {
    const dir = path.join(outdir, entry);
    if (!fs.statSync(dir).isDirectory() || !isOwnedFolder(dir)) continue;
    owned++;
    for (const item of loadManifests([dir]).items) {
      const rel = path.relative(outdir, item.file ?? dir).split(path.sep).join('/');
      items.push({ manifest: item.manifest, file: prefix + rel });
    }
  }
  return owned ? items : undefined;
}

/**
 * Writes `files` (paths relative to outdir, `/`-separated) after removing the folders an earlier synth wrote.
 * Refuses, before anything is removed, to overwrite a non-empty folder it does not own.
 * @param where construct path for the error message
 */
export function writeOwnedFolders(where: string, outdir: string, files: { readonly [file: string]: string }): void {
  const folders = new Set(Object.keys(files).map(f => f.split('/')[0]));
  for (const folder of folders) {
    const dir = path.join(outdir, folder);
    if (fs.existsSync(dir) && fs.readdirSync(dir).length && !isOwnedFolder(dir)) {
      throw new Error(`${where}: refusing to overwrite ${dir}: it was not written by FluxLayout (no generated kustomization.yaml); move it away or choose another outdir`);
    }
  }
  if (fs.existsSync(outdir)) {
    for (const entry of fs.readdirSync(outdir).sort()) {
      const dir = path.join(outdir, entry);
      if (fs.statSync(dir).isDirectory() && isOwnedFolder(dir)) fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  for (const file of Object.keys(files).sort()) {
    const target = path.join(outdir, ...file.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, files[file], 'utf8');
  }
}
