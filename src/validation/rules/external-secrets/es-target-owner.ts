import { EsSpec, allEsSpecs, creationPolicyOf, isSecretTarget, producedKeys, targetNameOf } from '../../../model/external-secrets';
import { addTo } from '../../../model/multimap';
import { Severity } from '../../diagnostic';
import { Finding, Rule, RuleContext, finding } from '../../rule';

interface Writer {
  readonly es: EsSpec;
  readonly policy: string;
}

const OWNING = ['Owner', 'Orphan', 'CreateOrMerge'];

/** Writers of each target Secret, keyed `namespace/name`, built once per run. */
export function targetWriters(ctx: RuleContext): Map<string, Writer[]> {
  return ctx.index.memo('external-secrets:target-writers', () => {
    const m = new Map<string, Writer[]>();
    // The same object twice (e.g. two directories given to the CLI) is one writer, not two.
    const seen = new Set<string>();
    for (const es of allEsSpecs(ctx.index)) {
      const id = `${es.manifest.kind}|${es.manifest.metadata?.namespace ?? ''}|${es.manifest.metadata?.name ?? ''}`;
      if (seen.has(id)) continue;
      seen.add(id);
      if (!isSecretTarget(es.spec)) continue;
      const policy = creationPolicyOf(es.spec);
      if (policy === 'None') continue;
      const name = targetNameOf(es);
      for (const ns of es.namespaces) {
        const key = `${ns}/${name}`;
        addTo(m, key, { es, policy });
      }
    }
    return m;
  });
}

const who = (w: Writer) => `${w.es.label} (${w.policy})`;

/**
 * P24: one target Secret, one owner. Owner/Orphan/CreateOrMerge writers exclude each other, Merge never
 * writes into a Secret another ExternalSecret owns, and Merge writers need disjoint keys.
 */
export const esTargetOwnerRule: Rule = {
  id: 'ESO-ES-TARGET-OWNER',
  severity: Severity.ERROR,
  description: 'two ExternalSecrets may not own the same target Secret; Merge writers need disjoint keys',
  example: 'ExternalSecrets a and b in namespace shop both have target.name: app-secrets',
  pitfalls: ['P24'],
  checkApp(ctx: RuleContext) {
    const out: Finding[] = [];
    for (const [key, writers] of targetWriters(ctx)) {
      if (writers.length < 2) continue;
      const owners = writers.filter(w => OWNING.includes(w.policy));
      const mergers = writers.filter(w => w.policy === 'Merge');
      const field = (w: Writer) => `${w.es.prefix}.target.name`;
      for (const w of owners.slice(1)) {
        out.push(finding(field(w), `Secret "${key}" is written by ${owners.map(who).join(' and ')}: only one ExternalSecret may create it (ESO: "target is owned by another ExternalSecret")`,
          'give each ExternalSecret its own target.name, or make the others creationPolicy: Merge with disjoint keys', { target: w.es.manifest }));
      }
      const owner = owners.find(o => o.policy === 'Owner');
      if (owner) {
        for (const w of mergers) {
          out.push(finding(field(w), `${w.es.label} merges into Secret "${key}", which ${owner.es.label} owns: ESO refuses ("secret is owned by another ExternalSecret")`,
            `merge into a Secret no ExternalSecret owns, or set ${owner.es.label} to creationPolicy: Orphan or CreateOrMerge`, { target: w.es.manifest }));
        }
      }
      // Key overlap between all writers that merge (Merge, or the CreateOrMerge/Orphan writer next to Merge writers).
      if (mergers.length === 0) continue;
      const seen = new Map<string, Writer>();
      for (const w of [...owners.filter(o => o.policy !== 'Owner'), ...mergers]) {
        const { keys, complete } = producedKeys(w.es);
        for (const k of keys) {
          const other = seen.get(k);
          if (other && other !== w) {
            out.push(finding(field(w), `${w.es.label} and ${other.es.label} both write key "${k}" of Secret "${key}": the value oscillates between them`,
              `let only one of them produce "${k}" (rename it with a different secretKey)`, { target: w.es.manifest }));
          } else {seen.set(k, w);}
        }
        if (!complete) {
          out.push(finding(field(w), `${w.es.label} merges keys from dataFrom/templateFrom into Secret "${key}", which other ExternalSecrets also write: the keys cannot be checked for overlap`,
            'make sure the merged key sets are disjoint (or list the keys with data[] entries)', { target: w.es.manifest, severity: Severity.WARNING }));
        }
      }
    }
    return out;
  },
};
