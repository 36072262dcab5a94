import { ALLOW_PLAINTEXT_ANNOTATION } from '../../../model/api';
import { Manifest, ESO_GROUP, parseApiVersion } from '../../../model/manifest';
import { isSopsEncrypted, isUnknownString } from '../../../model/unknown';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/** Annotation that opts one object out of the plaintext guard; its value must be the object's own name. */
export { ALLOW_PLAINTEXT_ANNOTATION };

const TOKEN_PATTERNS: Array<[RegExp, string]> = [
  [/\bhv[sbr]\.[A-Za-z0-9_-]{20,}/, 'a Vault token'],
  [/(^|[^A-Za-z0-9.])s\.[A-Za-z0-9]{24}(?![A-Za-z0-9])/, 'a legacy Vault token (s. + 24 characters)'],
  [/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/, 'a private key block'],
  [/\bAKIA[0-9A-Z]{16}\b/, 'an AWS access key id'],
];

const MOVE_IT = 'move the value into Vault/OpenBao (`vault kv put <mount>/<key> ...`, or generate it with a Password generator and a PushSecret) and read it with an ExternalSecret';

function optedIn(m: Manifest): boolean {
  const v = m.metadata?.annotations?.[ALLOW_PLAINTEXT_ANNOTATION];
  return v !== undefined && v === m.metadata?.name;
}

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** A literal that looks like a generated credential: long, mixed character classes, high entropy. */
export function looksLikeSecretLiteral(text: string): string | undefined {
  const withoutTemplates = text.replace(/\{\{[\s\S]*?\}\}/g, ' ');
  for (const token of withoutTemplates.match(/[A-Za-z0-9+/=_\-!@#$%^&*]{20,}/g) ?? []) {
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter(r => r.test(token)).length;
    if (classes >= 3 && entropy(token) >= 4.2) return token;
  }
  return undefined;
}

/** One cheap test that every token pattern implies: most strings are ruled out by it alone. */
const ANY_TOKEN = /hv[sbr]\.|s\.[A-Za-z0-9]{24}|PRIVATE KEY-----|AKIA[0-9A-Z]{16}/;

function fieldPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Visits the strings that may hold a token; the field path is only built for those (no allocation per node). */
function walkSuspectStrings(value: unknown, path: Array<string | number>, visit: (s: string, field: string) => void) {
  if (typeof value === 'string') {
    if (ANY_TOKEN.test(value)) visit(value, fieldPath(path));
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walkSuspectStrings(value[i], path, visit);
      path.pop();
    }
  } else if (value && typeof value === 'object') {
    for (const k in value) {
      path.push(k);
      walkSuspectStrings((value as any)[k], path, visit);
      path.pop();
    }
  }
}

/**
 * P50 and the seeds' first principle, "no secrets in Git": the synthesized YAML is committed, so a
 * Secret with data, a token, a private key or a credential-like literal in a template is refused unless
 * the object opts in by name.
 */
export const plaintextSecretRule: Rule = {
  id: 'ESO-PLAINTEXT-SECRET',
  severity: Severity.ERROR,
  description: 'no secret value in the output: Secret data/stringData, Vault tokens, private keys, credential-like template literals',
  example: 'kind: Secret\nstringData:\n  password: <anything>',
  pitfalls: ['P50'],
  checkObject(m) {
    if (optedIn(m)) return [];
    const fix = `${MOVE_IT}; if this value really must be in Git, annotate the object with ${ALLOW_PLAINTEXT_ANNOTATION}: "${m.metadata?.name ?? '<name>'}"`;
    const out: Finding[] = [];
    const isCoreSecret = m.kind === 'Secret' && m.apiVersion === 'v1';
    if (isCoreSecret) {
      // a SOPS-encrypted Secret (a sops block and ciphertext values): what its SOPS rules left in clear
      // (encrypted_regex / unencrypted_regex) was chosen, so it is a warning; a sops block alone encrypts nothing
      const sections = ['data', 'stringData'].map(k => m[k]).filter(v => v && typeof v === 'object');
      const sops = isSopsEncrypted(m) && sections.some(v => Object.values(v).some(x => typeof x === 'string' && isUnknownString(x)));
      for (const section of ['data', 'stringData']) {
        const values = m[section];
        if (!values || typeof values !== 'object') continue;
        for (const [k, v] of Object.entries(values)) {
          if (v === '' || v === null || v === undefined) continue;
          out.push(sops
            ? finding(`${section}.${k}`, `Secret "${m.metadata?.name}" is SOPS-encrypted but leaves "${k}" in clear text (the file's SOPS rules do not encrypt it)`,
              `make sure "${k}" is not secret, or let SOPS encrypt it (encrypted_regex in .sops.yaml); ${fix}`, { severity: Severity.WARNING })
            : finding(`${section}.${k}`, `Secret "${m.metadata?.name}" carries a value for "${k}" in plain YAML that will be committed to Git`, fix));
        }
      }
    }
    const flagged = new Set(out.map(f => f.field));
    walkSuspectStrings(m, [], (s, field) => {
      if (flagged.has(field)) return;
      for (const [re, what] of TOKEN_PATTERNS) {
        if (re.test(s)) {
          out.push(finding(field, `value looks like ${what}; it would be committed to Git`, fix));
          flagged.add(field);
          return;
        }
      }
    });
    if (parseApiVersion(m.apiVersion).group === ESO_GROUP) {
      const template = m.kind === 'ClusterExternalSecret' ? m.spec?.externalSecretSpec?.target?.template
        : m.kind === 'ExternalSecret' ? m.spec?.target?.template
          : m.kind === 'PushSecret' ? m.spec?.template
            : m.kind === 'ClusterPushSecret' ? m.spec?.pushSecretSpec?.template : undefined;
      const base = m.kind === 'ClusterExternalSecret' ? 'spec.externalSecretSpec.target.template'
        : m.kind === 'ExternalSecret' ? 'spec.target.template'
          : m.kind === 'PushSecret' ? 'spec.template' : 'spec.pushSecretSpec.template';
      const literals: Array<[string, unknown]> = [];
      const data = template?.data;
      if (data && typeof data === 'object') for (const [k, v] of Object.entries(data)) literals.push([`${base}.data[${JSON.stringify(k)}]`, v]);
      const from = template?.templateFrom;
      if (Array.isArray(from)) from.forEach((t: any, i: number) => literals.push([`${base}.templateFrom[${i}].literal`, t?.literal]));
      for (const [field, v] of literals) {
        if (typeof v !== 'string' || flagged.has(field)) continue;
        const token = looksLikeSecretLiteral(v);
        if (token) {
          out.push(finding(field, `template contains a credential-like literal "${token.slice(0, 4)}…" (${token.length} characters, high entropy) that would be committed to Git`, `reference it from the provider instead ({{ .key }}); ${fix}`));
        }
      }
    }
    return out;
  },
};
