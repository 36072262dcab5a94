/** Manifests as objects, shared by the tests that build apps of raw ApiObjects. */

/** A Vault ClusterSecretStore (KV v2 at kv, Kubernetes auth role eso, the ESO service account). */
export function vaultClusterStore(name = 'vault') {
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ClusterSecretStore',
    metadata: { name },
    spec: { provider: { vault: { server: 'https://vault.example.internal:8200', path: 'kv', version: 'v2', auth: { kubernetes: { mountPath: 'kubernetes', role: 'eso', serviceAccountRef: { name: 'external-secrets', namespace: 'external-secrets' } } } } } },
  };
}
