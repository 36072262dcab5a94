import { familyOfGroup, fluxModel, ksLabel, objectLabel } from '../../../model/flux';
import { parseApiVersion } from '../../../model/manifest';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';
import { versionsOf } from '../../schema/catalog';

/**
 * P46: a namespaced object with no `metadata.namespace`, applied by a Kustomization without
 * `targetNamespace`, fails Flux's dry-run ("namespace not specified").
 */
export const fluxNamespaceRule: Rule = {
  id: 'ESO-FLUX-NAMESPACE',
  severity: Severity.ERROR,
  pitfalls: ['P46'],
  description: 'namespaced ESO / generator / Vault-operator objects need metadata.namespace unless their Flux Kustomization sets targetNamespace',
  example: 'ExternalSecret db without namespace in a layer without targetNamespace',
  checkApp(ctx) {
    const model = fluxModel(ctx);
    const out: Finding[] = [];
    for (const k of model.kustomizations) {
      if (typeof k.spec.targetNamespace === 'string' && k.spec.targetNamespace) continue;
      for (const m of model.members(k)) {
        if (m.metadata?.namespace) continue;
        const group = parseApiVersion(m.apiVersion).group;
        if (!familyOfGroup(group) || typeof m.kind !== 'string') continue;
        const entries = versionsOf(group, m.kind);
        if (!entries.length || entries[0].scope !== 'Namespaced') continue;
        out.push(finding('metadata.namespace',
          `${objectLabel(m)} is namespaced but has no metadata.namespace, and ${ksLabel(k)} sets no targetNamespace: Flux's dry-run fails with "namespace not specified"`,
          `set metadata.namespace (e.g. the chart's namespace) or targetNamespace on Kustomization ${k.name}`,
          { target: m }));
      }
    }
    return out;
  },
};
