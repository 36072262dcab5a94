import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';

/**
 * The files of a repository as source-controller archives them for Flux (flux-build.md §1.0): regular files
 * and folders only (symlinks are not archived), without `.git/`. Read once into memory; the build engine works
 * on this copy.
 */
export interface RepositoryFiles {
  /** Absolute path of the repository root. */
  readonly root: string;
  /** POSIX path relative to the root → UTF-8 text. */
  readonly files: Map<string, string>;
  /** Files that could not be read (path relative to the root → reason). */
  readonly unreadable: Map<string, string>;
  /**
   * Binary files (a NUL byte): in `files` with empty text, so a generator that lists them (an image in a
   * configMapGenerator) still finds them; what they hold does not matter to any rule.
   */
  readonly binary: Set<string>;
}

const MAX_FILE_BYTES = 20 * 1024 * 1024;
const SKIP_DIRS = new Set(['.git', 'node_modules']);

/**
 * Reads the tree under `root`. Files over 20 MB are left out; binary files are kept, empty.
 * @param mountAt the folder's path in the repository, when it is a sub-folder read on its own (keys get this prefix)
 */
export function readRepositoryFiles(root: string, mountAt = ''): RepositoryFiles {
  const abs = path.resolve(root);
  const files = new Map<string, string>();
  const unreadable = new Map<string, string>();
  const binary = new Set<string>();
  const walk = (dir: string, rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e: any) {
      unreadable.set(rel || '.', e.code ?? e.message);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(p, r);
      } else if (e.isFile()) {
        try {
          const st = fs.statSync(p);
          if (st.size > MAX_FILE_BYTES) {
            unreadable.set(r, `larger than ${MAX_FILE_BYTES} bytes`);
            continue;
          }
          const text = fs.readFileSync(p, 'utf8');
          if (text.includes('\u0000')) {
            binary.add(r);
            files.set(r, '');
          } else {
            files.set(r, text);
          }
        } catch (e2: any) {
          unreadable.set(r, e2.code ?? e2.message);
        }
      }
    }
  };
  walk(abs, mountAt.replace(/^\.\/?|\/+$/g, ''));
  return { root: abs, files, unreadable, binary };
}

/** True when the tree holds Flux Kustomizations or kustomize `kustomization.yaml` files (repository mode). */
export function looksLikeFluxRepository(repo: RepositoryFiles, scope = ''): boolean {
  const prefix = scope && scope !== '.' ? `${scope.split('\\').join('/')}/` : '';
  for (const [p, text] of repo.files) {
    if (prefix && !p.startsWith(prefix)) continue;
    const base = p.split('/').pop()!;
    if (base === 'kustomization.yaml' || base === 'kustomization.yml' || base === 'Kustomization') return true;
    if (/\.ya?ml$/.test(p) && /apiVersion:\s*['"]?kustomize\.toolkit\.fluxcd\.io\//.test(text)) return true;
  }
  return false;
}

/** `spec.path` of every Flux Kustomization in the files (for choosing the repository root), without `./`. */
export function kustomizationPathsIn(repo: RepositoryFiles): string[] {
  const out: string[] = [];
  for (const [p, text] of repo.files) {
    if (!/\.ya?ml$/.test(p) || !text.includes('kustomize.toolkit.fluxcd.io/')) continue;
    let docs: unknown[];
    try {
      docs = parseAllDocuments(text, { logLevel: 'silent' }).map(d => d.toJS({ maxAliasCount: 100 }));
    } catch {
      continue;
    }
    for (const d of docs) {
      const m = d as any;
      if (m?.kind !== 'Kustomization' || typeof m?.apiVersion !== 'string' || !m.apiVersion.startsWith('kustomize.toolkit.fluxcd.io/')) continue;
      const sp = m.spec?.path;
      if (typeof sp === 'string' && !sp.startsWith('/') && !sp.includes('${')) out.push(sp.replace(/^\.\/?/, '').replace(/\/+$/, ''));
    }
  }
  return out;
}

/** True when the folder exists in the repository (a file lies under it). */
export function hasFolder(repo: RepositoryFiles, rel: string): boolean {
  if (!rel) return true;
  const prefix = `${rel}/`;
  for (const p of repo.files.keys()) if (p.startsWith(prefix)) return true;
  return false;
}
