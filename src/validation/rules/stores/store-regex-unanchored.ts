import { anchoring, compileGoRegex } from '../../../model/go-regex';
import { ESO_GROUPS, STORE_KINDS, forEachNamespaceRegex } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/** ESO matches namespaceRegexes with regexp.MatchString: unanchored, so "team-a" also admits "not-team-a-prod". */
export const storeRegexUnanchoredRule: Rule = {
  id: 'ESO-STORE-REGEX-UNANCHORED',
  severity: Severity.WARNING,
  description: 'conditions[].namespaceRegexes are matched unanchored: a regex without ^...$ admits more namespaces than intended',
  example: 'namespaceRegexes: ["team-a"]',
  kinds: STORE_KINDS,
  groups: ESO_GROUPS,
  checkObject(m) {
    const out: Finding[] = [];
    forEachNamespaceRegex(m, (r, field) => {
      if (typeof r !== 'string' || compileGoRegex(r).error) return; // ESO-STORE-NAMESPACE-REGEX reports it
      const a = anchoring(r);
      if (a.start && a.end && !a.topLevelAlternation) return;
      if (a.start && a.end && a.topLevelAlternation) {
        out.push(finding(field, `namespace regex "${r}" has a top-level "|": the anchors bind only the first and last alternative`,
          `group the alternatives: "^(${r.replace(/^\^/, '').replace(/\$$/, '')})$"`));
        return;
      }
      const core = r.replace(/^\^/, '').replace(/\$$/, '');
      out.push(finding(field, `namespace regex "${r}" is not anchored${a.start ? ' at the end' : a.end ? ' at the start' : ''}: ESO matches it anywhere in the namespace name, so it admits e.g. "x-${core.replace(/[^a-z0-9-]/g, '') || 'any'}-y"`,
        `anchor it: "^${a.topLevelAlternation ? `(${core})` : core}$"`));
    });
    return out;
  },
};
