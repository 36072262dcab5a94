import { CRD_FAMILIES, fluxModel, isHelmRelease, objectLabel } from '../../../model/flux';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * P51: the ESO chart installs its CRDs unless `installCRDs: false` (the ESO Flux guide's `crds.create: false`
 * is not a value of the chart). When the CRDs are also applied as plain manifests, Helm and Flux both own them.
 */
export const fluxHelmCrdsRule: Rule = {
  id: 'ESO-FLUX-HELM-CRDS',
  severity: Severity.WARNING,
  pitfalls: ['P51'],
  description: 'ESO CRDs applied as manifests and also installed by the external-secrets HelmRelease (installCRDs defaults to true)',
  example: 'CustomResourceDefinition externalsecrets.external-secrets.io + HelmRelease external-secrets without values.installCRDs: false',
  checkApp(ctx) {
    const model = fluxModel(ctx);
    const family = CRD_FAMILIES[0];
    const installers = model.installers(family);
    const crds = installers.filter(i => !isHelmRelease(i.manifest));
    if (!crds.length) return [];
    const out: Finding[] = [];
    for (const hr of installers.filter(i => isHelmRelease(i.manifest))) {
      const values = hr.manifest.spec?.values;
      if (values && values.installCRDs === false) continue;
      const wrongKey = values?.crds && typeof values.crds === 'object' && values.crds.create === false;
      out.push(finding('spec.values.installCRDs',
        `${crds.length} ESO CustomResourceDefinition(s) (e.g. ${crds[0].manifest.metadata?.name}) are applied as manifests and ${objectLabel(hr.manifest)} installs them again ` +
        `(installCRDs defaults to true${wrongKey ? '; crds.create: false is not a value of the chart' : ''}): Helm and Flux both own the CRDs`,
        'set values.installCRDs: false on the HelmRelease, or stop applying the CRD manifests',
        { target: hr.manifest }));
    }
    return out;
  },
};
