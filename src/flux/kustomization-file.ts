import * as fs from 'fs';
import * as path from 'path';
import { GENERATED_MARKER, KUSTOMIZE_CONFIG_API_VERSION } from '../model/flux-api';
import { renderYaml } from '../synth/yaml-render';

/**
 * kustomize's `kustomization.yaml` (`kustomize.config.k8s.io/v1beta1`). With one, Flux applies only the
 * listed resources, so a generated folder must list every file (FluxLayout does; use `writeFor` for
 * folders written by plain `app.synth()`).
 */
export class KustomizationFile {
  /** The content of a kustomization.yaml listing `resources` (sorted), with the generated-file marker. */
  public static render(resources: string[]): string {
    const manifest = { apiVersion: KUSTOMIZE_CONFIG_API_VERSION, kind: 'Kustomization', resources: [...resources].sort() };
    return `${GENERATED_MARKER}\n${renderYaml(manifest)}`;
  }

  /**
   * Writes `<directory>/kustomization.yaml` listing every `.yaml`/`.yml` file of the folder and every
   * sub-folder that has its own kustomization.yaml. Returns the listed resources.
   */
  public static writeFor(directory: string): string[] {
    const resources: string[] = [];
    for (const entry of fs.readdirSync(directory).sort()) {
      if (entry === 'kustomization.yaml' || entry.startsWith('.')) continue;
      const full = path.join(directory, entry);
      if (fs.statSync(full).isDirectory()) {
        if (fs.existsSync(path.join(full, 'kustomization.yaml'))) resources.push(entry);
      } else if (/\.ya?ml$/i.test(entry)) {
        resources.push(entry);
      }
    }
    fs.writeFileSync(path.join(directory, 'kustomization.yaml'), KustomizationFile.render(resources), 'utf8');
    return resources.sort();
  }

  private constructor() {}
}
