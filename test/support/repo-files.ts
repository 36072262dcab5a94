/** Small YAML documents and a temporary file tree, shared by the CLI and repository-reader tests. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A valid Vault ClusterSecretStore "vault" (KV v2 at secret, Kubernetes auth role eso). */
export const VAULT_CLUSTER_STORE = `apiVersion: external-secrets.io/v1
kind: ClusterSecretStore
metadata:
  name: vault
spec:
  provider:
    vault:
      server: https://vault.example.internal:8200
      path: secret
      version: v2
      auth:
        kubernetes:
          mountPath: kubernetes
          role: eso
`;

/** A Flux Kustomization in flux-system applying `p` of GitRepository `source` (default flux-system). */
export function fluxKustomization(name: string, p: string, source = 'flux-system'): string {
  return `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: ${name}
  namespace: flux-system
spec:
  interval: 10m
  path: ${p}
  prune: true
  sourceRef:
    kind: GitRepository
    name: ${source}
`;
}

/** Writes the files (path relative to a new temporary folder → content) and returns the folder. */
export function tempTree(files: Record<string, string | Buffer>, prefix = 'eso-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}
