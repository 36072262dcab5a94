import type { RE2JS as RE2JSType } from 're2js';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';
import { valuesAt } from '../../schema/durations';

/** The regular expressions ESO compiles with Go's regexp (RE2 syntax) when it reconciles. */
const REGEXP_FIELDS: Record<string, readonly string[][]> = {
  ExternalSecret: [['spec', 'dataFrom', '*', 'find', 'name', 'regexp'], ['spec', 'dataFrom', '*', 'rewrite', '*', 'regexp', 'source']],
  ClusterExternalSecret: [
    ['spec', 'externalSecretSpec', 'dataFrom', '*', 'find', 'name', 'regexp'],
    ['spec', 'externalSecretSpec', 'dataFrom', '*', 'rewrite', '*', 'regexp', 'source'],
  ],
  PushSecret: [['spec', 'dataTo', '*', 'match', 'regexp'], ['spec', 'dataTo', '*', 'rewrite', '*', 'regexp', 'source']],
  ClusterPushSecret: [['spec', 'pushSecretSpec', 'dataTo', '*', 'match', 'regexp'], ['spec', 'pushSecretSpec', 'dataTo', '*', 'rewrite', '*', 'regexp', 'source']],
};

/** re2js is loaded on first use: most apps have no regexp field, and the module costs ~300 ms to load. */
let re2: typeof RE2JSType | undefined;

/** Why RE2 (Go's regexp) refuses a pattern, or undefined when it compiles. */
export function re2Error(pattern: string): string | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  re2 ??= (require('re2js') as { RE2JS: typeof RE2JSType }).RE2JS;
  try {
    re2.compile(pattern);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * A regexp that Go's regexp does not compile (lookaround, backreferences, unbalanced parentheses): the
 * CRD accepts any string, ESO fails the sync on every reconcile.
 * Compiled with re2js, the JavaScript port of RE2/Go regexp, never with JavaScript's RegExp.
 */
export const regexpRule: Rule = {
  id: 'ESO-REGEXP',
  severity: Severity.ERROR,
  description: 'find.name.regexp, rewrite regexp.source and dataTo match.regexp must compile as Go (RE2) regular expressions',
  example: 'dataFrom: [{find: {name: {regexp: "^(?!tmp).*"}}}]',
  kinds: Object.keys(REGEXP_FIELDS),
  checkObject(m) {
    const out: Finding[] = [];
    for (const p of REGEXP_FIELDS[m.kind ?? ''] ?? []) {
      for (const [v, field] of valuesAt(m, p)) {
        if (typeof v !== 'string') continue;
        const err = re2Error(v);
        if (err) {
          out.push(finding(field, `${JSON.stringify(v)} is not a Go (RE2) regular expression: ${err}; ESO fails the sync on every reconcile`,
            'rewrite it in RE2 syntax (no lookaround or backreferences; escape literal parentheses)'));
        }
      }
    }
    return out;
  },
};
