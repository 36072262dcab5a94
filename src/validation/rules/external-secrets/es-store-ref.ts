import { EXTERNAL_STORES_ANNOTATION as EXTERNAL_STORES } from '../../../model/api';
import { allEsSpecs, arr, secretStoresByName, storeUses } from '../../../model/external-secrets';
import { ESO_GROUP } from '../../../model/manifest';
import { Severity } from '../../diagnostic';
import { Finding, Rule, RuleContext, absence, finding } from '../../rule';

/** Annotation listing `Kind/name` of stores made elsewhere (ExternalSecretAnnotations.EXTERNAL_STORES). */

function externalStores(m: { metadata?: { annotations?: Record<string, string> } }): Set<string> {
  const v = m.metadata?.annotations?.[EXTERNAL_STORES];
  return new Set(typeof v === 'string' ? v.split(',').map(x => x.trim()).filter(Boolean) : []);
}

/**
 * P30: every store reference resolves: a ref whose kind points at the wrong store kind is an error; a
 * store that is nowhere in the app is a warning (it may be created elsewhere), unless the ExternalSecret
 * lists it as made elsewhere in the `cdk8s-external-secrets.io/external-stores` annotation (written for
 * stores imported by name); entries with no store at all are an error.
 */
export const esStoreRefRule: Rule = {
  id: 'ESO-ES-STORE-REF',
  severity: Severity.ERROR,
  description: 'secretStoreRef / sourceRef.storeRef resolve to a store of the right kind (missing stores warn: they may be imported)',
  example: 'secretStoreRef: {name: vault}   # kind defaults to SecretStore, but "vault" is a ClusterSecretStore',
  pitfalls: ['P30'],
  checkApp(ctx: RuleContext) {
    const out: Finding[] = [];
    const ssByName = secretStoresByName(ctx.index);
    for (const es of allEsSpecs(ctx.index)) {
      const target = es.manifest;
      const external = externalStores(target);
      // Entries that fall back to spec.secretStoreRef.
      if (!es.spec.secretStoreRef) {
        const needy: string[] = [];
        arr(es.spec.data).forEach((d, i) => { if (!d?.sourceRef?.storeRef) needy.push(`data[${i}]`); });
        arr(es.spec.dataFrom).forEach((d, i) => {
          if ((d?.extract || d?.find) && !d?.sourceRef?.storeRef) needy.push(`dataFrom[${i}]`);
        });
        if (needy.length) {
          out.push(finding(`${es.prefix}.secretStoreRef`, `${es.label} has no secretStoreRef, but ${needy.join(', ')} name no store of their own: ESO cannot read them`,
            'set the ExternalSecret\'s store (spec.secretStoreRef), or a store on each entry (sourceRef.storeRef)', { target }));
        }
      }
      for (const use of storeUses(es)) {
        const kindWritten = use.kind;
        const kind = kindWritten ?? 'SecretStore';
        const defaulted = kindWritten === undefined ? ' (kind not set, so ESO assumes SecretStore)' : '';
        const css = ctx.index.get(ESO_GROUP, 'ClusterSecretStore', undefined, use.name);
        const ssAnywhere = ssByName.get(use.name) ?? [];
        if (kind === 'ClusterSecretStore') {
          if (css) continue;
          if (ssAnywhere.length) {
            const { message, severity } = absence(ctx, `${es.label} references ClusterSecretStore "${use.name}", but only SecretStore "${use.name}" exists in the app`);
            out.push(finding(`${use.field}.kind`, message, 'set kind: SecretStore (pass the store object, not its name)', { target, ...(severity ? { severity } : {}) }));
          } else if (!external.has(`ClusterSecretStore/${use.name}`)) {
            out.push(finding(use.field, `${es.label} references ClusterSecretStore "${use.name}", which is not declared in this app`,
              'declare it (new ClusterSecretStore(...)), or import it by name (ClusterSecretStore.fromClusterSecretStoreName) to record that it is made elsewhere; ESO reports "could not get ClusterSecretStore" if it does not exist',
              { target, severity: Severity.WARNING }));
          }
          continue;
        }
        if (kind !== 'SecretStore') continue; // the schema rule reports bad enum values
        const inOwnNs = es.namespaces.some(ns => ctx.index.get(ESO_GROUP, 'SecretStore', ns, use.name));
        if (inOwnNs) continue;
        if (css) {
          const { message, severity } = absence(ctx, `${es.label} references SecretStore "${use.name}"${defaulted}, but only ClusterSecretStore "${use.name}" exists`);
          out.push(finding(`${use.field}.kind`, message, 'set kind: ClusterSecretStore (pass the store object so kind is always right)', { target, ...(severity ? { severity } : {}) }));
        } else if (!ssAnywhere.length && !external.has(`SecretStore/${use.name}`)) {
          out.push(finding(use.field, `${es.label} references SecretStore "${use.name}"${defaulted}, which is not declared in this app`,
            'declare the store in the ExternalSecret\'s namespace, or make sure it exists in the cluster', { target, severity: Severity.WARNING }));
        }
        // A SecretStore of that name in another namespace: ESO-ES-STORE-NAMESPACE reports it.
      }
    }
    return out;
  },
};
