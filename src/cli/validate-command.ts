import * as fs from 'fs';
import * as path from 'path';
import { ReportFormat, ToolInfo, ValidateRun, formatGithub, formatJson, formatJunit, formatSarif, formatText, markInputProblems } from './report-formats';
import { printable, style } from './terminal';
import { readPreviousFiles } from '../io/layout-folders';
import { loadManifests, LoadResult, parseManifests, readManifestsFrom } from '../io/load-manifests';
import { repositoryBuildEngine } from '../io/repository/build-engine';
import { RepositoryFiles, hasFolder, kustomizationPathsIn, looksLikeFluxRepository, readRepositoryFiles } from '../io/repository/repository-files';
import { NotCheckedKustomization, RepositoryBuildEngine, readRepositoryFrom } from '../io/repository/repository-reader';
import { Diagnostic, Severity } from '../validation/diagnostic';
import { ruleCatalog, summaryLine, validateManifests } from '../validation/engine';
import { countSeverities, foldRepeats } from '../validation/report';

export interface ValidateCommandOptions {
  readonly strict?: boolean;
  /** Validate each path as its own app (e.g. one folder per cluster): no cross-resource rule spans two paths. */
  readonly each?: boolean;
  /**
   * A folder with the previous output (e.g. the main branch's): rules that compare with it (ESO-FLUX-PRUNE-MOVE)
   * run against it. Its own problems are not reported.
   */
  readonly previous?: string;
  /** Read every path file by file (rendered output), never as a Flux repository. */
  readonly raw?: boolean;
  /**
   * Bytes per file read (rendered YAML and stdin); a larger file is one diagnostic.
   * @default 20 MB
   */
  readonly maxBytes?: number;
  /** Repository mode: the source that is this repository (`KIND/NAME`). @default GitRepository/flux-system */
  readonly source?: string;
  /** The build engine for repository mode (tests); default: the bundled WebAssembly engine. */
  readonly engine?: RepositoryBuildEngine;
  /** Standard input, for the path `-` (tests); default: the process's. */
  readonly stdin?: () => string;
  /** Output format. @default text */
  readonly format?: ReportFormat;
  /** Text format: ANSI colours (main.ts: on a terminal without NO_COLOR). @default false */
  readonly color?: boolean;
  /** The tool as reports name it (tests); default: from package.json and the rule registry. */
  readonly tool?: ToolInfo;
  /** Where a line (text, github) or the whole document (json, sarif, junit) goes; default stdout. */
  readonly out?: (line: string) => void;
  /** Usage and I/O errors; default: `out`. */
  readonly err?: (line: string) => void;
}

export interface Loaded extends LoadResult {
  readonly notChecked: NotCheckedKustomization[];
  readonly repositoryMode: boolean;
  /** Charts a bootstrap helmfile of a repository installs before Flux runs. */
  readonly installedBeforeFlux: string[];
}

/**
 * The repository a folder is read as. Flux paths are relative to the repository root: the folder itself when
 * its Kustomizations' paths exist in it (a repository checkout, a fixture), else the enclosing Git checkout
 * (e.g. `dist/` written by FluxLayout, whose Kustomizations point at `./dist/apps`).
 */
function repositoryRoot(dir: string): { root: string; repo: RepositoryFiles; mountAt: string } {
  const abs = path.resolve(dir);
  const own = readRepositoryFiles(abs);
  const paths = kustomizationPathsIn(own);
  const resolved = (root: string) => paths.filter(p => fs.existsSync(path.join(root, ...p.split('/')))).length;
  if (paths.length === 0 || resolved(abs) === paths.length) return { root: abs, repo: own, mountAt: '' };
  // the nearest enclosing folder where the paths exist (the checkout; a `.git` folder ends the search)
  let best = { root: abs, hits: resolved(abs) };
  for (let d = path.dirname(abs); ; d = path.dirname(d)) {
    const hits = resolved(d);
    if (hits > best.hits) best = { root: d, hits };
    if (hits === paths.length || fs.existsSync(path.join(d, '.git')) || path.dirname(d) === d) break;
  }
  if (best.root !== abs) return { root: best.root, repo: readRepositoryFiles(best.root), mountAt: '' };
  // a folder written for a repository path (FluxLayout's repositoryPath) read on its own: mount it there
  const mountAt = best.hits === 0 ? mountPointOf(own, paths) : undefined;
  if (mountAt) return { root: abs, repo: readRepositoryFiles(abs, mountAt), mountAt };
  return { root: abs, repo: own, mountAt: '' };
}

/** The prefix P such that every Kustomization path is P/<a folder of the tree>, if there is one. */
function mountPointOf(repo: RepositoryFiles, paths: string[]): string | undefined {
  const missing = paths.filter(p => !hasFolder(repo, p));
  if (!missing.length) return undefined;
  // the prefix under which most of the missing paths exist (a layer folder may be missing for real)
  let best: { prefix: string; hits: number } | undefined;
  for (const p of missing) {
    const segs = p.split('/');
    for (let i = segs.length - 1; i > 0; i--) {
      const prefix = segs.slice(0, i).join('/');
      const hits = missing.filter(q => q.startsWith(`${prefix}/`) && hasFolder(repo, q.slice(prefix.length + 1))).length;
      if (hits > 0 && (!best || hits > best.hits)) best = { prefix, hits };
    }
  }
  return best?.prefix;
}

/** Reads each path: `-` from stdin, a Flux repository as Flux builds it, anything else file by file. */
export function load(paths: readonly string[], options: ValidateCommandOptions): Loaded {
  const items: LoadResult['items'] = [];
  const problems: LoadResult['problems'] = [];
  const notChecked: NotCheckedKustomization[] = [];
  const installedBeforeFlux: string[] = [];
  let files = 0;
  let repositoryMode = false;
  let engine: RepositoryBuildEngine | undefined;
  const flat: string[] = [];
  for (const p of paths) {
    if (p === '-') {
      // standard input with the same limits as files (byte cap, alias cap, UTF-8 and duplicate-key checks)
      const r = options.stdin ? parseManifests('<stdin>', options.stdin()) : readManifestsFrom(0, '<stdin>', { maxBytes: options.maxBytes });
      items.push(...r.items);
      problems.push(...r.problems);
      files++;
      continue;
    }
    let isDir = false;
    try {
      isDir = fs.statSync(p).isDirectory();
    } catch {
      isDir = false;
    }
    const found = isDir && !options.raw ? repositoryRoot(p) : undefined;
    const root = found?.root;
    const repo = found?.repo;
    const mount = found?.mountAt ? `${found.mountAt}/` : '';
    const scope = found?.mountAt || path.relative(root ?? '', p).split(path.sep).join('/');
    if (repo && looksLikeFluxRepository(repo, scope)) {
      repositoryMode = true;
      engine ??= options.engine ?? repositoryBuildEngine();
      const r = readRepositoryFrom(repo, root!, {
        source: options.source,
        engine,
        scope,
        display: rel => path.relative(process.cwd(), path.join(root!, ...(mount && rel.startsWith(mount) ? rel.slice(mount.length) : rel).split('/'))) || '.',
      });
      items.push(...r.items);
      problems.push(...r.problems);
      notChecked.push(...r.notChecked);
      installedBeforeFlux.push(...r.installedBeforeFlux);
      files += r.files;
    } else {
      flat.push(p);
    }
  }
  if (flat.length) {
    const r = loadManifests(flat, { maxBytes: options.maxBytes });
    items.push(...r.items);
    problems.push(...r.problems);
    files += r.files;
  }
  return { items, problems, files, notChecked, repositoryMode, installedBeforeFlux };
}

/** The tool as the reports name it: package name and version, the repository, the rule registry. */
export function toolInfo(): ToolInfo {
  let pkg: any = {};
  try {
    pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  } catch {
    pkg = {};
  }
  const repo = String(pkg.repository?.url ?? 'https://github.com/cdk8s-external-secrets/cdk8s-external-secrets').replace(/^git\+/, '').replace(/\.git$/, '');
  return { name: 'cdk8s-eso', version: String(pkg.version ?? '0.0.0'), homepage: repo, rules: ruleCatalog() };
}

/** Validates one app (all paths, or one with --each). */
function validateRun(paths: readonly string[], options: ValidateCommandOptions, label?: string): ValidateRun {
  const loaded = load(paths, options);
  // Documents that are not Kubernetes objects go to the rules too: in a Flux layer folder they break the build.
  const nonManifests = loaded.problems.filter(p => p.ruleId === 'CLI-NOT-OBJECT' && p.file).map(p => ({ file: p.file!, line: p.line }));
  // only what the previous-output rules read (ExternalSecrets, Flux Kustomizations), not a second full load
  const previous = options.previous !== undefined ? readPreviousFiles([options.previous]) : undefined;
  const report = validateManifests(loaded.items, {
    strict: options.strict,
    nonManifests,
    previous,
    countUnknown: true,
    installedBeforeFlux: loaded.installedBeforeFlux,
    // objects of another source may exist in the cluster (a Kustomization nothing applies makes none)
    incomplete: loaded.notChecked.some(n => n.sourceRef !== ''),
  });
  const strictly = (p: Diagnostic) => (options.strict && p.severity === Severity.WARNING ? { ...p, severity: Severity.ERROR } : p);
  const problems = markInputProblems(loaded.problems.map(strictly));
  // one finding per distinct problem (a repeat per data entry of one key is folded, with its count), in every format
  const findings = foldRepeats([...problems, ...report.diagnostics]);
  const { errors, warnings } = countSeverities(findings);
  const summary = summaryLine({ ...report, errors, warnings }) +
    (loaded.notChecked.length ? `; ${loaded.notChecked.length} Kustomization${loaded.notChecked.length === 1 ? '' : 's'} not checked (other sources, or applied by nothing)` : '');
  const files = [...new Set(loaded.items.map(i => i.file).filter((f): f is string => !!f))];
  return {
    ...(label !== undefined ? { path: label } : {}),
    findings,
    notChecked: loaded.notChecked,
    errors,
    warnings,
    objects: report.objects,
    silenced: report.silenced,
    unknownValues: report.unknownValues ?? 0,
    summary,
    files,
  };
}

/** `cdk8s-eso validate PATH...`: returns the exit code (0 clean, 1 any error, 2 usage or I/O error). */
export function validateCommand(paths: readonly string[], options: ValidateCommandOptions = {}): number {
  const out = options.out ?? ((l: string) => process.stdout.write(l + '\n'));
  if (options.previous !== undefined && !fs.existsSync(options.previous)) {
    (options.err ?? out)(`${printable(options.previous)}: --previous DIR does not exist`);
    return 2;
  }
  const runs = options.each && paths.length > 1
    ? paths.map(p => validateRun([p], options, p))
    : [validateRun(paths, options)];
  const format = options.format ?? 'text';
  switch (format) {
    case 'json': out(formatJson(runs, options.tool ?? toolInfo())); break;
    case 'sarif': out(formatSarif(runs, options.tool ?? toolInfo())); break;
    case 'junit': out(formatJunit(runs)); break;
    case 'github': formatGithub(runs).forEach(l => out(l)); break;
    default: formatText(runs, style(!!options.color)).forEach(l => out(l)); break;
  }
  return runs.some(r => r.errors > 0) ? 1 : 0;
}
