import { KUSTOMIZE_CONFIG_GROUP } from '../../../model/api';
import { Manifest, parseApiVersion } from '../../../model/manifest';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * One identity, one object: two objects with the same group, kind, namespace and name in one app are refused by
 * kustomize ("may not add resource with an already registered id"), and a plain apply silently keeps the last one.
 * In repository mode each Flux Kustomization is its own build, so the identity is checked per Kustomization.
 */
export const duplicateObjectRule: Rule = {
  id: 'ESO-DUPLICATE-OBJECT',
  severity: Severity.ERROR,
  description: 'two objects with the same group, kind, namespace and name (in one app, or in one Flux Kustomization): kustomize refuses the build, a plain apply keeps only the last one',
  example: 'two Policy objects named external-secrets in namespace vault-admin (grantVaultAccess on two stores)',
  checkApp(ctx) {
    const out: Finding[] = [];
    const seen = new Map<string, Manifest>();
    for (const item of ctx.index.items) {
      const m = item.manifest;
      const name = m.metadata?.name;
      if (typeof name !== 'string' || !name || typeof m.kind !== 'string') continue;
      const group = parseApiVersion(m.apiVersion).group;
      if (group === KUSTOMIZE_CONFIG_GROUP) continue; // kustomization.yaml files, not objects
      const ns = typeof m.metadata?.namespace === 'string' ? m.metadata.namespace : '';
      const key = `${item.appliedBy ?? ''}|${group}|${m.kind}|${ns}|${name}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, m);
        continue;
      }
      const src = ctx.index.source(first);
      const where = src?.constructPath ?? (src?.file ? `${src.file}${src.line ? `:${src.line}` : ''}` : 'another object');
      out.push(finding('metadata.name',
        `${m.kind} ${ns ? `${ns}/` : ''}${name} is defined twice${item.appliedBy ? ` in Flux Kustomization ${item.appliedBy}` : ''} (the other one: ${where}): `
        + (item.appliedBy ? 'kustomize refuses the build' : 'kustomize refuses such a folder, and a plain apply keeps only the last one'),
        'give each object its own name (or namespace), or drop one of them', { target: m }));
    }
    return out;
  },
};
