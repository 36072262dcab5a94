/**
 * Detectors of the plaintext guard (ESO-PLAINTEXT-SECRET): pure functions over one string.
 *
 * Why not a maintained detector package: secretlint's recommended preset (@secretlint/core +
 * @secretlint/secretlint-rule-preset-recommend) is evaluated through `lintSource()`, which returns a Promise
 * (rules' `file()` handlers may be async), and its packages are ES modules only; cdk8s validations and
 * `app.synth()` are synchronous and this library is a CommonJS jsii package, so it cannot run inside a synth.
 * The provider token formats below are therefore the well-known published ones, each with its source:
 * gitleaks' default config (config/gitleaks.toml, MIT) and secretlint's rule packages (MIT), see the
 * comments per pattern. Only formats with a fixed, distinctive prefix are used, so look-alikes (UUIDs,
 * sha256 digests, CamelCase identifiers, Vault paths) cannot match.
 */

/** One token format: a cheap prefix test, the full pattern, and what it is (for messages). */
interface TokenFormat {
  readonly hint: string;
  readonly re: RegExp;
  readonly what: string;
}

const FORMATS: TokenFormat[] = [
  // HashiCorp Vault service/batch/recovery tokens (gitleaks: hashicorp-tf-api-token / vault-service-token)
  { hint: 'hv', re: /\bhv[sbr]\.[A-Za-z0-9_-]{20,}/, what: 'a Vault token' },
  // legacy Vault service token: "s." + 24 characters (gitleaks: vault-service-token, legacy form)
  { hint: 's.', re: /(^|[^A-Za-z0-9.])s\.[A-Za-z0-9]{24}(?![A-Za-z0-9.])/, what: 'a legacy Vault token (s. + 24 characters)' },
  // PEM private keys of every kind and PGP private key blocks (gitleaks: private-key; secretlint-rule-privatekey)
  { hint: 'PRIVATE KEY', re: /-----BEGIN[ A-Z0-9]*PRIVATE KEY( BLOCK)?-----/, what: 'a private key block' },
  // AWS access key ids (gitleaks: aws-access-token; secretlint-rule-aws)
  { hint: 'IA', re: /\b(?:AKIA|ASIA|ABIA)[A-Z0-9]{16}\b/, what: 'an AWS access key id' },
  { hint: 'ACCA', re: /\bACCA[A-Z0-9]{16}\b/, what: 'an AWS access key id' },
  // GitHub tokens: classic, OAuth, user-to-server, server-to-server, refresh (gitleaks: github-pat, github-oauth,
  // github-app-token, github-refresh-token; secretlint-rule-github) and fine-grained PATs (gitleaks: github-fine-grained-pat)
  { hint: 'gh', re: /\bgh[pousr]_[A-Za-z0-9]{36}\b/, what: 'a GitHub token' },
  { hint: 'github_pat_', re: /\bgithub_pat_[A-Za-z0-9_]{82}\b/, what: 'a GitHub fine-grained token' },
  // GitLab personal/project/group access tokens (gitleaks: gitlab-pat)
  { hint: 'glpat-', re: /\bglpat-[A-Za-z0-9_-]{20,}/, what: 'a GitLab access token' },
  // Slack bot/user/app/refresh tokens and incoming webhooks (gitleaks: slack-bot-token, slack-user-token,
  // slack-app-token, slack-webhook-url; secretlint-rule-slack)
  { hint: 'xox', re: /\bxox[abeoprs]-[0-9A-Za-z-]{10,}/, what: 'a Slack token' },
  { hint: 'xapp-', re: /\bxapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+/i, what: 'a Slack app token' },
  { hint: 'hooks.slack.com', re: /hooks\.slack\.com\/(?:services|workflows)\/[A-Za-z0-9+/]{20,}/, what: 'a Slack webhook URL' },
  // npm access tokens (gitleaks: npm-access-token; secretlint-rule-npm)
  { hint: 'npm_', re: /\bnpm_[A-Za-z0-9]{36}\b/, what: 'an npm access token' },
  // JSON Web Tokens: header and payload are base64url JSON objects (gitleaks: jwt)
  { hint: 'eyJ', re: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/, what: 'a JSON Web Token' },
  // Google API keys (gitleaks: gcp-api-key)
  { hint: 'AIza', re: /\bAIza[0-9A-Za-z_-]{35}\b/, what: 'a Google API key' },
  // Stripe secret and restricted keys (gitleaks: stripe-access-token)
  { hint: '_live_', re: /\b[sr]k_live_[0-9A-Za-z]{20,}/, what: 'a Stripe live key' },
];

/** `scheme://user:password@host`: a password in a URL (secretlint-rule-basicauth, gitleaks' generic URL credentials). */
const URL_CREDENTIALS = /\b[a-z][a-z0-9+.-]*:\/\/([^\s:/?#@]+):([^\s/?#@]+)@[^\s/?#]/i;

/** A password part that is a placeholder or a reference, not a value. */
function isPlaceholder(password: string): boolean {
  return /^(\$|\{|<|%|\*+$|x+$|\.\.\.)/i.test(password) || /^(password|pass|changeme|secret|redacted)$/i.test(password);
}

/**
 * Base64 of text starting with "-----BEGIN" (a PEM block at the start of the decoded value), e.g. a private
 * key put into a ConfigMap's binaryData or into Helm values. Cheap test first: "-----BEGIN" encodes to this.
 */
const BASE64_PEM = 'LS0tLS1CRUdJTi';

/** What secret the string looks like, or undefined. The string is one value; a field name is not needed. */
export function detectSecret(s: string): string | undefined {
  for (const f of FORMATS) {
    if (s.indexOf(f.hint) < 0) continue;
    if (f.re.test(s)) return f.what;
  }
  if (s.indexOf('://') > 0) {
    const m = URL_CREDENTIALS.exec(s);
    if (m && !isPlaceholder(m[2]) && !/\{\{|\$\{|«flux:/.test(m[0])) return 'a URL with a password (scheme://user:password@host)';
  }
  const at = s.indexOf(BASE64_PEM);
  if (at >= 0) {
    const b64 = /^[A-Za-z0-9+/=\r\n]+/.exec(s.slice(at))?.[0] ?? '';
    const decoded = Buffer.from(b64, 'base64').toString('latin1');
    for (const f of FORMATS) {
      if (f.what === 'a private key block' && f.re.test(decoded)) return 'a base64-encoded private key block';
    }
  }
  return undefined;
}

/** A cheap test implied by every detector: most strings are ruled out by it alone. */
const ANY_HINT = new RegExp([...new Set(FORMATS.map(f => f.hint))].map(h => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') + '|://|' + BASE64_PEM);

/** True when `detectSecret` may find something (a prefilter). */
export function mayHoldSecret(s: string): boolean {
  return ANY_HINT.test(s);
}

/**
 * Names that say "this value is a credential" (env var names, ConfigMap keys, Helm values keys, Flux
 * substitution variables): ends with password/passwd/token/api key/secret key/access key/private key/
 * client secret, in any case style (DB_PASSWORD, dbPassword, db-password, api.key).
 * Names of references (passwordSecretRef, existingSecret, tokenPath, passwordKey, …) do not end so.
 */
export function isCredentialName(name: string): boolean {
  return /(?:^|[^a-z])(?:password|passwd|pwd|token|secret[_.-]?key|access[_.-]?key|api[_.-]?key|private[_.-]?key|client[_.-]?secret|auth[_.-]?token)$/i.test(name)
    || /(?:^|[a-z0-9])(?:Password|Passwd|Token|SecretKey|AccessKey|ApiKey|PrivateKey|ClientSecret)$/.test(name);
}

/**
 * A value under a credential name that is a literal credential, not a reference: not empty, not a
 * template/variable/placeholder, not a path or URL (a Vault path that contains "password"), not a boolean
 * or number, not a file name.
 */
export function isLiteralCredential(value: string): boolean {
  const v = value.trim();
  if (v.length < 4) return false;
  if (/\{\{|\$\{|\$\(|«flux:|^ENC\[/.test(v)) return false;
  if (/^(true|false|yes|no|null|none|changeme|redacted|\*+|x+|<.*>)$/i.test(v)) return false;
  if (/^-?\d+(\.\d+)?$/.test(v)) return false;
  // paths (kv/data/app/password, /etc/secrets/token), URLs without credentials, file names (token.txt)
  // (a random-looking value with slashes, like an AWS secret access key, is not a path)
  const pathLike = /^[\w.-]*(\/[\w.-]+)+\/?$/.test(v) || /^\/[\w./-]+$/.test(v);
  if (pathLike && !looksRandom(v)) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\/[^@\s]+$/i.test(v)) return false;
  if (/^[\w-]+\.(txt|json|ya?ml|pem|key|crt|conf|env)$/i.test(v)) return false;
  // references, not values: the name of a key (`secretKey: GITHUB_TOKEN`, `RCON_PASSWORD`) or a Grafana file/env
  // reference (`$__file{/etc/secrets/client_secret}`)
  if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(v) || /^\$__(file|env)\{/.test(v)) return false;
  if (/^(token|password|passwd|secret|key|username|user|api[-_]?key|client[-_]?secret)$/i.test(v)) return false;
  return true;
}

/**
 * Keys whose value names another object instead of holding a credential: `existingSecret`,
 * `existingSecretAdminPassword`, `passwordSecretName`, `tokenSecretRef` (Helm charts' convention).
 */
export function isReferenceName(name: string): boolean {
  return /^existing/i.test(name) || /(SecretName|SecretRef|Secret_name|secret-name|secretName|Ref)$/.test(name);
}

/** Shannon entropy in bits per character. */
function bits(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}

/** Long, three character classes or more, high entropy: a generated value, not a name or a path. */
function looksRandom(v: string): boolean {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter(r => r.test(v)).length;
  return v.length >= 20 && classes >= 3 && bits(v) >= 4.2;
}

/** Removes public PEM blocks (certificates, public keys) before any entropy heuristic looks at a text. */
export function withoutPublicPem(text: string): string {
  return text.replace(/-----BEGIN (?:[A-Z0-9]+ )*(?:CERTIFICATE|PUBLIC KEY|CERTIFICATE REQUEST|X509 CRL)-----[\s\S]*?-----END [A-Z0-9 ]+-----/g, ' ');
}

/** Hex digests (sha256/sha1/md5…), UUIDs and CamelCase identifiers are not credentials. */
export function isHarmlessToken(token: string): boolean {
  if (/^(sha\d+[:=-]?)?[0-9a-f]{32,}$/i.test(token)) return true;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(token)) return true;
  if (/^[A-Za-z][A-Za-z0-9_$]*$/.test(token)) {
    // CamelCase words (AbstractSingletonProxyFactoryBean2): few, long case runs; random base62 has many short ones
    const runs = token.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+|[_$]/g) ?? [];
    if (runs.length > 0 && token.length / runs.length >= 3.5) return true;
  }
  return false;
}
