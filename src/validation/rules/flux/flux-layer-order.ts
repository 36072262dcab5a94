import { CRD_FAMILIES, FluxKs, fluxModel, ksLabel, objectLabel } from '../../../model/flux';
import { parseApiVersion } from '../../../model/manifest';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * P43: Flux applies CRDs first only within one Kustomization. A layer with ESO (or vault-config-operator)
 * objects must depend, directly or transitively, on the layer whose HelmRelease/CRDs install them, and that
 * layer must wait (`wait: true` or `healthChecks`), or the first reconcile fails with
 * `no matches for kind "ExternalSecret"` / the webhook's `connection refused`.
 */
export const fluxLayerOrderRule: Rule = {
  id: 'ESO-FLUX-LAYER-ORDER',
  severity: Severity.ERROR,
  pitfalls: ['P43'],
  description: 'a Flux Kustomization applying ESO / vault-config-operator objects must dependsOn (transitively) the Kustomization that installs their CRDs, and that one must wait',
  example: 'Kustomization apps (ExternalSecrets) without dependsOn: [{name: controllers}]',
  checkApp(ctx) {
    const model = fluxModel(ctx);
    if (!model.kustomizations.length) return [];
    const out: Finding[] = [];
    const reportedUngated = new Set<FluxKs>();
    for (const family of CRD_FAMILIES) {
      // a bootstrap (helmfile) installs the chart, and its CRDs, before Flux applies anything
      if (ctx.installedBeforeFlux?.includes(family.chart)) continue;
      const installerLayers = [...new Set(model.installers(family).map(i => i.layer).filter((l): l is FluxKs => !!l))];
      if (!installerLayers.length) continue; // installed outside this output: nothing to check against
      for (const k of model.kustomizations) {
        if (installerLayers.includes(k)) continue; // same layer: ESO-FLUX-CRD-SAME-LAYER
        const users = model.members(k).filter(m => family.groups.includes(parseApiVersion(m.apiVersion).group));
        if (!users.length) continue;
        const example = `${objectLabel(users[0])}${users.length > 1 ? ` and ${users.length - 1} more` : ''}`;
        const gating = installerLayers.filter(i => model.reaches(k, i));
        if (!gating.length) {
          const names = installerLayers.map(i => i.name);
          // an app of this library knows how its CRDs get installed (an error); in a repository they may be
          // installed before Flux runs (a bootstrap helmfile), which the files do not show: a warning
          const ours = ctx.index.source(k.manifest)?.constructPath !== undefined;
          out.push(finding('spec.dependsOn',
            `${ksLabel(k)} applies ${family.name} objects (${example}) but does not depend on ${installerLayers.map(ksLabel).join(' / ')}, ` +
            `which installs their CRDs: on a new cluster the first reconcile fails with "no matches for kind ${users[0].kind}"` +
            (ours ? '' : ' and is retried until the CRDs exist, unless they are installed before Flux (bootstrap)'),
            `add dependsOn: [{name: ${names[0]}}] to Kustomization ${k.name} (or to a Kustomization it depends on)`,
            { target: k.manifest, ...(ours ? {} : { severity: Severity.WARNING }) }));
          continue;
        }
        for (const i of gating) {
          if (waits(i) || reportedUngated.has(i)) continue;
          reportedUngated.add(i);
          const ours = ctx.index.source(i.manifest)?.constructPath !== undefined;
          out.push(finding('spec.wait',
            `${ksLabel(i)} installs the ${family.name} CRDs and ${ksLabel(k)} depends on it, but it neither waits nor health-checks: ` +
            'it turns Ready as soon as the HelmRelease object is applied, before the CRDs and the webhook exist' +
            (ours ? '' : ' (on a new cluster the dependent\'s first reconcile fails and is retried, unless the CRDs are installed before Flux)'),
            `set wait: true on Kustomization ${i.name} (or list the HelmRelease in its healthChecks)`,
            { target: i.manifest, ...(ours ? {} : { severity: Severity.WARNING }) }));
        }
      }
    }
    return out;
  },
};

function waits(k: FluxKs): boolean {
  return k.wait || (Array.isArray(k.spec.healthChecks) && k.spec.healthChecks.length > 0);
}

