import { Manifest } from '../../../../src/model/manifest';
import { Diagnostic } from '../../../../src/validation/diagnostic';
import { validateManifests } from '../../../../src/validation/engine';
import { Rule } from '../../../../src/validation/rule';

/** Runs one rule over manifests and returns its diagnostics. */
export function run(rule: Rule, ...manifests: Manifest[]): Diagnostic[] {
  return validateManifests(manifests.map(manifest => ({ manifest })), { rules: [rule] }).diagnostics;
}

/** A valid ExternalSecret spec reading one property from ClusterSecretStore "vault". */
export const BASE_SPEC = {
  refreshInterval: '1h',
  secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' },
  target: { name: 'app', creationPolicy: 'Owner' },
  data: [{ secretKey: 'password', remoteRef: { key: 'app/db', property: 'password' } }],
};

export function es(spec: Record<string, any> = {}, name = 'app', namespace = 'shop'): Manifest {
  return { apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name, namespace }, spec: { ...BASE_SPEC, ...spec } };
}

export function ces(externalSecretSpec: Record<string, any>, namespaces: string[], name = 'fanout'): Manifest {
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ClusterExternalSecret',
    metadata: { name },
    spec: {
      externalSecretName: name,
      namespaceSelectors: [{ matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: namespaces }] }],
      externalSecretSpec: { ...BASE_SPEC, ...externalSecretSpec },
    },
  };
}

export function vaultProvider(path?: string, version = 'v2') {
  return { vault: { server: 'https://vault.example.internal:8200', ...(path ? { path } : {}), version, auth: { kubernetes: { mountPath: 'kubernetes', role: 'eso' } } } };
}

export function css(name = 'vault', extra: Record<string, any> = {}, provider: any = vaultProvider('secret')): Manifest {
  return { apiVersion: 'external-secrets.io/v1', kind: 'ClusterSecretStore', metadata: { name }, spec: { provider, ...extra } };
}

export function ss(name: string, namespace: string, provider: any = vaultProvider('secret')): Manifest {
  return { apiVersion: 'external-secrets.io/v1', kind: 'SecretStore', metadata: { name, namespace }, spec: { provider } };
}

export function secret(name: string, namespace: string, stringData?: Record<string, string>): Manifest {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace }, ...(stringData ? { stringData } : {}) };
}
