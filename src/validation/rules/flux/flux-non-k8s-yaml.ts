import * as path from 'path';
import { absPosix, fluxModel, ksLabel } from '../../../model/flux';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * P47: without a kustomization.yaml Flux generates one from every .yaml/.yml under `spec.path`, and a
 * document that is not a Kubernetes object fails the build ("failed to decode Kubernetes YAML"); with one,
 * a listed non-Kubernetes file fails it too. The CLI passes such documents as `nonManifests`.
 */
export const fluxNonKubernetesYamlRule: Rule = {
  id: 'ESO-FLUX-NON-K8S-YAML',
  severity: Severity.ERROR,
  pitfalls: ['P47'],
  description: 'a YAML document without apiVersion/kind inside a folder a Flux Kustomization applies breaks its build',
  example: 'dist/apps/values.yaml (Helm values) next to the manifests of layer apps',
  checkApp(ctx) {
    const docs = ctx.nonManifests ?? [];
    if (!docs.length) return [];
    const model = fluxModel(ctx);
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const doc of docs) {
      const abs = absPosix(doc.file);
      if (seen.has(abs)) continue;
      seen.add(abs);
      const dir = path.posix.dirname(abs);
      const kfile = nearestKustomizeFile(model.kustomizeFiles, dir);
      if (kfile) {
        // With a kustomization.yaml only listed files are built; an unlisted stray file is harmless.
        const rel = path.posix.relative(kfile.dir, abs);
        const listed = kfile.resources.some(r => r === rel || rel.startsWith(r + '/'));
        if (!listed) continue;
        out.push(finding('resources',
          `${doc.file}${doc.line ? `:${doc.line}` : ''} is listed in ${kfile.file} but is not Kubernetes YAML (no apiVersion/kind): ` +
          'kustomize build fails',
          `remove "${rel}" from resources and move the file out of the folder`,
          { target: kfile.manifest }));
        continue;
      }
      const layer = model.layerOfFile(doc.file);
      if (!layer) continue;
      out.push(finding('spec.path',
        `${doc.file}${doc.line ? `:${doc.line}` : ''} is not Kubernetes YAML (no apiVersion/kind) but lies under path ./${layer.path} of ${ksLabel(layer)}: ` +
        'Flux builds every .yaml there and fails with "failed to decode Kubernetes YAML"',
        'move the file out of the layer folder, or exclude it with .sourceignore / a kustomization.yaml that lists only manifests',
        { target: layer.manifest }));
    }
    return out;
  },
};

function nearestKustomizeFile<T extends { dir: string }>(files: Map<string, T>, dir: string): T | undefined {
  for (let d = dir; ; d = path.posix.dirname(d)) {
    const f = files.get(d);
    if (f) return f;
    if (d === path.posix.dirname(d)) return undefined;
  }
}
