import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type * as JsYaml from 'js-yaml';
import { collectFiles } from './collect-files';
import { FLUX_KUSTOMIZE_GROUP, GENERATED_MARKER } from '../model/flux-api';
import { ESO_GROUP, Manifest, SourcedManifest, parseApiVersion } from '../model/manifest';
import { SynthRefusal } from '../validation/report';

/** js-yaml, loaded when a folder is first read (a synth that reads no committed output never loads a YAML parser). */
function jsYaml(): typeof JsYaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('js-yaml');
}

/**
 * The folders a FluxLayout writes under its outdir: each one it owns has a `kustomization.yaml` starting with
 * the generated marker. Folders it does not own are never touched.
 */

/** True when `dir` is a real folder (not a symlink) written by a FluxLayout (its kustomization.yaml carries the generated marker). */
export function isOwnedFolder(dir: string): boolean {
  try {
    if (!fs.lstatSync(dir).isDirectory()) return false;
    return fs.readFileSync(path.join(dir, 'kustomization.yaml'), 'utf8').startsWith(GENERATED_MARKER);
  } catch {
    return false;
  }
}

/** The entries of outdir (sorted), or [] when it does not exist. */
function entriesOf(outdir: string): string[] {
  try {
    return fs.readdirSync(outdir).sort();
  } catch (e: any) {
    if (e.code === 'ENOENT') return [];
    throw e;
  }
}

/** Documents the previous-output comparison needs: ExternalSecrets and Flux Kustomizations (every other kind is skipped unparsed). */
const WANTED_KIND = /^kind:[ \t]*["']?(ExternalSecret|Kustomization)["']?[ \t]*$/m;
const PRUNE_ANNOTATION = 'kustomize.toolkit.fluxcd.io/prune';

/**
 * The part of an earlier output's objects that the comparison with it needs (ESO-FLUX-PRUNE-MOVE): of each
 * ExternalSecret its identity, target and prune annotation; of each Flux Kustomization its identity, path,
 * prune, targetNamespace and dependsOn. Documents of other kinds are not parsed at all, so reading the previous
 * output of a large app costs a text scan, not a second validated load.
 */
export function previousObjectsOf(text: string): Manifest[] {
  const out: Manifest[] = [];
  for (const doc of text.split(/^---[ \t]*$/m)) {
    if (!WANTED_KIND.test(doc)) continue;
    let m: any;
    try {
      const jsyaml = jsYaml();
      m = jsyaml.load(doc, { schema: jsyaml.JSON_SCHEMA });
    } catch {
      continue; // not ours to judge: the comparison is best effort
    }
    if (!m || typeof m !== 'object' || typeof m.apiVersion !== 'string') continue;
    const group = parseApiVersion(m.apiVersion).group;
    const prune = m.metadata?.annotations?.[PRUNE_ANNOTATION];
    const metadata = {
      name: m.metadata?.name,
      ...(m.metadata?.namespace !== undefined ? { namespace: m.metadata.namespace } : {}),
      ...(prune !== undefined ? { annotations: { [PRUNE_ANNOTATION]: prune } } : {}),
    };
    if (m.kind === 'ExternalSecret' && group === ESO_GROUP) {
      const t = m.spec?.target ?? {};
      const manifest = t.manifest && typeof t.manifest === 'object' ? { kind: t.manifest.kind, apiVersion: t.manifest.apiVersion } : undefined;
      out.push({
        apiVersion: m.apiVersion,
        kind: m.kind,
        metadata,
        spec: { target: { name: t.name, creationPolicy: t.creationPolicy, ...(manifest ? { manifest } : {}) } },
      });
    } else if (m.kind === 'Kustomization' && group === FLUX_KUSTOMIZE_GROUP) {
      const sp = m.spec ?? {};
      out.push({
        apiVersion: m.apiVersion,
        kind: m.kind,
        metadata,
        spec: { path: sp.path, prune: sp.prune, targetNamespace: sp.targetNamespace, dependsOn: sp.dependsOn, wait: sp.wait },
      });
    }
  }
  return out;
}

/** Every `.yaml`/`.yml` file under dir (sorted, POSIX paths relative to dir), not following symlinks. */
function yamlFilesUnder(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, rel)).sort()) {
    const r = rel ? `${rel}/${entry}` : entry;
    const st = fs.lstatSync(path.join(dir, r));
    if (st.isDirectory()) out.push(...yamlFilesUnder(dir, r));
    else if (st.isFile() && /\.ya?ml$/i.test(entry)) out.push(r);
  }
  return out;
}

/**
 * What an earlier synth wrote under outdir, on disk: the objects of the folders it owns (see
 * `previousObjectsOf`), with their paths in the repository (`prefix` + path under outdir); undefined when there
 * are none. Symlinks (also dangling ones) are not followed: FluxLayout never writes them.
 */
export function readOwnedFolders(outdir: string, prefix: string): SourcedManifest[] | undefined {
  const items: SourcedManifest[] = [];
  let owned = 0;
  for (const entry of entriesOf(outdir)) {
    const dir = path.join(outdir, entry);
    if (!isOwnedFolder(dir)) continue;
    owned++;
    for (const f of yamlFilesUnder(dir)) {
      for (const manifest of previousObjectsOf(fs.readFileSync(path.join(dir, f), 'utf8'))) items.push({ manifest, file: `${prefix}${entry}/${f}` });
    }
  }
  return owned ? items : undefined;
}

/**
 * The previous output given as paths (`cdk8s-eso validate --previous DIR`): the files `loadManifests` would read,
 * each read as `previousObjectsOf` reads it (a text scan keeping what the previous-output rules need). Files that
 * cannot be read are skipped: the comparison is best effort.
 */
export function readPreviousFiles(paths: readonly string[]): SourcedManifest[] {
  const items: SourcedManifest[] = [];
  for (const file of collectFiles(paths, [])) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const manifest of previousObjectsOf(text)) items.push({ manifest, file });
  }
  return items;
}

/** Runs git (no prompts, no optional locks, bounded); undefined when it is missing or fails. */
function git(cwd: string, args: string[], input?: string): Buffer | undefined {
  try {
    const r = spawnSync('git', args, {
      cwd,
      input,
      maxBuffer: 1024 * 1024 * 1024,
      timeout: 60_000,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' },
    });
    return r.status === 0 && !r.error ? r.stdout : undefined;
  } catch {
    return undefined;
  }
}

/** The nearest existing ancestor of p (p itself when it exists). */
function existingAncestor(p: string): string {
  let d = path.resolve(p);
  while (!fs.existsSync(d) && path.dirname(d) !== d) d = path.dirname(d);
  return d;
}

/**
 * What is committed at git HEAD under outdir (the output Flux applies, even after `cdk8s synth` deleted the
 * outdir): the objects of the folders a FluxLayout owned there, read as `readOwnedFolders` reads them. Undefined
 * when outdir is not inside a Git work tree, git is not installed, there is no commit yet, or HEAD has no such
 * folder. Reads one `ls-tree` and one `cat-file --batch`, whatever the number of files.
 */
export function readCommittedFolders(outdir: string, prefix: string): SourcedManifest[] | undefined {
  const abs = path.resolve(outdir);
  const anchor = existingAncestor(abs);
  let anchorReal: string;
  try {
    anchorReal = fs.realpathSync(anchor);
  } catch {
    return undefined;
  }
  const top = git(anchorReal, ['rev-parse', '--show-toplevel'])?.toString('utf8').trim();
  if (!top) return undefined;
  const rel = path.relative(top, path.join(anchorReal, path.relative(anchor, abs))).split(path.sep).join('/');
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const listing = git(top, ['ls-tree', '-r', '-z', 'HEAD', '--', rel ? `${rel}/` : '.']);
  if (!listing) return undefined;
  const blobs: { path: string; sha: string }[] = [];
  for (const entry of listing.toString('utf8').split('\0')) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (m) blobs.push({ sha: m[1], path: rel ? m[2].slice(rel.length + 1) : m[2] });
  }
  const wanted = blobs.filter(b => b.path.includes('/') && /\.ya?ml$/i.test(b.path));
  if (!wanted.length) return undefined;
  const batch = git(top, ['cat-file', '--batch'], wanted.map(b => b.sha).join('\n') + '\n');
  if (!batch) return undefined;
  const contents = new Map<string, string>();
  let at = 0;
  for (const b of wanted) {
    const eol = batch.indexOf(10, at);
    if (eol < 0) return undefined;
    const size = Number(batch.toString('utf8', at, eol).split(' ')[2]);
    if (!Number.isFinite(size)) return undefined;
    contents.set(b.path, batch.toString('utf8', eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
  }
  const owned = new Set(wanted.filter(b => /^[^/]+\/kustomization\.yaml$/.test(b.path) && contents.get(b.path)!.startsWith(GENERATED_MARKER))
    .map(b => b.path.split('/')[0]));
  if (!owned.size) return undefined;
  const items: SourcedManifest[] = [];
  for (const b of wanted) {
    if (!owned.has(b.path.split('/')[0])) continue;
    for (const manifest of previousObjectsOf(contents.get(b.path)!)) items.push({ manifest, file: prefix + b.path });
  }
  return items;
}

/** Why an old folder cannot be removed (an immutable or append-only file, a folder that cannot be written), or undefined. */
function unremovable(dir: string): string | undefined {
  const probe = path.join(dir, `.eso-probe-${process.pid}`);
  try {
    fs.writeFileSync(probe, '');
    fs.unlinkSync(probe);
  } catch (e: any) {
    return `${dir}: entries cannot be removed (${e.code ?? e.message})`;
  }
  for (const entry of fs.readdirSync(dir)) {
    const p = path.join(dir, entry);
    const st = fs.lstatSync(p);
    if (st.isDirectory()) {
      const why = unremovable(p);
      if (why) return why;
    } else if (st.isFile()) {
      // opening for writing changes nothing, and fails with EPERM on an immutable or append-only file
      try {
        fs.closeSync(fs.openSync(p, 'r+'));
      } catch (e: any) {
        if (e.code === 'EPERM') return `${p}: cannot be removed (EPERM: immutable or append-only)`;
      }
    }
  }
  return undefined;
}

const describeError = (e: any) => (e?.code === 'ENOSPC' ? 'ENOSPC: no space left on device' : e?.code ? `${e.code}${e.syscall ? ` (${e.syscall})` : ''}` : String(e?.message ?? e));

/**
 * Writes `files` (paths relative to outdir, `/`-separated; the first segment is a folder, or a top-level
 * file) in place of the folders an earlier synth wrote, without ever half-writing:
 * 1. refuses, before anything is touched, to replace a folder or file it does not own, a symlink (also a
 *    dangling one) where it writes, and old folders that cannot be removed (immutable files);
 * 2. writes everything into a temporary sibling folder of outdir (same file system); on any error (a full
 *    disk) that folder is removed and outdir is unchanged;
 * 3. moves the old folders aside and the new ones into place (renames), rolling back on any error;
 * 4. only then deletes the old folders.
 * Folders it does not own are never touched. Every error is one message naming outdir and what to do.
 * @param where construct path for the error message
 * @param isOwnedFile for top-level files: true when the existing file may be replaced
 */
export function writeOwnedFolders(where: string, outdir: string, files: { readonly [file: string]: string },
  isOwnedFile: (file: string) => boolean = () => false): void {
  const fail = (what: string, fix: string): never => {
    throw new SynthRefusal(`${where}: ${what}; nothing was changed in ${outdir}. ${fix}`);
  };
  const folders = new Set<string>();
  const topFiles = new Set<string>();
  for (const f of Object.keys(files)) {
    const parts = f.split('/');
    if (parts.length > 1) folders.add(parts[0]);
    else topFiles.add(f);
  }
  // 1. preflight: nothing is touched yet
  let outdirStat: fs.Stats | undefined;
  try {
    outdirStat = fs.statSync(outdir);
  } catch (e: any) {
    if (e.code !== 'ENOENT') fail(`cannot use ${outdir}: ${describeError(e)}`, 'check the outdir');
    let dangling = false;
    try {
      dangling = fs.lstatSync(outdir).isSymbolicLink();
    } catch { /* does not exist */ }
    if (dangling) fail(`${outdir} is a dangling symlink`, 'remove the symlink or point it at an existing folder');
  }
  if (outdirStat && !outdirStat.isDirectory()) fail(`${outdir} is not a folder`, 'move the file away or choose another outdir');
  const entries = entriesOf(outdir);
  const oldOwned = entries.filter(e => isOwnedFolder(path.join(outdir, e)));
  for (const entry of entries) {
    const p = path.join(outdir, entry);
    const target = folders.has(entry) || topFiles.has(entry);
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) {
      if (target) {
        let dangling = false;
        try {
          fs.statSync(p);
        } catch {
          dangling = true;
        }
        fail(`refusing to replace ${p}: it is a ${dangling ? 'dangling ' : ''}symlink`, 'remove the symlink (FluxLayout writes real folders)');
      }
      continue;
    }
    if (!target || oldOwned.includes(entry)) continue;
    if (topFiles.has(entry)) {
      if (!st.isFile() || !isOwnedFile(p)) fail(`refusing to overwrite ${p}: it was not written by FluxLayout`, 'move it away or choose another outdir');
    } else if (!st.isDirectory() || fs.readdirSync(p).length) {
      fail(`refusing to overwrite ${p}: it was not written by FluxLayout (no generated kustomization.yaml)`, 'move it away or choose another outdir');
    }
  }
  for (const entry of oldOwned) {
    const why = unremovable(path.join(outdir, entry));
    if (why) fail(`the previous output cannot be replaced: ${why}`, 'make it removable (e.g. chattr -i, chmod u+w) and synth again');
  }

  // 2. write everything into a temporary sibling
  const parent = path.dirname(outdir);
  const base = path.basename(outdir);
  let staging: string;
  try {
    fs.mkdirSync(parent, { recursive: true });
    staging = fs.mkdtempSync(path.join(parent, `.${base}.eso-new-`));
  } catch (e: any) {
    return fail(`cannot create a temporary folder next to ${outdir}: ${describeError(e)}`, 'check that its parent folder is writable and has free space');
  }
  const removeQuietly = (p: string) => {
    try {
      fs.rmSync(p, { recursive: true, force: true });
    } catch { /* best effort */ }
  };
  try {
    for (const file of Object.keys(files).sort()) {
      const target = path.join(staging, ...file.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, files[file], 'utf8');
    }
  } catch (e: any) {
    removeQuietly(staging);
    fail(`writing the new output failed (${describeError(e)})`, 'free some space or fix the error, and synth again');
  }

  // 3. swap: the old entries go into a second temporary sibling, the new ones into place; undone on error
  let trash: string;
  try {
    trash = fs.mkdtempSync(path.join(parent, `.${base}.eso-old-`));
    fs.mkdirSync(outdir, { recursive: true });
  } catch (e: any) {
    removeQuietly(staging!);
    return fail(`cannot prepare the swap (${describeError(e)})`, 'check that the parent folder of outdir is writable');
  }
  const replaced = [...new Set([...oldOwned, ...[...topFiles].filter(f => entries.includes(f))])];
  const movedOut: string[] = [];
  const movedIn: string[] = [];
  try {
    for (const entry of replaced) {
      fs.renameSync(path.join(outdir, entry), path.join(trash, entry));
      movedOut.push(entry);
    }
    for (const entry of [...folders, ...topFiles].sort()) {
      fs.renameSync(path.join(staging!, entry), path.join(outdir, entry));
      movedIn.push(entry);
    }
  } catch (e: any) {
    for (const entry of movedIn.reverse()) {
      try {
        fs.renameSync(path.join(outdir, entry), path.join(staging!, entry));
      } catch { /* best effort */ }
    }
    for (const entry of movedOut.reverse()) {
      try {
        fs.renameSync(path.join(trash, entry), path.join(outdir, entry));
      } catch { /* best effort */ }
    }
    removeQuietly(staging!);
    removeQuietly(trash);
    fail(`swapping the new output in failed (${describeError(e)})`, 'fix the error and synth again');
  }
  // 4. the new output is in place: delete the old one
  removeQuietly(staging!);
  try {
    fs.rmSync(trash, { recursive: true, force: true });
  } catch (e: any) {
    throw new Error(`${where}: the new output is in ${outdir}, but the previous output moved to ${trash} could not be deleted (${describeError(e)}); delete it by hand`);
  }
}
