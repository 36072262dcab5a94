/**
 * Reads the Vault-related manifests of an app (ESO stores with the vault/openBao provider,
 * vault-config-operator and provider-vault roles, policies and auth configs) into one neutral model.
 * Built once per validation run (ManifestIndex.memo) and shared by every vault rule and by the
 * derived-policy construct. Internal.
 */
import { AclRule, ParsedPolicy, parseHcl } from './hcl';
import { OPERATOR_GROUP, XP_ROLE_GROUPS, XP_POLICY_GROUPS, XP_CONFIG_GROUPS, XP_AUTH_GROUPS, REVIEWER_ANNOTATION, PRUNE_ANNOTATION, VAULT_STORE_ANNOTATION } from '../api';
import { ESO_GROUP, Manifest, parseApiVersion } from '../manifest';
import type { ManifestIndex } from '../manifest-index';

import { addTo } from '../multimap';
import { storeKey } from '../stores';
export { storeKey };
export {
  OPERATOR_GROUP, XP_ROLE_GROUPS, XP_POLICY_GROUPS, XP_CONFIG_GROUPS, XP_AUTH_GROUPS, REVIEWER_ANNOTATION, PRUNE_ANNOTATION, VAULT_STORE_ANNOTATION,
};

/** Annotation the library writes on auth configs whose reviewer is Vault's own pod SA (`<ns>/<name>`). */

/** Trims slashes; mount paths are compared in this form. */
export function normMount(p: unknown): string {
  return (typeof p === 'string' ? p : '').replace(/^\/+|\/+$/g, '');
}

/** The value when it is a string (manifests from YAML may hold anything). */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The string items of a list (empty when not a list). */
export function strs(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function obj(v: unknown): any {
  return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}

/** The Kubernetes auth login of a store or generator: mount + role. */
export interface Login {
  readonly mountPath: string;
  readonly role: string;
}

/** loginKey per Login object (a store's login is shared by every access through it). */
const loginKeys = new WeakMap<Login, string>();

export function loginKey(l: Login): string {
  let k = loginKeys.get(l);
  if (k === undefined) {
    k = `${normMount(l.mountPath)}|${l.role.toLowerCase()}`;
    loginKeys.set(l, k);
  }
  return k;
}

export interface ServiceAccountRef {
  readonly name: string;
  readonly namespace?: string;
  readonly audiences: string[];
}

/** What a store (or a VaultDynamicSecret's provider block) says about Vault. */
export interface VaultProviderInfo {
  readonly providerKey: 'vault' | 'openBao';
  /** Field prefix, e.g. `spec.provider.vault`. */
  readonly field: string;
  readonly server?: string;
  /** KV mount (`provider.path`), trimmed. Undefined when not set. */
  readonly mount?: string;
  readonly version: 'v1' | 'v2';
  readonly login?: Login;
  readonly serviceAccount?: ServiceAccountRef;
  readonly usesSecretRef: boolean;
}

export interface StoreInfo extends VaultProviderInfo {
  readonly manifest: Manifest;
  readonly kind: 'SecretStore' | 'ClusterSecretStore';
  readonly name: string;
  readonly namespace?: string;
  /** `kind|namespace|name`. */
  readonly key: string;
}


/** Reads a provider block (`spec.provider` of a store, or `spec.provider` of a VaultDynamicSecret). */
export function providerInfo(provider: any, fieldPrefix: string, onlyVault = false): VaultProviderInfo | undefined {
  const key = obj(provider?.vault) ? 'vault' : (!onlyVault && obj(provider?.openBao) ? 'openBao' : undefined);
  if (!key) return undefined;
  const p = provider[key];
  const k8s = key === 'vault' ? obj(obj(p.auth)?.kubernetes) : undefined;
  const saRef = obj(k8s?.serviceAccountRef);
  return {
    providerKey: key,
    field: `${fieldPrefix}.${key}`,
    server: typeof p.server === 'string' ? p.server : undefined,
    mount: typeof p.path === 'string' ? normMount(p.path) || undefined : undefined,
    version: p.version === 'v1' ? 'v1' : 'v2',
    login: k8s && typeof k8s.role === 'string' ? { mountPath: normMount(k8s.mountPath ?? 'kubernetes'), role: k8s.role } : undefined,
    serviceAccount: saRef && typeof saRef.name === 'string'
      ? { name: saRef.name, namespace: str(saRef.namespace), audiences: strs(saRef.audiences) }
      : undefined,
    usesSecretRef: !!k8s?.secretRef,
  };
}

export function storeInfo(m: Manifest): StoreInfo | undefined {
  if (m.kind !== 'SecretStore' && m.kind !== 'ClusterSecretStore') return undefined;
  if (parseApiVersion(m.apiVersion).group !== ESO_GROUP) return undefined;
  const info = providerInfo(m.spec?.provider, 'spec.provider');
  const name = str(m.metadata?.name);
  if (!info || !name) return undefined;
  const namespace = m.kind === 'SecretStore' ? str(m.metadata?.namespace) : undefined;
  return { ...info, manifest: m, kind: m.kind, name, namespace, key: storeKey(m.kind, namespace, name) };
}

/** A Kubernetes auth role, from a KubernetesAuthEngineRole or a provider-vault AuthBackendRole. */
export interface RoleInfo {
  readonly manifest: Manifest;
  readonly target: 'operator' | 'crossplane';
  readonly mountPath: string;
  readonly name: string;
  readonly saNames: string[];
  readonly namespaces: string[];
  /** Label selector on namespaces (operator: reconcile-time; provider-vault: login-time, parsed from the JSON string). */
  readonly namespaceSelector?: { matchLabels?: Record<string, string>; matchExpressions?: any[] };
  readonly audience?: string;
  readonly policies: string[];
  readonly noDefaultPolicy: boolean;
  readonly tokenType?: string;
  /** `spec.connection.address` (vault-config-operator), when set. */
  readonly address?: string;
  /** The store the role was made for (the library's store annotation), as `StoreInfo.key`. */
  readonly forStore?: string;
  /** Field paths in this manifest, for diagnostics. */
  readonly fields: {
    readonly policies: string;
    readonly saNames: string;
    readonly namespaces: string;
    readonly audience: string;
    readonly noDefaultPolicy: string;
    readonly mountPath: string;
  };
}

/** The store annotation as a `StoreInfo.key` (`Kind/name`, `Kind/namespace/name`). */
function storeAnnotation(m: Manifest): string | undefined {
  const a = m.metadata?.annotations?.[VAULT_STORE_ANNOTATION];
  if (typeof a !== 'string') return undefined;
  const parts = a.split('/');
  if (parts[0] === 'ClusterSecretStore' && parts.length === 2) return storeKey('ClusterSecretStore', undefined, parts[1]);
  if (parts[0] === 'SecretStore' && parts.length === 3) return storeKey('SecretStore', parts[1], parts[2]);
  return undefined;
}

/** The annotation value naming a store (`ClusterSecretStore/name`, `SecretStore/namespace/name`). */
export function storeAnnotationValue(kind: string, namespace: string | undefined, name: string): string {
  return kind === 'SecretStore' ? `SecretStore/${namespace ?? 'default'}/${name}` : `${kind}/${name}`;
}

const normAddr = (a: string) => a.trim().toLowerCase().replace(/\/+$/, '');

/**
 * The roles a store logs in with: those of its mount and role name. When several objects define that role
 * (one per Vault), the ones made for this store (store annotation) or aimed at its server
 * (`connection.address`) are taken; a single candidate is always taken (addresses may differ for one Vault).
 */
export function rolesForStore(model: VaultModel, store: StoreInfo): RoleInfo[] {
  if (!store.login) return [];
  const all = model.rolesByLogin.get(loginKey(store.login)) ?? [];
  if (all.length < 2) return all;
  const annotated = all.filter(r => r.forStore === store.key);
  if (annotated.length) return annotated;
  const unclaimed = all.filter(r => r.forStore === undefined);
  const server = store.server ? normAddr(store.server) : undefined;
  const aimed = server ? unclaimed.filter(r => r.address && normAddr(r.address) === server) : [];
  return aimed.length ? aimed : unclaimed.length ? unclaimed : all;
}

export function roleInfo(m: Manifest): RoleInfo | undefined {
  const group = parseApiVersion(m.apiVersion).group;
  const s = obj(m.spec) ?? {};
  if (group === OPERATOR_GROUP && m.kind === 'KubernetesAuthEngineRole') {
    const tn = obj(s.targetNamespaces) ?? {};
    return {
      manifest: m,
      target: 'operator',
      mountPath: normMount(s.path),
      name: (str(s.name) ?? str(m.metadata?.name) ?? '').toLowerCase(),
      saNames: Array.isArray(s.targetServiceAccounts) ? strs(s.targetServiceAccounts) : ['default'],
      namespaces: strs(tn.targetNamespaces),
      namespaceSelector: obj(tn.targetNamespaceSelector),
      audience: str(s.audience) || undefined,
      policies: strs(s.policies),
      noDefaultPolicy: s.tokenNoDefaultPolicy === true,
      tokenType: str(s.tokenType),
      address: str(obj(s.connection)?.address) || undefined,
      forStore: storeAnnotation(m),
      fields: {
        policies: 'spec.policies',
        saNames: 'spec.targetServiceAccounts',
        namespaces: 'spec.targetNamespaces',
        audience: 'spec.audience',
        noDefaultPolicy: 'spec.tokenNoDefaultPolicy',
        mountPath: 'spec.path',
      },
    };
  }
  if (XP_ROLE_GROUPS.includes(group) && m.kind === 'AuthBackendRole') {
    const f = obj(s.forProvider) ?? {};
    let selector: RoleInfo['namespaceSelector'];
    if (typeof f.boundServiceAccountNamespaceSelector === 'string' && f.boundServiceAccountNamespaceSelector.trim()) {
      try {
        selector = obj(JSON.parse(f.boundServiceAccountNamespaceSelector));
      } catch {
        selector = undefined;
      }
    }
    return {
      manifest: m,
      target: 'crossplane',
      mountPath: normMount(f.backend ?? 'kubernetes'),
      name: (str(f.roleName) ?? str(m.metadata?.name) ?? '').toLowerCase(),
      saNames: strs(f.boundServiceAccountNames),
      namespaces: strs(f.boundServiceAccountNamespaces),
      namespaceSelector: selector,
      audience: str(f.audience) || undefined,
      policies: strs(f.tokenPolicies),
      noDefaultPolicy: f.tokenNoDefaultPolicy === true,
      tokenType: str(f.tokenType),
      forStore: storeAnnotation(m),
      fields: {
        policies: 'spec.forProvider.tokenPolicies',
        saNames: 'spec.forProvider.boundServiceAccountNames',
        namespaces: 'spec.forProvider.boundServiceAccountNamespaces',
        audience: 'spec.forProvider.audience',
        noDefaultPolicy: 'spec.forProvider.tokenNoDefaultPolicy',
        mountPath: 'spec.forProvider.backend',
      },
    };
  }
  return undefined;
}

/** An ACL policy from a vault-config-operator or provider-vault Policy. */
export interface PolicyInfo {
  readonly manifest: Manifest;
  readonly target: 'operator' | 'crossplane';
  readonly name: string;
  readonly text: string;
  readonly field: string;
  readonly parsed: ParsedPolicy;
}

/** Parsed once per manifest object: several rules and the policy model read the same policy. */
const policyInfos = new WeakMap<Manifest, PolicyInfo | undefined>();

export function policyInfo(m: Manifest): PolicyInfo | undefined {
  if (policyInfos.has(m)) return policyInfos.get(m);
  const info = computePolicyInfo(m);
  policyInfos.set(m, info);
  return info;
}

function computePolicyInfo(m: Manifest): PolicyInfo | undefined {
  const group = parseApiVersion(m.apiVersion).group;
  if (m.kind !== 'Policy') return undefined;
  if (group === OPERATOR_GROUP) {
    const text = typeof m.spec?.policy === 'string' ? m.spec.policy : '';
    return { manifest: m, target: 'operator', name: str(m.spec?.name) ?? str(m.metadata?.name) ?? '', text, field: 'spec.policy', parsed: parseHcl(text) };
  }
  if (XP_POLICY_GROUPS.includes(group)) {
    const f = obj(m.spec?.forProvider) ?? {};
    const text = typeof f.policy === 'string' ? f.policy : '';
    return { manifest: m, target: 'crossplane', name: str(f.name) ?? str(m.metadata?.name) ?? '', text, field: 'spec.forProvider.policy', parsed: parseHcl(text) };
  }
  return undefined;
}

/** Kubernetes auth mount configuration and who reviews tokens. */
export interface AuthConfigInfo {
  readonly manifest: Manifest;
  readonly mountPath: string;
  /** local = Vault's own pod SA; client = the login JWT; reviewer = a dedicated SA. */
  readonly mode: 'local' | 'client' | 'reviewer';
  /** The reviewer SA when known (`reviewer`, or `local` with the library's annotation). */
  readonly reviewer?: { name: string; namespace: string };
  readonly field: string;
}

export function authConfigInfo(m: Manifest, index: ManifestIndex): AuthConfigInfo | undefined {
  const group = parseApiVersion(m.apiVersion).group;
  const s = obj(m.spec) ?? {};
  const ns = str(m.metadata?.namespace) ?? 'default';
  const annotated = (): { name: string; namespace: string } | undefined => {
    const a = m.metadata?.annotations?.[REVIEWER_ANNOTATION];
    if (typeof a !== 'string' || !a.includes('/')) return undefined;
    const [namespace, name] = a.split('/');
    return { name, namespace };
  };
  if (group === OPERATOR_GROUP && m.kind === 'KubernetesAuthEngineConfig') {
    const mountPath = normMount([normMount(s.path), str(s.name) ?? str(m.metadata?.name)].filter(Boolean).join('/'));
    const reviewerName = str(obj(s.tokenReviewerServiceAccount)?.name);
    if (reviewerName) {
      return { manifest: m, mountPath, mode: 'reviewer', reviewer: { name: reviewerName, namespace: ns }, field: 'spec.tokenReviewerServiceAccount' };
    }
    if (s.disableLocalCAJWT === true) return { manifest: m, mountPath, mode: 'client', field: 'spec.disableLocalCAJWT' };
    return { manifest: m, mountPath, mode: 'local', reviewer: annotated(), field: 'spec' };
  }
  if (XP_CONFIG_GROUPS.includes(group) && m.kind === 'AuthBackendConfig') {
    const f = obj(s.forProvider) ?? {};
    const mountPath = normMount(f.backend ?? 'kubernetes');
    const ref = obj(f.tokenReviewerJwtSecretRef);
    if (str(ref?.name)) {
      const secret = index.get('', 'Secret', str(ref.namespace) ?? ns, ref.name);
      const sa = secret?.metadata?.annotations?.['kubernetes.io/service-account.name'];
      return {
        manifest: m,
        mountPath,
        mode: 'reviewer',
        reviewer: typeof sa === 'string' ? { name: sa, namespace: str(secret!.metadata!.namespace) ?? ns } : undefined,
        field: 'spec.forProvider.tokenReviewerJwtSecretRef',
      };
    }
    if (f.disableLocalCaJwt === true) return { manifest: m, mountPath, mode: 'client', field: 'spec.forProvider.disableLocalCaJwt' };
    return { manifest: m, mountPath, mode: 'local', reviewer: annotated(), field: 'spec.forProvider' };
  }
  return undefined;
}

/** A secrets-engine or auth-method mount object (vault-config-operator or provider-vault). */
export interface MountInfo {
  readonly manifest: Manifest;
  readonly target: 'operator' | 'crossplane';
  readonly kind: 'auth' | 'secrets';
  /** The mount's Vault path without `auth/` or `sys/mounts/`, trimmed. */
  readonly mountPath: string;
  /** Field that sets the path, for diagnostics. */
  readonly field: string;
  readonly type?: string;
  /** "1" or "2" for a KV secrets mount (KV without options.version is v1). */
  readonly kvVersion?: string;
}

export function mountInfo(m: Manifest): MountInfo | undefined {
  const group = parseApiVersion(m.apiVersion).group;
  const s = obj(m.spec) ?? {};
  const last = str(s.name) || str(m.metadata?.name) || '';
  if (group === OPERATOR_GROUP && m.kind === 'SecretEngineMount') {
    const type = str(s.type);
    const version = str(obj(s.options)?.version);
    return {
      manifest: m,
      target: 'operator',
      kind: 'secrets',
      mountPath: normMount([normMount(s.path), last].filter(Boolean).join('/')),
      field: s.path ? 'spec.path' : s.name ? 'spec.name' : 'metadata.name',
      type,
      kvVersion: type === 'kv' ? (version === '2' ? '2' : '1') : type === 'kv-v2' ? '2' : type === 'kv-v1' ? '1' : undefined,
    };
  }
  if (group === OPERATOR_GROUP && m.kind === 'AuthEngineMount') {
    return { manifest: m, target: 'operator', kind: 'auth', mountPath: normMount([normMount(s.path), last].filter(Boolean).join('/')), field: 'spec.path', type: str(s.type) };
  }
  if (XP_AUTH_GROUPS.includes(group) && m.kind === 'Backend') {
    const f = obj(s.forProvider) ?? {};
    const type = str(f.type);
    return { manifest: m, target: 'crossplane', kind: 'auth', mountPath: normMount(f.path ?? type), field: 'spec.forProvider.path', type };
  }
  return undefined;
}

/** Everything Vault-related in the app, indexed. */
export interface VaultModel {
  readonly stores: StoreInfo[];
  readonly storesByKey: Map<string, StoreInfo>;
  readonly roles: RoleInfo[];
  readonly rolesByLogin: Map<string, RoleInfo[]>;
  readonly policies: PolicyInfo[];
  readonly policiesByName: Map<string, PolicyInfo[]>;
  readonly authConfigs: AuthConfigInfo[];
  readonly mounts: MountInfo[];
}

export function buildVaultModel(index: ManifestIndex): VaultModel {
  const stores: StoreInfo[] = [];
  for (const kind of ['SecretStore', 'ClusterSecretStore']) {
    for (const m of index.ofKind(kind, ESO_GROUP)) {
      const s = storeInfo(m);
      if (s) stores.push(s);
    }
  }
  const roles: RoleInfo[] = [];
  for (const m of [...index.ofKind('KubernetesAuthEngineRole'), ...index.ofKind('AuthBackendRole')]) {
    const r = roleInfo(m);
    if (r) roles.push(r);
  }
  const policies: PolicyInfo[] = [];
  for (const m of index.ofKind('Policy')) {
    const p = policyInfo(m);
    if (p) policies.push(p);
  }
  const authConfigs: AuthConfigInfo[] = [];
  for (const m of [...index.ofKind('KubernetesAuthEngineConfig'), ...index.ofKind('AuthBackendConfig')]) {
    const c = authConfigInfo(m, index);
    if (c) authConfigs.push(c);
  }
  const mounts: MountInfo[] = [];
  for (const m of [...index.ofKind('SecretEngineMount', OPERATOR_GROUP), ...index.ofKind('AuthEngineMount', OPERATOR_GROUP), ...index.ofKind('Backend')]) {
    const x = mountInfo(m);
    if (x) mounts.push(x);
  }
  const rolesByLogin = new Map<string, RoleInfo[]>();
  for (const r of roles) {
    const k = loginKey({ mountPath: r.mountPath, role: r.name });
    addTo(rolesByLogin, k, r);
  }
  const policiesByName = new Map<string, PolicyInfo[]>();
  for (const p of policies) addTo(policiesByName, p.name, p);
  return { stores, storesByKey: new Map(stores.map(s => [s.key, s])), roles, rolesByLogin, policies, policiesByName, authConfigs, mounts };
}

/** The model of this validation run (built once). */
export function vaultModel(index: ManifestIndex): VaultModel {
  return index.memo('vault.model', () => buildVaultModel(index));
}

/**
 * The rules a token of this role gets: the role's policies found in the app, plus Vault's `default`
 * policy unless the role drops it. `complete` is false when a policy name is not defined in the app
 * (then coverage cannot be judged).
 */
export function roleAcl(role: RoleInfo, model: VaultModel, defaultRules: AclRule[]): { rules: AclRule[]; complete: boolean; missing: string[] } {
  const rules: AclRule[] = [];
  const missing: string[] = [];
  for (const name of role.policies) {
    if (name === 'default') continue;
    const found = model.policiesByName.get(name);
    if (!found) {
      missing.push(name);
      continue;
    }
    for (const p of found) rules.push(...p.parsed.rules);
  }
  if (!role.noDefaultPolicy || role.policies.includes('default')) rules.push(...defaultRules);
  return { rules, complete: missing.length === 0, missing };
}

/** Vault's `strutil.StrListContainsGlob`: entries may have a leading and/or trailing `*`. */
export function globListContains(list: readonly string[], value: string): boolean {
  return list.some(g => {
    if (g === '*') return true;
    const lead = g.startsWith('*');
    const trail = g.endsWith('*') && g.length > 1;
    const core = g.slice(lead ? 1 : 0, trail ? -1 : undefined);
    if (lead && trail) return value.includes(core);
    if (lead) return value.endsWith(core);
    if (trail) return value.startsWith(core);
    return value === g;
  });
}
