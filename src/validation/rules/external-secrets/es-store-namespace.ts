import { allEsSpecs, secretStoresByName, storeUses } from '../../../model/external-secrets';
import { ESO_GROUP } from '../../../model/manifest';
import { Severity } from '../../diagnostic';
import { Finding, Rule, RuleContext, absence, finding } from '../../rule';

/** P17/P30: a namespaced SecretStore can only be used from its own namespace. */
export const esStoreNamespaceRule: Rule = {
  id: 'ESO-ES-STORE-NAMESPACE',
  severity: Severity.ERROR,
  description: 'a SecretStore is only usable by ExternalSecrets in its own namespace',
  example: 'ExternalSecret in "shop" references SecretStore "vault" that lives in "platform"',
  pitfalls: ['P30'],
  checkApp(ctx: RuleContext) {
    const out: Finding[] = [];
    const ssByName = secretStoresByName(ctx.index);
    for (const es of allEsSpecs(ctx.index)) {
      for (const use of storeUses(es)) {
        if ((use.kind ?? 'SecretStore') !== 'SecretStore') continue;
        const elsewhere = ssByName.get(use.name) ?? [];
        if (!elsewhere.length || ctx.index.get(ESO_GROUP, 'ClusterSecretStore', undefined, use.name)) continue;
        const storeNs = elsewhere.map(s => s.metadata?.namespace ?? '<none>');
        for (const ns of es.namespaces) {
          if (ctx.index.get(ESO_GROUP, 'SecretStore', ns, use.name)) continue;
          const { message, severity } = absence(ctx,
            `${es.label} in namespace "${ns}" references SecretStore "${use.name}", which lives in namespace ${storeNs.map(n => `"${n}"`).join(', ')}: a SecretStore is only visible from its own namespace`);
          out.push(finding(use.field, message,
            `create the SecretStore in namespace "${ns}", or make it a ClusterSecretStore (with conditions admitting "${ns}")`, { target: es.manifest, ...(severity ? { severity } : {}) }));
        }
      }
    }
    return out;
  },
};
