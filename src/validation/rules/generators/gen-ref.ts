import { GeneratorRefUse, generatorRefsOf, generatorsByName, resolveGenerator } from '../../../model/generators';
import { GENERATORS_GROUP, parseApiVersion } from '../../../model/manifest';
import { Severity } from '../../diagnostic';
import { Finding, Rule, absence, finding } from '../../rule';

/**
 * P40: a generatorRef must point at `generators.external-secrets.io/v1alpha1` (other groups fail with a
 * terminal error, other versions are unknown GVKs), and at a generator that exists: same namespace as
 * the consumer, or a ClusterGenerator.
 */
export const generatorRefRule: Rule = {
  id: 'ESO-GEN-REF',
  severity: Severity.ERROR,
  description: 'generatorRef must use generators.external-secrets.io/v1alpha1 and name a generator of that kind in the consumer\'s namespace (or a ClusterGenerator)',
  example: 'selector:\n  generatorRef: {apiVersion: external-secrets.io/v1alpha1, kind: Password, name: pw}',
  pitfalls: ['P40'],
  checkApp(ctx) {
    const out: Finding[] = [];
    const byName = generatorsByName(ctx.index);
    const uses: GeneratorRefUse[] = [];
    for (const kind of ['ExternalSecret', 'ClusterExternalSecret', 'PushSecret', 'ClusterPushSecret']) {
      for (const m of ctx.index.ofKind(kind)) uses.push(...generatorRefsOf(m));
    }
    const elsewhere = (kind: string, name: string, namespace: string | undefined): string[] =>
      [...new Set(ctx.index.ofKind(kind, GENERATORS_GROUP).filter(g => g.metadata?.name === name && g.metadata?.namespace !== namespace)
        .map(g => String(g.metadata?.namespace ?? 'default')))].sort();
    for (const use of uses) {
      const { ref, field } = use;
      if (typeof ref.apiVersion === 'string') {
        const { group, version } = parseApiVersion(ref.apiVersion);
        // ESO-ES-SOURCE-REF reports a wrong group on ExternalSecrets; this rule covers the PushSecret side.
        if (group !== GENERATORS_GROUP && use.push) {
          out.push(finding(`${field}.apiVersion`, `generatorRef apiVersion "${ref.apiVersion}" is not in ${GENERATORS_GROUP}: ESO fails with a terminal error`,
            `use apiVersion: ${GENERATORS_GROUP}/v1alpha1`, { target: use.manifest }));
          continue;
        }
        if (group === GENERATORS_GROUP && version !== 'v1alpha1') {
          out.push(finding(`${field}.apiVersion`, `generatorRef apiVersion "${ref.apiVersion}" does not exist: generators are only served as v1alpha1`,
            `use apiVersion: ${GENERATORS_GROUP}/v1alpha1`, { target: use.manifest }));
          continue;
        }
      }
      if (typeof ref.kind !== 'string' || typeof ref.name !== 'string') continue; // ESO-SCHEMA
      if (ref.kind !== 'ClusterGenerator' && use.namespace === undefined) continue; // fans out: resolved per namespace
      if (resolveGenerator(ctx.index, use)) continue;
      const key = `${ref.kind === 'ClusterGenerator' ? '' : use.namespace}|${ref.name}`;
      const others = (byName.get(key) ?? []).map(g => g.kind);
      const where = ref.kind === 'ClusterGenerator' ? 'cluster-wide' : `in namespace "${use.namespace}"`;
      if (others.length) {
        const { message, severity } = absence(ctx, `${use.label} references ${ref.kind} "${ref.name}", but "${ref.name}" ${where} is a ${others.join('/')}: ESO fails to find the generator`);
        out.push(finding(`${field}.kind`, message, `set generatorRef.kind: ${others[0]}`, { target: use.manifest, ...(severity ? { severity } : {}) }));
      } else if (ref.kind !== 'ClusterGenerator' && elsewhere(ref.kind, ref.name, use.namespace).length) {
        // generatorRef has no namespace field: a generator of another namespace can never be found
        const nss = elsewhere(ref.kind, ref.name, use.namespace);
        const { message, severity } = absence(ctx, `${use.label} references ${ref.kind} "${ref.name}", which exists only in namespace${nss.length > 1 ? 's' : ''} ${nss.map(n => `"${n}"`).join(', ')}: `
          + `generatorRef has no namespace, so ESO looks in "${use.namespace}" and never finds it`);
        out.push(finding(`${field}.name`, message,
          `define ${ref.kind} "${ref.name}" in namespace "${use.namespace}" too, or use a ClusterGenerator to share one`, { target: use.manifest, ...(severity ? { severity } : {}) }));
      } else {
        out.push(finding(`${field}.name`, `${use.label} references ${ref.kind} "${ref.name}", which is not among the validated manifests ${where}: ESO fails until it exists`,
          ref.kind === 'ClusterGenerator'
            ? `define ClusterGenerator "${ref.name}", or fix the name`
            : `define ${ref.kind} "${ref.name}" in namespace "${use.namespace}" (generators are namespaced; use a ClusterGenerator to share one), or fix the name`,
          { target: use.manifest, severity: Severity.WARNING }));
      }
    }
    return out;
  },
};
