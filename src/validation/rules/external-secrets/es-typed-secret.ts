import { esSpecIn, producedKeys, templateActions } from '../../../model/external-secrets';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/** Keys the API server requires for each typed Secret. */
const REQUIRED_KEYS: Record<string, string[]> = {
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
};

const CONTROL = /^\s*-?\s*(if|else|end|range|with|define|template|block|break|continue)\b/;

/**
 * Renders a JSON template with placeholders (a string inside JSON strings, a quoted string elsewhere)
 * and returns the JSON.parse error, if any. Templates with control structures are not checked.
 */
export function placeholderJsonError(text: string): string | undefined {
  if (templateActions(text).some(a => CONTROL.test(a.replace(/^-/, '')))) return undefined;
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('{{', i)) {
      const end = text.indexOf('}}', i + 2);
      if (end < 0) return undefined;
      out += inString ? 'x' : '"x"';
      i = end + 1;
      continue;
    }
    const c = text[i];
    if (inString && c === '\\') {
      out += c + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') inString = !inString;
    out += c;
  }
  try {
    JSON.parse(out);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** P34: typed Secrets need their mandatory keys, and `.dockerconfigjson` must be JSON. */
export const esTypedSecretRule: Rule = {
  id: 'ESO-ES-TYPED-SECRET',
  severity: Severity.ERROR,
  description: 'typed Secrets get their mandatory keys (kubernetes.io/tls: tls.crt + tls.key; dockerconfigjson: .dockerconfigjson as JSON)',
  example: 'template:\n  type: kubernetes.io/tls\n  data: {cert: "{{ .crt }}"}',
  pitfalls: ['P34'],
  kinds: ['ExternalSecret', 'ClusterExternalSecret'],
  checkObject(m, ctx) {
    const es = esSpecIn(ctx.index, m);
    const t = es?.spec?.target?.template;
    if (!es || !t || typeof t !== 'object' || typeof t.type !== 'string') return [];
    const out: Finding[] = [];
    const required = REQUIRED_KEYS[t.type];
    if (required) {
      const { keys, complete } = producedKeys(es);
      const missing = required.filter(k => !keys.has(k));
      if (missing.length && complete) {
        out.push(finding(`${es.prefix}.target.template`,
          `Secret type ${t.type} requires keys ${required.join(' and ')}, but the ExternalSecret produces [${[...keys].join(', ')}] (missing ${missing.join(', ')}): the API server rejects the Secret`,
          `render ${missing.map(k => `"${k}"`).join(' and ')} in template.data (ExternalSecret.tls() / .dockerConfigJson() guarantee them)`));
      }
    }
    const dcj = t.data && typeof t.data === 'object' ? t.data['.dockerconfigjson'] : undefined;
    if (t.type === 'kubernetes.io/dockerconfigjson' && typeof dcj === 'string') {
      const err = placeholderJsonError(dcj);
      if (err) {
        out.push(finding(`${es.prefix}.target.template.data[".dockerconfigjson"]`,
          `.dockerconfigjson does not render to JSON (${err}): the API server rejects the Secret ("invalid character ...")`,
          'write {"auths":{"<registry>":{"auth":"{{ printf "%s:%s" .user .pass | b64enc }}"}}}, or use ExternalSecret.dockerConfigJson()',
          { severity: Severity.WARNING }));
      }
    }
    return out;
  },
};
