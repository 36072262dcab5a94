import * as path from 'path';
import { FLUX_HELM_GROUP, FLUX_KUSTOMIZE_GROUP, FLUX_SYSTEM_NAMESPACE, KUSTOMIZE_CONFIG_GROUP } from './flux-api';
import { isObject } from './json';
import { Manifest, parseApiVersion } from './manifest';
import { ManifestIndex } from './manifest-index';
import { addTo } from './multimap';

/**
 * The Flux view of the input, built once per validation run (ManifestIndex.memo) and shared by the Flux
 * rules: which Flux Kustomization applies which object, and the dependsOn graph.
 *
 * Objects are mapped to Kustomizations by file: a Kustomization with `spec.path: ./dist/apps` applies the
 * files in (and below) a folder whose absolute path ends with `dist/apps` (the repository root is not
 * known, so the longest matching suffix wins; the nearest folder first). At synth, FluxLayout validates
 * the files it is about to write, so the same mapping holds; plain `app.synth()` has no files and the
 * layer rules stay silent.
 */
export interface FluxKs {
  readonly manifest: Manifest;
  /** `namespace/name`. */
  readonly key: string;
  readonly name: string;
  readonly namespace: string;
  /** `spec.path` without `./` and trailing `/` ('' = source root). */
  readonly path: string;
  readonly spec: any;
  /** Keys of the `dependsOn` targets (namespace defaulted to the Kustomization's). */
  readonly dependsOn: string[];
  readonly wait: boolean;
}

/** A `kustomization.yaml` (kustomize.config.k8s.io) of the input. */
export interface KustomizeFile {
  readonly manifest: Manifest;
  /** The file, as given. */
  readonly file: string;
  /** Absolute POSIX folder of the file. */
  readonly dir: string;
  /** `resources:` entries, normalized (no `./`, no trailing `/`). */
  readonly resources: string[];
}

/** An operator whose CRDs other objects need. */
export interface CrdFamily {
  readonly name: string;
  readonly groups: readonly string[];
  /** Helm chart that installs the CRDs and the controller (and webhook). */
  readonly chart: string;
}

export const CRD_FAMILIES: readonly CrdFamily[] = [
  { name: 'External Secrets Operator', groups: ['external-secrets.io', 'generators.external-secrets.io'], chart: 'external-secrets' },
  { name: 'vault-config-operator', groups: ['redhatcop.redhat.io'], chart: 'vault-config-operator' },
];

export function familyOfGroup(group: string): CrdFamily | undefined {
  return CRD_FAMILIES.find(f => f.groups.includes(group));
}

export interface FluxModel {
  readonly kustomizations: FluxKs[];
  readonly byKey: Map<string, FluxKs>;
  /** Absolute folder → kustomization.yaml. */
  readonly kustomizeFiles: Map<string, KustomizeFile>;
  /** The Flux Kustomization that applies a file (absolute or relative path). */
  layerOfFile(file: string): FluxKs | undefined;
  /** The Flux Kustomization that applies an object of the input. */
  layerOf(m: Manifest): FluxKs | undefined;
  /** Objects applied by a Flux Kustomization. */
  members(k: FluxKs): Manifest[];
  /** True when `from` depends on `to`, directly or transitively. */
  reaches(from: FluxKs, to: FluxKs): boolean;
  /** HelmReleases / CRDs that install a family's CRDs, with the Kustomization applying them. */
  installers(family: CrdFamily): { manifest: Manifest; layer?: FluxKs }[];
}

export function isFluxKustomization(m: Manifest): boolean {
  return m.kind === 'Kustomization' && parseApiVersion(m.apiVersion).group === FLUX_KUSTOMIZE_GROUP;
}

export function isKustomizeFile(m: Manifest): boolean {
  return m.kind === 'Kustomization' && parseApiVersion(m.apiVersion).group === KUSTOMIZE_CONFIG_GROUP;
}

export function isHelmRelease(m: Manifest): boolean {
  return m.kind === 'HelmRelease' && parseApiVersion(m.apiVersion).group === FLUX_HELM_GROUP;
}

/** Name of the chart a HelmRelease installs (chart template, OCI URL or chartRef name). */
export function helmChartName(m: Manifest): string | undefined {
  const spec = m.spec?.chart?.spec;
  if (spec && typeof spec.chart === 'string') return spec.chart.split('/').pop();
  if (spec && typeof spec.url === 'string') return spec.url.replace(/\/+$/, '').split('/').pop();
  if (typeof m.spec?.chartRef?.name === 'string') return m.spec.chartRef.name;
  return undefined;
}

/** `Kind ns/name` of a Flux Kustomization, as printed in messages. */
export function ksLabel(k: FluxKs): string {
  return `Kustomization ${k.key}`;
}

/** `Kind ns/name` of any object. */
export function objectLabel(m: Manifest): string {
  const ns = m.metadata?.namespace;
  return `${m.kind} ${ns ? `${ns}/` : ''}${m.metadata?.name ?? '<unnamed>'}`;
}

export function absPosix(file: string): string {
  return path.resolve(file).split(path.sep).join('/');
}

export function normalizeRel(p: string): string {
  return p.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '').replace(/^\.$/, '');
}

function build(ctx: { readonly index: ManifestIndex }): FluxModel {
  const items = ctx.index.items;
  const kustomizations: FluxKs[] = [];
  const byKey = new Map<string, FluxKs>();
  const byPath = new Map<string, FluxKs>();
  const kustomizeFiles = new Map<string, KustomizeFile>();

  for (const item of items) {
    const m = item.manifest;
    if (isFluxKustomization(m)) {
      const spec = isObject(m.spec) ? m.spec : {};
      const namespace = typeof m.metadata?.namespace === 'string' ? m.metadata.namespace : FLUX_SYSTEM_NAMESPACE;
      const name = String(m.metadata?.name ?? '');
      const key = `${namespace}/${name}`;
      const deps = Array.isArray(spec.dependsOn) ? spec.dependsOn : [];
      const k: FluxKs = {
        manifest: m,
        key,
        name,
        namespace,
        path: normalizeRel(typeof spec.path === 'string' ? spec.path : ''),
        spec,
        dependsOn: deps.filter(isObject).map((d: any) => `${typeof d.namespace === 'string' ? d.namespace : namespace}/${d.name}`),
        wait: spec.wait === true,
      };
      kustomizations.push(k);
      if (!byKey.has(key)) byKey.set(key, k);
      if (!byPath.has(k.path)) byPath.set(k.path, k);
    } else if (isKustomizeFile(m) && item.file) {
      const res = Array.isArray((m as any).resources) ? (m as any).resources : [];
      kustomizeFiles.set(path.posix.dirname(absPosix(item.file)), {
        manifest: m,
        file: item.file,
        dir: path.posix.dirname(absPosix(item.file)),
        resources: res.filter((r: unknown) => typeof r === 'string').map(normalizeRel),
      });
    }
  }

  const dirCache = new Map<string, FluxKs | undefined>();
  const root = byPath.get('');
  const layerOfDir = (dir: string): FluxKs | undefined => {
    if (dirCache.has(dir)) return dirCache.get(dir);
    const segs = dir.split('/').filter(Boolean);
    let found: FluxKs | undefined;
    for (let i = segs.length; i > 0 && !found; i--) {
      for (let j = 0; j < i && !found; j++) found = byPath.get(segs.slice(j, i).join('/'));
    }
    found = found ?? root;
    dirCache.set(dir, found);
    return found;
  };
  const layerOfFile = (file: string) => (byPath.size ? layerOfDir(path.posix.dirname(absPosix(file))) : undefined);

  const layerByManifest = new Map<Manifest, FluxKs>();
  const membersByKs = new Map<FluxKs, Manifest[]>();
  for (const item of items) {
    const k = item.appliedBy !== undefined ? byKey.get(item.appliedBy) : item.file ? layerOfFile(item.file) : undefined;
    if (!k) continue;
    layerByManifest.set(item.manifest, k);
    addTo(membersByKs, k, item.manifest);
  }

  const reach = new Map<FluxKs, Set<string>>();
  const reachable = (from: FluxKs): Set<string> => {
    let set = reach.get(from);
    if (set) return set;
    set = new Set<string>();
    const stack = [...from.dependsOn];
    while (stack.length) {
      const key = stack.pop()!;
      if (set.has(key)) continue;
      set.add(key);
      const next = byKey.get(key);
      if (next) stack.push(...next.dependsOn);
    }
    reach.set(from, set);
    return set;
  };

  const installerCache = new Map<CrdFamily, { manifest: Manifest; layer?: FluxKs }[]>();
  const installers = (family: CrdFamily) => {
    let list = installerCache.get(family);
    if (list) return list;
    list = [];
    for (const hr of ctx.index.ofKind('HelmRelease', FLUX_HELM_GROUP)) {
      if (helmChartName(hr) === family.chart) list.push({ manifest: hr, layer: layerByManifest.get(hr) });
    }
    for (const crd of ctx.index.ofKind('CustomResourceDefinition', 'apiextensions.k8s.io')) {
      if (family.groups.includes(crd.spec?.group)) list.push({ manifest: crd, layer: layerByManifest.get(crd) });
    }
    installerCache.set(family, list);
    return list;
  };

  return {
    kustomizations,
    byKey,
    kustomizeFiles,
    layerOfFile,
    layerOf: m => layerByManifest.get(m),
    members: k => membersByKs.get(k) ?? [],
    reaches: (from, to) => reachable(from).has(to.key),
    installers,
  };
}

/** The Flux model of this validation run (built once). */
export function fluxModel(ctx: { readonly index: ManifestIndex }): FluxModel {
  return ctx.index.memo('flux-model', () => build(ctx));
}
