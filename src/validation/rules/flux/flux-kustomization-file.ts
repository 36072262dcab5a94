import * as path from 'path';
import { KustomizeFile, absPosix, fluxModel, isKustomizeFile } from '../../../model/flux';
import { addTo } from '../../../model/multimap';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

const REMOTE = /^[a-z][a-z0-9+.-]*:\/\/|^(github\.com|gitlab\.com|bitbucket\.org)\//i;

/**
 * P47: with a kustomization.yaml, Flux applies only what `resources:` lists. A manifest file next to it that
 * is not listed is silently never applied; a listed file that holds no object breaks the build.
 */
export const fluxKustomizationFileRule: Rule = {
  id: 'ESO-FLUX-KUSTOMIZATION-FILE',
  severity: Severity.WARNING,
  pitfalls: ['P47'],
  description: 'kustomization.yaml must list every manifest file of its folder (unlisted files are never applied) and only files that exist',
  example: 'apps/kustomization.yaml lists db.yaml but not web.yaml',
  checkApp(ctx) {
    const model = fluxModel(ctx);
    if (!model.kustomizeFiles.size) return [];
    const out: Finding[] = [];
    const nearest = (dir: string): KustomizeFile | undefined => {
      for (let d = dir; ; d = path.posix.dirname(d)) {
        const f = model.kustomizeFiles.get(d);
        if (f) return f;
        if (d === path.posix.dirname(d)) return undefined;
      }
    };
    const listedBy = (k: KustomizeFile, rel: string) => k.resources.some(r => r === rel || rel.startsWith(r + '/'));

    // Every file with objects, and every nested kustomization folder, must be listed by the nearest kustomization.yaml above it.
    const files = new Map<string, string>(); // abs → as given
    for (const item of ctx.index.items) {
      if (item.file && !isKustomizeFile(item.manifest)) files.set(absPosix(item.file), item.file);
    }
    const unlisted = new Map<KustomizeFile, string[]>();
    for (const [abs] of files) {
      const k = nearest(path.posix.dirname(abs));
      if (k && !listedBy(k, path.posix.relative(k.dir, abs))) addTo(unlisted, k, path.posix.relative(k.dir, abs));
    }
    // A folder that a Flux Kustomization applies directly needs no parent listing it.
    const appliedDirectly = (dir: string) => model.kustomizations.some(ks => ks.path && (dir === '/' + ks.path || dir.endsWith('/' + ks.path)));
    for (const k of model.kustomizeFiles.values()) {
      if (appliedDirectly(k.dir)) continue;
      const parent = k.dir === path.posix.dirname(k.dir) ? undefined : nearest(path.posix.dirname(k.dir));
      if (parent && !listedBy(parent, path.posix.relative(parent.dir, k.dir))) {
        addTo(unlisted, parent, path.posix.relative(parent.dir, k.dir) + '/');
      }
    }
    for (const [k, rels] of unlisted) {
      const sorted = [...rels].sort();
      out.push(finding('resources',
        `${k.file} does not list ${sorted.map(r => `"${r}"`).join(', ')}: Flux applies only the listed resources, so ${sorted.length === 1 ? 'it is' : 'they are'} never applied`,
        `add ${sorted.map(r => `"${r.replace(/\/$/, '')}"`).join(', ')} to resources (or delete the file${sorted.length === 1 ? '' : 's'})`,
        { target: k.manifest }));
    }

    // Every local entry of resources must exist in the input (a file with objects, or a folder with files).
    const dirsWithFiles = new Set<string>();
    for (const abs of files.keys()) {
      for (let d = path.posix.dirname(abs); d !== path.posix.dirname(d); d = path.posix.dirname(d)) dirsWithFiles.add(d);
    }
    for (const d of model.kustomizeFiles.keys()) dirsWithFiles.add(d);
    const nonManifestFiles = new Set((ctx.nonManifests ?? []).map(d => absPosix(d.file)));
    for (const k of model.kustomizeFiles.values()) {
      k.resources.forEach((r, i) => {
        if (!r || REMOTE.test(r) || /[*?[]/.test(r)) return;
        const target = path.posix.normalize(path.posix.join(k.dir, r));
        if (files.has(target) || dirsWithFiles.has(target) || nonManifestFiles.has(target)) return; // non-K8s: ESO-FLUX-NON-K8S-YAML
        out.push(finding(`resources[${i}]`,
          `${k.file} lists "${r}", which holds no Kubernetes object in the files given (missing or empty): kustomize build fails`,
          `remove "${r}" from resources, or add the file`,
          { target: k.manifest, severity: Severity.ERROR }));
      });
    }
    return out;
  },
};
