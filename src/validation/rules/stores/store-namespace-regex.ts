import { compileGoRegex } from '../../../model/go-regex';
import { ESO_GROUPS, STORE_KINDS, forEachNamespaceRegex } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/** SS-1: every `conditions[].namespaceRegexes[]` entry must compile as a Go regexp. */
export const storeNamespaceRegexRule: Rule = {
  id: 'ESO-STORE-NAMESPACE-REGEX',
  severity: Severity.ERROR,
  description: 'conditions[].namespaceRegexes entries must compile as Go (RE2) regular expressions',
  example: 'namespaceRegexes: ["^team-(?=a)"]',
  kinds: STORE_KINDS,
  groups: ESO_GROUPS,
  checkObject(m) {
    const out: Finding[] = [];
    forEachNamespaceRegex(m, (r, field) => {
      if (typeof r !== 'string') {
        out.push(finding(field, `namespace regex ${JSON.stringify(r)} is not a string`, 'write the regex as a quoted string'));
        return;
      }
      const res = compileGoRegex(r);
      if (res.error) {
        out.push(finding(field, `namespace regex "${r}" does not compile as a Go regexp: ${res.error}`,
          'rewrite it in Go RE2 syntax (no lookaround or backreferences), e.g. "^team-a-.*$"'));
      }
    });
    return out;
  },
};
