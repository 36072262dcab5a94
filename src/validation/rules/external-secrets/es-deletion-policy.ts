import { creationPolicyOf, deletionPolicyOf, esSpecIn } from '../../../model/external-secrets';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/** ES-1, ES-2 (P23): creationPolicy × deletionPolicy pairs the ESO webhook refuses. */
export const esDeletionPolicyRule: Rule = {
  id: 'ESO-ES-DELETION-POLICY',
  severity: Severity.ERROR,
  description: 'deletionPolicy Delete needs creationPolicy Owner or Orphan; deletionPolicy Merge is refused with creationPolicy None',
  example: 'target:\n  creationPolicy: Merge\n  deletionPolicy: Delete',
  pitfalls: ['P23'],
  kinds: ['ExternalSecret', 'ClusterExternalSecret'],
  checkObject(m, ctx) {
    const es = esSpecIn(ctx.index, m);
    if (!es) return [];
    const c = creationPolicyOf(es.spec);
    const d = deletionPolicyOf(es.spec);
    const field = `${es.prefix}.target.deletionPolicy`;
    if (d === 'Delete' && ['Merge', 'None', 'CreateOrMerge'].includes(c)) {
      return [finding(field, `deletionPolicy Delete with creationPolicy ${c}: ESO only deletes Secrets it owns, so its webhook rejects this pair`,
        'set target.creationPolicy: Owner (or Orphan), or use deletionPolicy: Retain / Merge')];
    }
    if (d === 'Merge' && c === 'None') {
      return [finding(field, 'deletionPolicy Merge with creationPolicy None: there is no Secret to merge into, so the ESO webhook rejects this pair',
        'use deletionPolicy: Retain, or a creationPolicy that writes the Secret (Owner, Orphan, Merge, CreateOrMerge)')];
    }
    return [];
  },
};
