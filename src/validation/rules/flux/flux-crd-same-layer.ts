import { CRD_FAMILIES, fluxModel, isHelmRelease, ksLabel, objectLabel } from '../../../model/flux';
import { parseApiVersion } from '../../../model/manifest';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * P43: Flux stages CRDs that are plain objects of a Kustomization before the rest, but CRDs a HelmRelease
 * installs appear only after helm-controller ran. An ESO object next to the ESO HelmRelease fails the
 * server-side dry-run of the whole Kustomization ("no matches for kind").
 */
export const fluxCrdSameLayerRule: Rule = {
  id: 'ESO-FLUX-CRD-SAME-LAYER',
  severity: Severity.ERROR,
  pitfalls: ['P43'],
  description: 'an object whose CRD a HelmRelease installs must not be in the same Flux Kustomization as that HelmRelease',
  example: 'controllers/: HelmRelease external-secrets + ClusterSecretStore vault',
  checkApp(ctx) {
    const model = fluxModel(ctx);
    const out: Finding[] = [];
    for (const family of CRD_FAMILIES) {
      for (const inst of model.installers(family)) {
        if (!inst.layer || !isHelmRelease(inst.manifest)) continue;
        for (const m of model.members(inst.layer)) {
          if (!family.groups.includes(parseApiVersion(m.apiVersion).group)) continue;
          out.push(finding('',
            `${objectLabel(m)} is applied by ${ksLabel(inst.layer)}, the same Kustomization as ${objectLabel(inst.manifest)} that installs its CRD: ` +
            `Flux's dry-run of the layer fails with "no matches for kind ${m.kind}" before the chart is installed`,
            `move ${objectLabel(m)} to a layer that dependsOn ${inst.layer.name} (e.g. FluxLayout's configs or apps layer)`,
            { target: m }));
        }
      }
    }
    return out;
  },
};
