import { esSpecIn, templateActions, templateStrings } from '../../../model/external-secrets';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/** Template engine v1 function names that engine v2 renamed or removed. */
const REMOVED: Record<string, string> = {
  base64encode: 'b64enc',
  base64decode: 'b64dec',
  fromJSON: 'fromJson',
  toJSON: 'toJson',
  toBytes: 'nothing: values are strings in engine v2, drop it',
  pemPrivateKey: 'filterPEM "PRIVATE KEY"',
  pemCertificate: 'filterPEM "CERTIFICATE"',
};

/** Unbalanced `{{` / `}}`: the template does not parse. */
function delimiterProblem(text: string): string | undefined {
  let depth = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const two = text.slice(i, i + 2);
    if (two === '{{') {
      if (depth > 0) return 'a "{{" opens inside an action that is not closed';
      depth++;
      i++;
    } else if (two === '}}' && depth > 0) {
      depth--;
      i++;
    }
  }
  return depth > 0 ? 'an action "{{" is never closed with "}}"' : undefined;
}

/** P31: engine v1 is gone since ESO 0.16; v1 function names fail to render. */
export const esTemplateEngineRule: Rule = {
  id: 'ESO-ES-TEMPLATE-ENGINE',
  severity: Severity.ERROR,
  description: 'templates use engine v2: engineVersion v1 is refused, v1 function names (base64decode, toJSON, ...) fail, {{ }} must balance',
  example: 'template:\n  engineVersion: v1\n  data: {k: "{{ .x | base64decode }}"}',
  pitfalls: ['P31'],
  kinds: ['ExternalSecret', 'ClusterExternalSecret'],
  checkObject(m, ctx) {
    const es = esSpecIn(ctx.index, m);
    const t = es?.spec?.target?.template;
    if (!es || !t || typeof t !== 'object') return [];
    const out: Finding[] = [];
    // null is absent: the API server prunes it and defaults v2 (found by npm run conformance)
    if (t.engineVersion !== undefined && t.engineVersion !== null && t.engineVersion !== 'v2') {
      out.push(finding(`${es.prefix}.target.template.engineVersion`,
        `template engineVersion ${JSON.stringify(t.engineVersion)} no longer exists: ESO 0.16 removed engine v1 (supported values: "v2")`,
        'set engineVersion: v2 and port the template (base64decode → b64dec, fromJSON → fromJson, toJSON → toJson)'));
    }
    for (const { field, text } of templateStrings(es)) {
      const problem = delimiterProblem(text);
      if (problem) out.push(finding(field, `template does not parse: ${problem}`, 'balance every "{{" with "}}"'));
      const seen = new Set<string>();
      for (const action of templateActions(text)) {
        const code = action.replace(/"(?:[^"\\]|\\.)*"|`[^`]*`/g, ' ');
        for (const [name, repl] of Object.entries(REMOVED)) {
          if (!seen.has(name) && new RegExp(`(^|[\\s(|])${name}(?![\\w])`).test(code)) {
            seen.add(name);
            out.push(finding(field, `template uses "${name}", removed in template engine v2`, `use ${repl}`));
          }
        }
      }
    }
    return out;
  },
};
