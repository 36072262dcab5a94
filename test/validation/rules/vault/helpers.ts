import { Manifest } from '../../../../src/model/manifest';
import { Diagnostic } from '../../../../src/validation/diagnostic';
import { validateManifests } from '../../../../src/validation/engine';
import { Rule } from '../../../../src/validation/rule';

/** Runs one rule over plain manifests. */
export function run(rule: Rule, manifests: Manifest[]): Diagnostic[] {
  return validateManifests(manifests.map(manifest => ({ manifest })), { rules: [rule] }).diagnostics;
}

export interface StoreOpts {
  readonly name?: string;
  readonly kind?: 'SecretStore' | 'ClusterSecretStore';
  readonly namespace?: string;
  readonly mount?: string | null;
  readonly version?: 'v1' | 'v2';
  readonly role?: string;
  readonly mountPath?: string;
  readonly sa?: { name: string; namespace?: string; audiences?: string[] } | null;
  readonly labels?: Record<string, string>;
}

/** A Vault store with Kubernetes auth (defaults: ClusterSecretStore "vault", KV v2 at "kv", role "eso"). */
export function store(o: StoreOpts = {}): Manifest {
  const kind = o.kind ?? 'ClusterSecretStore';
  const k8s: any = { mountPath: o.mountPath ?? 'kubernetes', role: o.role ?? 'eso' };
  const sa = o.sa === undefined ? { name: 'external-secrets', namespace: 'external-secrets', audiences: ['vault'] } : o.sa;
  if (sa) k8s.serviceAccountRef = sa;
  const vault: any = { server: 'https://vault.example.internal:8200', version: o.version ?? 'v2', auth: { kubernetes: k8s } };
  if (o.mount !== null) vault.path = o.mount ?? 'kv';
  return {
    apiVersion: 'external-secrets.io/v1',
    kind,
    metadata: {
      name: o.name ?? 'vault',
      ...(kind === 'SecretStore' ? { namespace: o.namespace ?? 'apps' } : {}),
      ...(o.labels ? { labels: o.labels } : {}),
    },
    spec: { provider: { vault } },
  };
}

/** An ExternalSecret in `ns` (default "apps") reading `data` keys through ClusterSecretStore "vault". */
export function es(name: string, spec: Record<string, any>, ns = 'apps'): Manifest {
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: { name, namespace: ns },
    spec: { secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' }, ...spec },
  };
}

/** ES with one `data[]` entry per key. */
export function esKeys(name: string, keys: string[], ns = 'apps', extra: Record<string, any> = {}): Manifest {
  return es(name, { data: keys.map((key, i) => ({ secretKey: `k${i}`, remoteRef: { key, property: 'value', ...extra } })) }, ns);
}

/** A PushSecret in `ns` pushing `keys` to ClusterSecretStore "vault". */
export function ps(name: string, keys: string[], ns = 'apps', extra: Record<string, any> = {}): Manifest {
  return {
    apiVersion: 'external-secrets.io/v1alpha1',
    kind: 'PushSecret',
    metadata: { name, namespace: ns },
    spec: {
      secretStoreRefs: [{ name: 'vault', kind: 'ClusterSecretStore' }],
      selector: { secret: { name: 'source' } },
      data: keys.map(k => ({ match: { secretKey: 'password', remoteRef: { remoteKey: k, property: 'password' } } })),
      ...extra,
    },
  };
}

/** vault-config-operator Policy with HCL text. */
export function policy(name: string, text: string, ns = 'vault-admin'): Manifest {
  return {
    apiVersion: 'redhatcop.redhat.io/v1alpha1',
    kind: 'Policy',
    metadata: { name, namespace: ns },
    spec: { authentication: { path: 'kubernetes', role: 'vault-admin', serviceAccount: { name: 'default' } }, type: 'acl', policy: text },
  };
}

/** HCL for path → capabilities. */
export function hcl(rules: Record<string, string[]>): string {
  return Object.entries(rules).map(([p, caps]) => `path "${p}" {\n  capabilities = [${caps.map(c => `"${c}"`).join(', ')}]\n}\n`).join('\n');
}

export interface RoleOpts {
  readonly name?: string;
  readonly mount?: string;
  readonly sas?: string[];
  readonly namespaces?: string[];
  readonly selector?: Record<string, any>;
  readonly policies?: string[];
  readonly audience?: string | null;
  readonly extra?: Record<string, any>;
  readonly ns?: string;
}

/** vault-config-operator KubernetesAuthEngineRole (defaults match `store()`). */
export function role(o: RoleOpts = {}): Manifest {
  return {
    apiVersion: 'redhatcop.redhat.io/v1alpha1',
    kind: 'KubernetesAuthEngineRole',
    metadata: { name: o.name ?? 'eso', namespace: o.ns ?? 'vault-admin' },
    spec: {
      authentication: { path: 'kubernetes', role: 'vault-admin', serviceAccount: { name: 'default' } },
      path: o.mount ?? 'kubernetes',
      targetServiceAccounts: o.sas ?? ['external-secrets'],
      targetNamespaces: o.selector ? { targetNamespaceSelector: o.selector } : { targetNamespaces: o.namespaces ?? ['external-secrets'] },
      policies: o.policies ?? ['eso'],
      ...(o.audience === null ? {} : { audience: o.audience ?? 'vault' }),
      tokenType: 'service',
      ...(o.extra ?? {}),
    },
  };
}

/** provider-vault AuthBackendRole (namespaced `.m.` group). */
export function xpRole(forProvider: Record<string, any>): Manifest {
  return {
    apiVersion: 'kubernetes.vault.m.upbound.io/v1alpha1',
    kind: 'AuthBackendRole',
    metadata: { name: 'eso', namespace: 'vault-admin' },
    spec: {
      providerConfigRef: { kind: 'ClusterProviderConfig', name: 'default' },
      forProvider: {
        backend: 'kubernetes',
        roleName: 'eso',
        boundServiceAccountNames: ['external-secrets'],
        boundServiceAccountNamespaces: ['external-secrets'],
        tokenPolicies: ['eso'],
        audience: 'vault',
        ...forProvider,
      },
    },
  };
}

export function crb(name: string, sa: string, ns: string, clusterRole = 'system:auth-delegator', kind = 'ClusterRoleBinding'): Manifest {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind,
    metadata: { name, ...(kind === 'RoleBinding' ? { namespace: ns } : {}) },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: clusterRole },
    subjects: [{ kind: 'ServiceAccount', name: sa, namespace: ns }],
  };
}
