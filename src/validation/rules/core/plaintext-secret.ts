import { ALLOW_PLAINTEXT_ANNOTATION, ALLOW_PLAINTEXT_IN_GIT_ANNOTATION, IGNORE_ANNOTATION } from '../../../model/api';
import { Manifest, ESO_GROUP, parseApiVersion } from '../../../model/manifest';
import { isSopsEncrypted, isUnknownString } from '../../../model/unknown';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';
import { detectSecret, isCredentialName, isHarmlessToken, isLiteralCredential, isReferenceName, mayHoldSecret, withoutPublicPem } from './private/secret-detectors';

/** Annotation that opts one object out of the plaintext guard; its value must be the object's own name. */
export { ALLOW_PLAINTEXT_ANNOTATION };

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
  const withoutTemplates = withoutPublicPem(text.replace(/\{\{[\s\S]*?\}\}/g, ' '));
  for (const token of withoutTemplates.match(/[A-Za-z0-9+/=_\-!@#$%^&*]{20,}/g) ?? []) {
    if (isHarmlessToken(token)) continue;
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter(r => r.test(token)).length;
    if (classes >= 3 && entropy(token) >= 4.2) return token;
  }
  return undefined;
}

/** True when some string of the object is SOPS ciphertext (a sops block alone encrypts nothing). */
function containsCiphertext(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return isUnknownString(value);
  if (depth > 20 || !value || typeof value !== 'object') return false;
  for (const k in value) if (k !== 'sops' && containsCiphertext((value as any)[k], depth + 1)) return true;
  return false;
}

function fieldPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/**
 * Visits every string of the object that a detector may flag, and every `env` entry (`{ name, value }`) whose
 * name says credential; the field path is only built for those (no allocation per node).
 */
function walkStrings(value: unknown, path: Array<string | number>, skip: (path: ReadonlyArray<string | number>) => boolean,
  visit: (s: string, field: string, why?: string) => void) {
  if (typeof value === 'string') {
    if (mayHoldSecret(value)) visit(value, fieldPath(path));
  } else if (Array.isArray(value)) {
    const env = path[path.length - 1] === 'env';
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      const e = value[i];
      if (env && e && typeof e === 'object' && typeof e.name === 'string' && typeof e.value === 'string'
        && isCredentialName(e.name) && isLiteralCredential(e.value)) {
        path.push('value');
        visit(e.value, fieldPath(path), `environment variable "${e.name}" is set to a literal value`);
        path.pop();
      }
      walkStrings(e, path, skip, visit);
      path.pop();
    }
  } else if (value && typeof value === 'object') {
    for (const k in value) {
      path.push(k);
      if (!skip(path)) {
        // a token used as a map key is in Git as much as a value
        if (k.length >= 16 && mayHoldSecret(k)) visit(k, fieldPath(path));
        walkStrings((value as any)[k], path, skip, visit);
      }
      path.pop();
    }
  }
}

/** Credential-named keys with literal values in a map of values (ConfigMap data, annotations, Helm values, Flux substitution). */
function walkNamed(value: unknown, path: Array<string | number>, what: string, visit: (s: string, field: string, why: string) => void) {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      const e = value[i];
      if (e && typeof e === 'object' && typeof e.name === 'string' && typeof e.value === 'string' && isCredentialName(e.name) && isLiteralCredential(e.value)) {
        path.push('value');
        visit(e.value, fieldPath(path), `${what} "${e.name}" is set to a literal value`);
        path.pop();
      } else {
        walkNamed(e, path, what, visit);
      }
      path.pop();
    }
  } else if (value && typeof value === 'object') {
    for (const k in value) {
      const v = (value as any)[k];
      path.push(k);
      if (typeof v === 'string') {
        if (isCredentialName(k) && !isReferenceName(k) && isLiteralCredential(v)) visit(v, fieldPath(path), `${what} "${k}" is set to a literal value`);
      } else {
        walkNamed(v, path, what, visit);
      }
      path.pop();
    }
  }
}

const isFlux = (m: Manifest, group: string) => parseApiVersion(m.apiVersion).group === group;

/** The value maps of an object whose credential-named keys must not hold literals. */
function namedValueMaps(m: Manifest): Array<[Array<string | number>, unknown, string]> {
  const out: Array<[Array<string | number>, unknown, string]> = [];
  if (m.metadata?.annotations) out.push([['metadata', 'annotations'], m.metadata.annotations, 'annotation']);
  if (m.kind === 'ConfigMap' && m.apiVersion === 'v1' && m.data) out.push([['data'], m.data, 'ConfigMap key']);
  if (m.kind === 'HelmRelease' && isFlux(m, 'helm.toolkit.fluxcd.io') && m.spec?.values) out.push([['spec', 'values'], m.spec.values, 'Helm value']);
  if (m.kind === 'Kustomization' && isFlux(m, 'kustomize.toolkit.fluxcd.io') && m.spec?.postBuild?.substitute) {
    out.push([['spec', 'postBuild', 'substitute'], m.spec.postBuild.substitute, 'Flux substitution variable']);
  }
  return out;
}

/**
 * P50 and the seeds' first principle, "no secrets in Git": the synthesized YAML is committed, so a
 * Secret with data, a token, a private key or a credential-like literal in a template is refused unless
 * the object opts in by name.
 */
export const plaintextSecretRule: Rule = {
  id: 'ESO-PLAINTEXT-SECRET',
  severity: Severity.ERROR,
  description: `no secret value in the output: Secret data/stringData, provider tokens (Vault, GitHub, GitLab, Slack, AWS, npm, JWT, …), private keys (PEM, PGP, base64), URL passwords, literal values of credential-named env vars, ConfigMap keys, annotations, Helm values and Flux substitutions, credential-like template literals; in List items too. Only ${ALLOW_PLAINTEXT_ANNOTATION}: "<the object's own name>" opts an object in (${IGNORE_ANNOTATION} does not silence this rule)`,
  example: 'kind: Secret\nstringData:\n  password: <anything>',
  pitfalls: ['P50'],
  notSilenceable: true,
  checkObject(m) {
    // a List (kubectl get -o yaml, a cdk8s ApiObject of kind List): each item is judged as an object, with its own opt-in
    if (typeof m.kind === 'string' && m.kind.endsWith('List') && Array.isArray(m.items)) {
      const out: Finding[] = [];
      m.items.forEach((item: unknown, i: number) => {
        if (!item || typeof item !== 'object' || Array.isArray(item)) return;
        for (const f of checkOne(item as Manifest)) out.push({ ...f, field: f.field ? `items[${i}].${f.field}` : `items[${i}]` });
      });
      return out;
    }
    return checkOne(m);
  },
};

// a value of the fake provider has the fake store's own opt-in (ESO-STORE-FAKE-PROVIDER refuses the store without it)
const FAKE_FIX = 'the fake provider keeps its values in the store: use it for development only and opt in with '
  + `SecretStoreProvider.fake({ ..., allowPlaintextInGit: true }) (annotation ${ALLOW_PLAINTEXT_IN_GIT_ANNOTATION}: "true"), or ${MOVE_IT}`;

function checkOne(m: Manifest): Finding[] {
  if (optedIn(m)) return [];
  const ignored = m.metadata?.annotations?.[IGNORE_ANNOTATION];
  const ignoreNote = typeof ignored === 'string' && ignored.includes('ESO-PLAINTEXT-SECRET')
    ? ` (${IGNORE_ANNOTATION} does not silence ESO-PLAINTEXT-SECRET: only the named opt-in does)` : '';
  // built only for an object with a finding (the rule reads every string of every object)
  let fixText: string | undefined;
  const fix = () => (fixText ??= `${MOVE_IT}; if this value really must be in Git, annotate the object with ${ALLOW_PLAINTEXT_ANNOTATION}: "${m.metadata?.name ?? '<name>'}"${ignoreNote}`);
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
            `make sure "${k}" is not secret, or let SOPS encrypt it (encrypted_regex in .sops.yaml); ${fix()}`, { severity: Severity.WARNING })
          : finding(`${section}.${k}`, `Secret "${m.metadata?.name}" carries a value for "${k}" in plain YAML that will be committed to Git`, fix()));
      }
    }
  }
  const flagged = new Set(out.map(f => f.field));
  const push = (field: string, message: string, severity?: Severity) => {
    if (flagged.has(field)) return;
    flagged.add(field);
    out.push(finding(field, message, field.startsWith('spec.provider.fake.') ? FAKE_FIX : fix(), severity ? { severity } : {}));
  };
  // a literal under a credential name in a SOPS-encrypted object (with ciphertext) was left in clear by the file's
  // SOPS rules: a warning, as for a SOPS-encrypted Secret (a token format found in clear stays an error)
  const sopsObject = isSopsEncrypted(m) && containsCiphertext(m);
  const named = (field: string, why: string) => (sopsObject
    ? push(field, `${why}, left in clear text by the file's SOPS rules; it would be committed to Git`, Severity.WARNING)
    : push(field, `${why}; it would be committed to Git`));
  // the fake provider's values: ESO-STORE-FAKE-PROVIDER judges them, opted in with allow-plaintext-in-git: "true"
  const fakeOptIn = m.metadata?.annotations?.[ALLOW_PLAINTEXT_IN_GIT_ANNOTATION] === 'true' && !!m.spec?.provider?.fake;
  const skip = (p: ReadonlyArray<string | number>) => fakeOptIn && p.length === 3 && p[0] === 'spec' && p[1] === 'provider' && p[2] === 'fake';
  walkStrings(m, [], skip, (s, field, why) => {
    if (why) return named(field, why);
    const what = detectSecret(s);
    if (what) push(field, `value looks like ${what}; it would be committed to Git`);
  });
  if (m.kind === 'ConfigMap' && m.apiVersion === 'v1' && m.binaryData && typeof m.binaryData === 'object') {
    for (const [k, v] of Object.entries(m.binaryData)) {
      if (typeof v !== 'string') continue;
      const what = detectSecret(Buffer.from(v, 'base64').toString('latin1'));
      if (what) push(fieldPath(['binaryData', k]), `binaryData "${k}" decodes to ${what}; it would be committed to Git`);
    }
  }
  for (const [base, values, what] of namedValueMaps(m)) {
    walkNamed(values, [...base], what, (_s, field, why) => named(field, why));
  }
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
        out.push(finding(field, `template contains a credential-like literal "${token.slice(0, 4)}…" (${token.length} characters, high entropy) that would be committed to Git`, `reference it from the provider instead ({{ .key }}); ${fix()}`));
      }
    }
  }
  return out;
}
