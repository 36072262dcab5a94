import type { Rule } from '../rule';

/**
 * Deliberate lints: rules that refuse objects upstream's admission (the API server's CRD pipeline and
 * ESO v2.9.0's webhooks) accepts, and why. The differential test (npm run conformance) counts a
 * disagreement as documented only when its rule is listed here or sets `stricterThanUpstream` itself;
 * docs/rules.md shows the reason in its "stricter than upstream, because …" column.
 *
 * Kept in one table (by rule id) so that the reasons, measured against upstream by one harness, are
 * reviewed together; a rule may instead carry its own `stricterThanUpstream`.
 */
export const STRICTER_THAN_UPSTREAM: Record<string, string> = {
  'ESO-ES-DATA-REQUIRED': 'a ClusterExternalSecret has no webhook: it is admitted, then ESO\'s ExternalSecret webhook refuses every child it creates',
  'ESO-ES-DUPLICATE-KEY': 'a ClusterExternalSecret has no webhook: it is admitted, then ESO\'s ExternalSecret webhook refuses every child it creates',
  'ESO-ES-REWRITE-KEY': 'the keys a rewrite produces are only known at sync time: ESO then fails the sync ("invalid secret keys")',
  'ESO-ES-TYPED-SECRET': 'a typed Secret without its mandatory keys is admitted, then the API server refuses the Secret ESO writes on every sync',
  'ESO-GEN-PASSWORD-ARITHMETIC': 'generators have no webhook: the Password is admitted, then every generation fails (go-password)',
  'ESO-GEN-PASSWORD-EMPTY-SYMBOLS': 'admitted and generated, but not what was meant: an empty symbolCharacters still yields symbols',
  'ESO-GEN-PASSWORD-SECRET-KEYS': 'generators have no webhook: the Password is admitted, then ESO fails the generation',
  'ESO-GEN-REFRESH': 'admitted and synced, but not what was meant: the generated value changes every refreshInterval',
  'ESO-OPENBAO-AUTH-ONE': 'the CRD rule only runs when auth is present; without auth the store is admitted and ESO cannot log in',
  'ESO-PUSH-DATATO-STORE': 'PushSecrets have no webhook: a dataTo for a store the PushSecret does not name matches nothing at sync time',
  'ESO-PUSH-STORE-REFS': 'PushSecrets have no webhook: without a store or a source Secret it is admitted and pushes nothing (or fails every sync)',
  'ESO-VAULT-APPROLE-ROLE-ID': 'admitted; ESO\'s AppRole login fails on every sync without a role id',
  'ESO-VAULT-AUTH-MOUNT-PATH': 'admitted; the login goes to auth/auth/… (or an empty segment) and Vault answers 404 on every sync',
  'ESO-VAULT-AUTH-ONE': 'admitted; without an auth method ESO logs in with whatever token its own environment has, or fails every sync',
  'ESO-VAULT-JWT-TOKEN-SOURCE': 'admitted; the JWT login has no token to send and fails on every sync',
  'ESO-VAULT-POLICY-SYNTAX': 'the operator\'s CRD accepts any string: Vault refuses the policy when the operator writes it',
  'ESO-VAULT-ROLE-FIELDS': 'the operator\'s CRD accepts the role: Vault refuses it when the operator writes it',
  'ESO-VAULT-SERVER-URL': 'the CRD accepts any string: ESO fails to reach the server (or calls /v1/v1/…) on every sync',
  'ESO-VAULT-CA-BUNDLE': 'the CRD accepts any base64: a caBundle that is not a PEM certificate bundle fails the TLS setup on every sync',
  'ESO-VAULT-CA-PROVIDER-NAMESPACE': 'admitted; a ClusterSecretStore\'s caProvider without namespace fails every sync ("missing namespace on caProvider secret")',
  'ESO-VAULT-KV-PATH': 'admitted; a KV path with a leading or trailing "/" makes ESO call "//data/<key>", which Vault does not serve',
  'ESO-VAULT-TLS-PAIR': 'ESO\'s vault provider ValidateStore refuses it at admission; the harness cannot link that provider module (not on the module proxy), so the oracle admits it',
};

/** Why a rule is stricter than upstream, if it deliberately is. */
export function stricterThanUpstream(rule: Rule): string | undefined {
  return rule.stricterThanUpstream ?? STRICTER_THAN_UPSTREAM[rule.id];
}
