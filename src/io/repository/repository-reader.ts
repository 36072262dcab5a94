import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import type { ParallelBuildEngine } from './build-pool';
import { RepositoryFiles, readRepositoryFiles } from './repository-files';
import { FLUX_KUSTOMIZE_GROUP, FLUX_SYSTEM_NAMESPACE } from '../../model/api';
import { isObject } from '../../model/json';
import { Manifest, SourcedManifest, parseApiVersion } from '../../model/manifest';
import { addTo } from '../../model/multimap';
import { SOPS_MARKER, isUnknownString } from '../../model/unknown';
import { Diagnostic, Severity } from '../../validation/diagnostic';
import type { FluxBuildEngine, FluxBuildRequest, FluxBuildResponse, FluxBuildSpec } from '../flux-build/engine';
import { parseManifests } from '../load-manifests';

/**
 * Reads a GitOps repository the way Flux builds it (flux-build.md): finds the Flux Kustomizations, builds the
 * paths of this repository they apply with kustomize and Flux's own generator, overlays and post-build
 * substitution (the WebAssembly build engine), and returns every object Flux would apply, each with the file
 * and line it came from and the Kustomization that applies it.
 */

/** The build engine (kustomize + Flux, compiled to WebAssembly): what the reader uses of it. */
export type RepositoryBuildEngine = Pick<FluxBuildEngine, 'setArtifact' | 'build'> & Partial<Pick<ParallelBuildEngine, 'buildMany' | 'startWorkers'>>;

export interface RepositoryReadOptions {
  /**
   * The source whose paths are this repository: `KIND/NAME` or `KIND/NAMESPACE/NAME`.
   * @default GitRepository/flux-system
   */
  readonly source?: string;
  /** The build engine. */
  readonly engine: RepositoryBuildEngine;
  /**
   * Only Flux Kustomizations defined in files under this folder (relative to the repository root) are starting
   * points; their paths may be anywhere in the repository.
   * @default - the whole repository
   */
  readonly scope?: string;
  /** How a path of the repository is shown in findings. @default - joined to the root as given */
  readonly display?: (rel: string) => string;
}

/** A Flux Kustomization whose source is another repository: its path is not read. */
export interface NotCheckedKustomization {
  readonly kustomization: string;
  /** The source it applies, when that is why it is not checked. */
  readonly sourceRef: string;
  /** Why it is not checked: another source, or nothing applies it. */
  readonly reason: string;
  readonly file?: string;
  readonly line?: number;
}

export interface RepositoryReadResult {
  readonly items: SourcedManifest[];
  readonly problems: Diagnostic[];
  readonly notChecked: NotCheckedKustomization[];
  /** Flux Kustomizations built. */
  readonly kustomizations: number;
  readonly files: number;
  /** Charts a bootstrap helmfile of the repository installs before Flux runs (their CRDs exist from the start). */
  readonly installedBeforeFlux: string[];
}

interface FluxKs {
  readonly key: string;
  readonly name: string;
  readonly namespace: string;
  readonly manifest: Manifest;
  readonly file?: string;
  readonly line?: number;
}

function parseSource(source: string): { kind: string; namespace?: string; name: string } {
  const parts = source.split('/');
  if (parts.length === 2 && parts[0] && parts[1]) return { kind: parts[0], name: parts[1] };
  if (parts.length === 3 && parts.every(Boolean)) return { kind: parts[0], namespace: parts[1], name: parts[2] };
  throw new Error(`--source ${source}: expected KIND/NAME or KIND/NAMESPACE/NAME, e.g. GitRepository/flux-system`);
}

function isFluxKustomization(m: Manifest): boolean {
  return m.kind === 'Kustomization' && parseApiVersion(m.apiVersion).group === FLUX_KUSTOMIZE_GROUP;
}

function base64Decode(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  try {
    return Buffer.from(v, 'base64').toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * Kinds the API server knows as cluster-scoped: kustomize's namespace transformer still sets a namespace on the
 * ones it does not know (flux-build.md trap 2), and the API server drops it. The object as the cluster has it.
 */
const CLUSTER_SCOPED = new Set([
  'ClusterSecretStore', 'ClusterExternalSecret', 'ClusterPushSecret', 'ClusterGenerator', 'Namespace', 'ClusterRole',
  'ClusterRoleBinding', 'CustomResourceDefinition', 'PersistentVolume', 'StorageClass', 'PriorityClass',
  'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'APIService',
]);

function clusterScoped(m: Manifest): Manifest {
  if (!CLUSTER_SCOPED.has(String(m.kind)) || m.metadata?.namespace === undefined) return m;
  const { namespace: _dropped, ...metadata } = m.metadata;
  return { ...m, metadata };
}

/**
 * A ConfigMap/Secret generated from a SOPS-encrypted file: kustomize-controller decrypts the file before it
 * generates (flux-build.md §1.5), so the object it applies holds the plaintext keys only, with values that only
 * the cluster knows. The `sops_*` metadata keys do not exist there.
 */
function decryptedLater(m: Manifest): Manifest {
  const decode = (v: unknown) => (typeof v === 'string' ? (m.kind === 'Secret' ? Buffer.from(v, 'base64').toString('utf8') : v) : '');
  const data: Record<string, unknown> = isObject(m.data) ? m.data : {};
  const encrypted = Object.entries(data).some(([k, v]) => k.startsWith('sops_') || isUnknownString(decode(v)));
  if (!encrypted) return m;
  const out: Record<string, string> = {};
  for (const k of Object.keys(data)) if (!k.startsWith('sops_')) out[k] = SOPS_MARKER;
  return { ...m, data: out };
}

const KUSTOMIZATION_FILE = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;

/**
 * YAML files with Kubernetes objects next to a kustomization file that does not reference them: kustomize reads
 * only what the kustomization file lists, so Flux never applies them (flux-build.md trap 9).
 */
function unlistedFiles(
  raw: ReadonlyArray<SourcedManifest & { rel: string }>, repo: RepositoryFiles, inScope: (rel: string) => boolean,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const objectFiles = new Map<string, SourcedManifest>();
  for (const r of raw) {
    if (r.manifest.kind === 'Kustomization' && parseApiVersion(r.manifest.apiVersion).group === 'kustomize.config.k8s.io') continue;
    if (r.manifest.kind === 'Component') continue;
    if (!objectFiles.has(r.rel)) objectFiles.set(r.rel, r);
  }
  // every path any kustomization file references, relative to the repository (a file listed by an ancestor counts)
  const kfiles = [...repo.files.keys()].filter(rel => KUSTOMIZATION_FILE.test(rel));
  const referenced = new Set<string>();
  for (const rel of kfiles) {
    try {
      const dir = path.posix.dirname(rel);
      for (const s of stringLeaves(parseYaml(repo.files.get(rel)!))) referenced.add(path.posix.normalize(path.posix.join(dir, s)));
    } catch {
      // a kustomization file that does not parse fails the build, which reports it
    }
  }
  const byDir = new Map<string, Array<[string, SourcedManifest]>>();
  for (const entry of objectFiles) {
    const dir = path.posix.dirname(entry[0]);
    addTo(byDir, dir, entry);
  }
  for (const rel of kfiles) {
    if (!inScope(rel)) continue;
    for (const [file, first] of byDir.get(path.posix.dirname(rel)) ?? []) {
      if (referenced.has(file)) continue;
      const base = path.posix.basename(file);
      out.push({
        severity: Severity.WARNING,
        ruleId: 'ESO-FLUX-KUSTOMIZATION-FILE',
        object: { kind: 'kustomization.yaml' },
        file: first.file,
        line: first.line,
        field: '',
        message: `${base} holds ${first.manifest.kind} "${first.manifest.metadata?.name ?? ''}" but ${path.posix.basename(rel)} in its folder does not list it: kustomize reads only listed files, so Flux never applies it`,
        fix: `add "- ${base}" to resources in ${rel}, or delete the file`,
      });
    }
  }
  return out;
}

function stringLeaves(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach(x => stringLeaves(x, out));
  else if (isObject(v)) Object.values(v).forEach(x => stringLeaves(x, out));
  return out;
}

const HELMFILE = /(^|\/)(helmfile[^/]*|helmfile(\.d)?\/[^/]+)\.ya?ml(\.gotmpl)?$/;

/**
 * Charts a bootstrap helmfile installs (`flux bootstrap` alone installs no chart; home-ops repositories install
 * cilium, cert-manager, external-secrets… with helmfile before Flux): their CRDs exist before any Kustomization.
 */
function bootstrapCharts(repo: RepositoryFiles): string[] {
  const out = new Set<string>();
  for (const [rel, text] of repo.files) {
    if (!HELMFILE.test(rel)) continue;
    for (const m of text.matchAll(/^\s*(?:-\s+)?chart:\s*["']?([^"'\s#{]+)/gm)) {
      const chart = m[1].split('/').pop()!.split('@')[0];
      if (chart) out.add(chart);
    }
    // releases whose chart comes from a template (`chart: {{ ... }}`) are known by their release name
    if (/^releases:/m.test(text)) {
      for (const m of text.matchAll(/^\s*-\s+name:\s*["']?([A-Za-z0-9._-]+)/gm)) out.add(m[1]);
    }
  }
  return [...out].sort();
}

/** The sync of a flux-operator FluxInstance (also as the values of a `flux-instance` HelmRelease). */
function fluxInstanceSync(m: Manifest): { path: string; kind: string; namespace: string } | undefined {
  const sync = m.kind === 'FluxInstance' && parseApiVersion(m.apiVersion).group === 'fluxcd.controlplane.io' ? m.spec?.sync
    : m.kind === 'HelmRelease' ? m.spec?.values?.instance?.sync : undefined;
  if (!isObject(sync) || typeof sync.path !== 'string') return undefined;
  const kind = sync.kind === 'OCIRepository' || sync.kind === 'Bucket' ? sync.kind : 'GitRepository';
  const namespace = typeof m.metadata?.namespace === 'string' && m.metadata.namespace ? m.metadata.namespace : FLUX_SYSTEM_NAMESPACE;
  return { path: sync.path, kind, namespace };
}

/** Kustomizations that are probably applied by `flux bootstrap` sort first. */
function rootRank(k: { readonly name: string; readonly namespace: string; readonly file?: string }): number {
  const bootstrap = k.name === 'flux-system' && k.namespace === FLUX_SYSTEM_NAMESPACE ? 0 : 1;
  return bootstrap * 1000 + (k.file ?? '').split(/[\\/]/).length;
}

/** Reads the repository at `root` (as given: file names in findings are `root` + path in the repository). */
export function readRepository(root: string, options: RepositoryReadOptions): RepositoryReadResult {
  const repo = readRepositoryFiles(root);
  return readRepositoryFrom(repo, root, options);
}

/** Same as `readRepository`, over files already in memory. */
export function readRepositoryFrom(repo: RepositoryFiles, displayRoot: string, options: RepositoryReadOptions): RepositoryReadResult {
  const source = parseSource(options.source ?? 'GitRepository/flux-system');
  const display = options.display ?? ((rel: string) => (rel ? path.join(displayRoot, ...rel.split('/')) : displayRoot));
  const scope = (options.scope ?? '').replace(/^\.\/?/, '').replace(/\/+$/, '');
  const inScope = (rel: string) => !scope || rel === scope || rel.startsWith(`${scope}/`);
  const problems: Diagnostic[] = [];
  const notChecked: NotCheckedKustomization[] = [];

  // 1. Every YAML document of the repository, file by file: where the Flux Kustomizations are, the
  //    ConfigMaps/Secrets substituteFrom may name, and the line of each object for provenance.
  const all: Array<SourcedManifest & { rel: string }> = [];
  for (const [rel, text] of repo.files) {
    if (!/\.ya?ml$/.test(rel)) continue;
    for (const item of parseManifests(display(rel), text).items) all.push({ ...item, rel });
  }
  // What Flux sees is source-controller's artifact: the repository minus its ignore rules (the source
  // GitRepository's spec.ignore, every .sourceignore, or else the defaults)
  // enough Kustomizations to build siblings side by side: the workers start now, and load while this thread goes on
  if (all.filter(r => isFluxKustomization(r.manifest)).length >= 3) options.engine.startWorkers?.();
  const gitRepository = all.find(r => r.manifest.kind === source.kind && r.manifest.metadata?.name === source.name
    && parseApiVersion(r.manifest.apiVersion).group === 'source.toolkit.fluxcd.io');
  const ignore = typeof gitRepository?.manifest.spec?.ignore === 'string' ? gitRepository.manifest.spec.ignore : undefined;
  const artifact = options.engine.setArtifact({ files: Object.fromEntries(repo.files), ...(ignore !== undefined ? { ignore } : {}) });
  const ignored = new Set(artifact.ignored);
  const unrepresentable = new Set(artifact.unrepresentable);
  const raw = all.filter(r => !ignored.has(r.rel));
  const lines = new Map<string, number>();
  for (const r of raw) {
    const k = `${r.rel}|${r.manifest.kind}|${r.manifest.metadata?.name}`;
    if (!lines.has(k)) lines.set(k, r.line ?? 1);
    if (!lines.has(`${r.rel}|${r.manifest.kind}|`)) lines.set(`${r.rel}|${r.manifest.kind}|`, r.line ?? 1);
  }
  const lineOf = (rel: string, m: Manifest) => lines.get(`${rel}|${m.kind}|${m.metadata?.name}`) ?? lines.get(`${rel}|${m.kind}|`);

  const ksOf = (m: Manifest, file?: string, line?: number): FluxKs => {
    const namespace = typeof m.metadata?.namespace === 'string' && m.metadata.namespace ? m.metadata.namespace : FLUX_SYSTEM_NAMESPACE;
    const name = String(m.metadata?.name ?? '');
    return { key: `${namespace}/${name}`, name, namespace, manifest: m, file, line };
  };
  const rawKs = raw.filter(r => isFluxKustomization(r.manifest) && inScope(r.rel)).map(r => ksOf(r.manifest, r.file, r.line));
  // flux-operator: a FluxInstance (or the flux-instance chart's values) makes the root Kustomization flux-system
  for (const r of raw) {
    if (!inScope(r.rel)) continue;
    const sync = fluxInstanceSync(r.manifest);
    if (!sync || rawKs.some(k => k.key === `${sync.namespace}/flux-system`)) continue;
    rawKs.push(ksOf({
      apiVersion: `${FLUX_KUSTOMIZE_GROUP}/v1`,
      kind: 'Kustomization',
      metadata: { name: 'flux-system', namespace: sync.namespace },
      spec: { path: sync.path, prune: true, interval: '10m', sourceRef: { kind: sync.kind, name: 'flux-system' } },
    }, r.file, r.line));
  }

  // substituteFrom reads objects in the cluster: the ones a Kustomization of this repository applies (found by
  // the dry traversal, before anything is reported); a file no Kustomization applies is not in the cluster
  // because of this repository, so its values are unknown (bootstrap may have made it)
  const built: Manifest[] = [];
  const findSource = (kind: string, name: string, namespace: string): Manifest | undefined =>
    built.find(m => m.kind === kind && m.metadata?.name === name && (m.metadata?.namespace ?? namespace) === namespace);

  const variablesOf = (ks: FluxKs): { variables: Record<string, string>; unknownSources: boolean; strategy?: string } | undefined => {
    const postBuild = ks.manifest.spec?.postBuild;
    if (!isObject(postBuild)) return undefined;
    const variables: Record<string, string> = {};
    let unknownSources = false;
    for (const ref of Array.isArray(postBuild.substituteFrom) ? postBuild.substituteFrom : []) {
      if (!isObject(ref) || typeof ref.name !== 'string') continue;
      const obj = findSource(String(ref.kind ?? ''), ref.name, ks.namespace);
      // not in the repository: the cluster may have it (made by hand, by another tool, or a SOPS-decrypted Secret)
      if (!obj) {
        unknownSources = true;
        continue;
      }
      const data: Record<string, unknown> = isObject(obj.data) ? obj.data : {};
      for (const [k, v] of Object.entries(data)) {
        const value = ref.kind === 'Secret' ? (isUnknownString(String(v)) ? undefined : base64Decode(v)) : typeof v === 'string' ? v : String(v);
        if (value === undefined || isUnknownString(value)) unknownSources = true;
        else variables[k] = value;
      }
      if (ref.kind === 'Secret' && isObject(obj.stringData)) {
        for (const [k, v] of Object.entries(obj.stringData)) {
          if (typeof v === 'string' && !isUnknownString(v)) variables[k] = v;
          else unknownSources = true;
        }
      }
    }
    if (isObject(postBuild.substitute)) {
      for (const [k, v] of Object.entries(postBuild.substitute)) variables[k] = String(v);
    }
    return { variables, unknownSources, strategy: typeof postBuild.substituteStrategy === 'string' ? postBuild.substituteStrategy : undefined };
  };

  const sourceMatches = (ks: FluxKs): boolean => {
    const ref = ks.manifest.spec?.sourceRef;
    if (!isObject(ref)) return false;
    const ns = typeof ref.namespace === 'string' && ref.namespace ? ref.namespace : ks.namespace;
    return ref.kind === source.kind && ref.name === source.name && (source.namespace === undefined || ns === source.namespace);
  };

  interface Built { readonly objects: SourcedManifest[]; readonly children: FluxKs[]; readonly error?: string; readonly specPath: string }
  const cache = new Map<string, Built>();
  // builds of siblings made side by side (buildMany) before the traversal reaches them, by cache key
  const prefetched = new Map<string, FluxBuildResponse>();
  const requestOf = (ks: FluxKs): { cacheKey: string; specPath: string; request: FluxBuildRequest } => {
    const spec = isObject(ks.manifest.spec) ? ks.manifest.spec : {};
    const substitution = variablesOf(ks);
    const specPath = typeof spec.path === 'string' ? spec.path : '';
    return {
      cacheKey: JSON.stringify([ks.key, spec, substitution ?? null]),
      specPath,
      request: { path: specPath, spec: spec as FluxBuildSpec, name: ks.name, namespace: ks.namespace, ...(substitution ? { substitution } : {}) },
    };
  };
  const prefetch = (siblings: FluxKs[]) => {
    if (!options.engine.buildMany) return;
    const wanted = new Map<string, FluxBuildRequest>();
    for (const ks of siblings) {
      const { cacheKey, request } = requestOf(ks);
      if (!cache.has(cacheKey) && !prefetched.has(cacheKey)) wanted.set(cacheKey, request);
    }
    if (wanted.size < 2) return;
    const results = options.engine.buildMany([...wanted.values()]);
    [...wanted.keys()].forEach((key, i) => prefetched.set(key, results[i]));
  };
  const build = (ks: FluxKs): Built => {
    const { cacheKey, specPath, request } = requestOf(ks);
    const hit = cache.get(cacheKey);
    if (hit) return hit;
    // (a sibling's substituteFrom may name an object built since it was prefetched: then the key differs)
    const result = prefetched.get(cacheKey) ?? options.engine.build(request);
    prefetched.delete(cacheKey);
    const objects: SourcedManifest[] = [];
    const children: FluxKs[] = [];
    if (!result.error) {
      for (const o of result.objects) {
        const m = o.generated ? decryptedLater(o.object as Manifest) : clusterScoped(o.object as Manifest);
        const rel = o.originPath.replace(/^\.\//, '');
        const file = rel ? display(rel) : ks.file;
        const line = rel ? lineOf(rel, m) : ks.line;
        objects.push({ manifest: m, file, line, appliedBy: ks.key });
        if (isFluxKustomization(m)) children.push(ksOf(m, file, line));
      }
    }
    const out = { objects, children, error: result.error, specPath };
    cache.set(cacheKey, out);
    return out;
  };
  const reportError = (ks: FluxKs, b: Built) => {
    if (!b.error) return;
    // a file whose name the offline engine cannot hold (kustomize's in-memory filesystem): not a finding
    const odd = [...unrepresentable].find(f => b.error!.includes(path.posix.basename(f)) || b.error!.includes(path.posix.dirname(f)));
    if (odd) {
      problems.push({
        severity: Severity.WARNING,
        ruleId: 'ESO-FLUX-BUILD',
        object: { apiVersion: ks.manifest.apiVersion, kind: 'Kustomization', namespace: ks.namespace, name: ks.name },
        file: ks.file,
        line: ks.line,
        field: 'spec.path',
        message: `not checked: the build reads ${odd}, a file name the offline build engine cannot hold (only letters, digits, "-", "_", ".", ":")`,
        fix: 'rename the file, or check this Kustomization with flux build kustomization',
      });
      return;
    }
    problems.push({
      severity: Severity.ERROR,
      ruleId: 'ESO-FLUX-BUILD',
      object: { apiVersion: ks.manifest.apiVersion, kind: 'Kustomization', namespace: ks.namespace, name: ks.name },
      file: ks.file,
      line: ks.line,
      field: 'spec.path',
      message: `Flux cannot build path "${b.specPath || './'}": ${b.error}`,
      fix: /variable not set \(strict mode\)|variable substitution failed/.test(b.error)
        ? 'define the variable (postBuild.substitute or substituteFrom) or give it a default (${VAR:=value}); if it is meant for another tool '
          + '(a Grafana dashboard, a shell script) escape it as $${VAR} or annotate the object kustomize.toolkit.fluxcd.io/substitute: disabled '
          + '(Flux >= 2.9 substitutes in strict mode: nothing of this Kustomization is applied until then)'
        : 'fix the files under that path (kustomize build must succeed), or the Kustomization\'s spec; Flux applies nothing of this Kustomization until then',
    });
  };

  // 2. Which Kustomizations of the repository are applied by another one: a dry traversal (builds are cached).
  //    A Kustomization applied by a parent is taken as the parent's build writes it (namespace, patches and
  //    substitution applied). Likely roots (flux-system, short paths) go first.
  const identity = (k: FluxKs) => `${k.file}:${k.line}:${k.name}`;
  const ordered = [...rawKs].sort((x, y) => rootRank(x) - rootRank(y));
  const items: SourcedManifest[] = [];
  let kustomizations = 0;
  const traverse = (roots: FluxKs[], record: boolean): Set<string> => {
    const produced = new Set<string>();
    const done = new Set<string>();
    const visit = (ks: FluxKs) => {
      if (done.has(ks.key)) return;
      done.add(ks.key);
      done.add(identity(ks));
      if (!sourceMatches(ks)) {
        if (record) {
          const ref = ks.manifest.spec?.sourceRef;
          const sourceRef = isObject(ref) ? `${ref.kind}/${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}` : '(none)';
          notChecked.push({ kustomization: ks.key, sourceRef, reason: `it applies ${sourceRef}, not this repository (use --source to choose it)`, file: ks.file, line: ks.line });
        }
        return;
      }
      const b = build(ks);
      if (record) {
        kustomizations++;
        reportError(ks, b);
        items.push(...b.objects);
      }
      built.push(...b.objects.map(o => o.manifest));
      prefetch(b.children.filter(c => c.key !== ks.key && !done.has(c.key) && sourceMatches(c)));
      for (const child of b.children) {
        if (identity(child) !== identity(ks)) produced.add(identity(child));
        if (child.key !== ks.key) visit(child);
      }
    };
    for (const ks of roots) {
      if (done.has(identity(ks))) continue;
      // a root is applied by something outside what was read (flux bootstrap, or a parent in another folder)
      if (record && !build(ks).children.some(c => identity(c) === identity(ks))) items.push({ manifest: ks.manifest, file: ks.file, line: ks.line });
      visit(ks);
    }
    return produced;
  };
  const produced = traverse(ordered, false);
  let roots = ordered.filter(ks => !produced.has(identity(ks)));
  // With the bootstrap Kustomization in what was read (flux bootstrap's or flux-operator's flux-system), only
  // what it reaches is applied: another Kustomization no one applies is a file Flux never reconciles
  const bootstrap = roots.filter(ks => ks.name === 'flux-system' && ks.namespace === FLUX_SYSTEM_NAMESPACE);
  if (bootstrap.length) {
    for (const ks of roots) {
      if (bootstrap.includes(ks)) continue;
      notChecked.push({ kustomization: ks.key, sourceRef: '', reason: 'no Kustomization applies it (flux-system does not reach it)', file: ks.file, line: ks.line });
    }
    roots = bootstrap;
  }
  // (a cycle of Kustomizations applying each other has no root: start from the first of them)
  traverse(roots.length ? roots : ordered.slice(0, 1), true);
  cache.clear();
  prefetched.clear();

  // 4. No Flux Kustomization at all: a kustomize tree; build each top-level kustomization folder.
  if (rawKs.length === 0) {
    const dirs = [...repo.files.keys()].filter(p => /(^|\/)(kustomization\.ya?ml|Kustomization)$/.test(p)).map(p => path.posix.dirname(p));
    const top = dirs.filter(d => !dirs.some(o => o !== d && (o === '.' || d.startsWith(`${o}/`))));
    for (const d of top.sort()) {
      const pseudo = ksOf({ apiVersion: `${FLUX_KUSTOMIZE_GROUP}/v1`, kind: 'Kustomization', metadata: { name: d === '.' ? 'root' : d, namespace: FLUX_SYSTEM_NAMESPACE }, spec: { path: d } });
      kustomizations++;
      const b = build({ ...pseudo, file: display(d) });
      items.push(...b.objects.map(o => ({ ...o, appliedBy: undefined })));
    }
  }
  problems.push(...unlistedFiles(raw, repo, rel => inScope(rel) && !ignored.has(rel)));
  return { items, problems, notChecked, kustomizations, files: repo.files.size - ignored.size, installedBeforeFlux: bootstrapCharts(repo) };
}
