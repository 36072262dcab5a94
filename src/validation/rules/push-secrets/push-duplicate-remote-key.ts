import { addTo } from '../../../model/multimap';
import { PushWrite, allPushWrites, displayKey, storeLabel } from '../../../model/push-secrets';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

function describe(w: PushWrite): string {
  return `${w.ps.label} (${w.entryField})`;
}

/** Same PushSecret spec (and name) in two places: copies of one component. */
function sameSpec(a: PushWrite, b: PushWrite): boolean {
  return a.ps.manifest.metadata?.name === b.ps.manifest.metadata?.name && JSON.stringify(a.ps.spec) === JSON.stringify(b.ps.spec);
}

/**
 * Two writers of one remote value fight: each push overwrites the other (and ESO itself rejects
 * duplicate `remoteKey`+`property` pairs within one PushSecret, data and dataTo merged). Writes of
 * different properties of one remote secret from different PushSecrets are merged and allowed.
 */
export const pushDuplicateRemoteKeyRule: Rule = {
  id: 'ESO-PUSH-DUPLICATE-REMOTE-KEY',
  severity: Severity.ERROR,
  description: 'two PushSecret entries must not write the same remote key (and property) of the same store',
  example: 'PushSecret a and PushSecret b both push to store vault, remoteKey databases/db-credentials, property password',
  pitfalls: ['P08', 'P10'],
  checkApp(ctx) {
    const out: Finding[] = [];
    const groups = new Map<string, PushWrite[]>();
    for (const w of allPushWrites(ctx.index)) {
      const k = `${w.target.id}|${w.key}`;
      addTo(groups, k, w);
    }
    for (const writes of groups.values()) {
      if (writes.length < 2) continue;
      const reported = new Set<PushWrite>();
      for (let j = 1; j < writes.length; j++) {
        const b = writes[j];
        for (let i = 0; i < j; i++) {
          const a = writes[i];
          if (a.entryField === b.entryField && a.ps === b.ps) continue; // same entry, selected twice
          const samePs = a.ps === b.ps;
          const clash = a.property === b.property || a.property === undefined || b.property === undefined;
          if (!clash || reported.has(b)) continue;
          reported.add(b);
          // copies of one PushSecret (a kustomize component rendered into several namespaces) push the same
          // value while their source Secrets agree: a risk to know about, not a fight
          const copies = !samePs && b.ps.spec.deletionPolicy !== 'Delete' && sameSpec(a, b);
          const what = `${storeLabel(b.target.kind, b.target.name)} key "${displayKey(b.key, b.target.store)}"`
            + (b.property ? ` property "${b.property}"` : (a.property ? ' (the whole secret)' : ''));
          if (copies) {
            out.push(finding(b.field,
              `${describe(b)} writes ${what}, which ${describe(a)} also writes: the two are copies of one PushSecret, so the pushes agree only while their source Secrets hold the same value`,
              'push from one namespace only, or give each copy its own remote key (e.g. with the namespace in it)', { target: b.ps.manifest, severity: Severity.WARNING }));
            continue;
          }
          out.push(finding(b.field,
            `${describe(b)} writes ${what}, which ${describe(a)} also writes: `
            + (samePs ? 'ESO rejects duplicate remoteKey/property pairs in one PushSecret' : 'each push overwrites the other, and with deletionPolicy Delete one removes the other\'s value'),
            'give each value exactly one writer: use distinct remote keys or properties, or drop one of the entries', { target: b.ps.manifest }));
        }
      }
    }
    return out;
  },
};
