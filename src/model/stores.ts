// Shared helpers of the store rules (plain-manifest readers; no construct code).
import { ESO_GROUP } from './api';
import { Manifest } from './manifest';
import { isObject } from './json';
export { isObject };

export const STORE_KINDS = ['SecretStore', 'ClusterSecretStore'];
export const ESO_GROUPS = [ESO_GROUP];

export function isClusterStore(m: Manifest): boolean {
  return m.kind === 'ClusterSecretStore';
}

/**
 * Calls `visit` for every entry of every `spec.conditions[].namespaceRegexes[]` of a store, with its field
 * path (`spec.conditions[i].namespaceRegexes[j]`).
 */
export function forEachNamespaceRegex(m: Manifest, visit: (regex: unknown, field: string) => void): void {
  const conditions = m.spec?.conditions;
  if (!Array.isArray(conditions)) return;
  conditions.forEach((c: any, i: number) => {
    const regexes = c?.namespaceRegexes;
    if (!Array.isArray(regexes)) return;
    regexes.forEach((r: unknown, j: number) => visit(r, `spec.conditions[${i}].namespaceRegexes[${j}]`));
  });
}

/** A Vault-API provider block of a store: `spec.provider.vault` or `spec.provider.openBao`. */
export interface VaultBlock {
  readonly key: 'vault' | 'openBao';
  readonly spec: Record<string, any>;
  /** `spec.provider.vault` / `spec.provider.openBao`. */
  readonly field: string;
}

/** The Vault-API provider blocks of a store (`vault`, `openBao`). */
export function vaultBlocks(m: Manifest, keys: ReadonlyArray<'vault' | 'openBao'> = ['vault', 'openBao']): VaultBlock[] {
  const provider = m.spec?.provider;
  if (!isObject(provider)) return [];
  const out: VaultBlock[] = [];
  for (const key of keys) {
    if (isObject(provider[key])) out.push({ key, spec: provider[key], field: `spec.provider.${key}` });
  }
  return out;
}

/** A reference to a Secret or service account inside a provider block. */
export interface ProviderRef {
  /** JSON path relative to the provider block, e.g. `auth.kubernetes.serviceAccountRef`. */
  readonly path: string;
  readonly ref: Record<string, any>;
  readonly kind: 'secret' | 'serviceAccount';
}

/** Every reference ESO namespace-checks (V-1, V-3, V-5, V-6, V-8) plus the openBao equivalents. */
export function providerRefs(block: VaultBlock): ProviderRef[] {
  const out: ProviderRef[] = [];
  const add = (path: string, kind: 'secret' | 'serviceAccount') => {
    let cur: any = block.spec;
    for (const p of path.split('.')) cur = isObject(cur) ? cur[p] : undefined;
    if (isObject(cur)) out.push({ path, ref: cur, kind });
  };
  add('auth.tokenSecretRef', 'secret');
  add('auth.appRole.secretRef', 'secret');
  add('auth.appRole.roleRef', 'secret');
  add('auth.userPass.secretRef', 'secret');
  if (block.key === 'vault') {
    add('auth.kubernetes.serviceAccountRef', 'serviceAccount');
    add('auth.kubernetes.secretRef', 'secret');
    add('auth.ldap.secretRef', 'secret');
    add('auth.jwt.secretRef', 'secret');
    add('auth.jwt.kubernetesServiceAccountToken.serviceAccountRef', 'serviceAccount');
    add('auth.cert.clientCert', 'secret');
    add('auth.cert.secretRef', 'secret');
    add('auth.iam.jwt.serviceAccountRef', 'serviceAccount');
    add('auth.iam.secretRef.accessKeyIDSecretRef', 'secret');
    add('auth.iam.secretRef.secretAccessKeySecretRef', 'secret');
    add('auth.iam.secretRef.sessionTokenSecretRef', 'secret');
    add('tls.certSecretRef', 'secret');
    add('tls.keySecretRef', 'secret');
  }
  return out;
}

/** The auth methods ESO knows per provider, in ESO's own priority order. */
export const VAULT_AUTH_METHODS = ['tokenSecretRef', 'appRole', 'kubernetes', 'ldap', 'userPass', 'jwt', 'cert', 'iam', 'gcp'];
export const OPENBAO_AUTH_METHODS = ['appRole', 'tokenSecretRef', 'userPass'];

/** Auth methods set in a provider block's `auth` (order of ESO's priority). */
export function authMethods(block: VaultBlock): string[] {
  const auth = block.spec.auth;
  if (!isObject(auth)) return [];
  const known = block.key === 'vault' ? VAULT_AUTH_METHODS : OPENBAO_AUTH_METHODS;
  return known.filter(k => auth[k] !== undefined && auth[k] !== null);
}

/** Splits a server URL into scheme and the rest (undefined when there is no `scheme://`). */
export function serverScheme(server: unknown): string | undefined {
  if (typeof server !== 'string') return undefined;
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(server.trim());
  return m ? m[1].toLowerCase() : undefined;
}
