import { Manifest, NonManifestDocument, SourcedManifest } from '../../../../src/model/manifest';
import { validateManifests } from '../../../../src/validation/engine';
import { Rule } from '../../../../src/validation/rule';

/** A Flux Kustomization applying `./repo/<path>`. */
export function ks(name: string, path: string, spec: Record<string, any> = {}): Manifest {
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name, namespace: 'flux-system' },
    spec: { interval: '10m', prune: true, path, sourceRef: { kind: 'GitRepository', name: 'flux-system' }, wait: true, ...spec },
  };
}

export function esoRelease(values: Record<string, any> = { installCRDs: true }): Manifest {
  return {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: { name: 'external-secrets', namespace: 'external-secrets' },
    spec: {
      interval: '1h',
      chart: { spec: { chart: 'external-secrets', version: '2.9.0', sourceRef: { kind: 'HelmRepository', name: 'external-secrets', namespace: 'external-secrets' } } },
      install: { crds: 'CreateReplace' },
      upgrade: { crds: 'CreateReplace' },
      values,
    },
  };
}

export function store(name = 'vault'): Manifest {
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ClusterSecretStore',
    metadata: { name },
    spec: { provider: { vault: { server: 'https://vault.example.internal:8200', path: 'kv', version: 'v2', auth: { kubernetes: { mountPath: 'kubernetes', role: 'eso' } } } } },
  };
}

export function externalSecret(name = 'db', namespace: string | null = 'example', spec: Record<string, any> = {}): Manifest {
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: namespace ? { name, namespace } : { name },
    spec: {
      refreshInterval: '1h',
      secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' },
      target: { name, creationPolicy: 'Owner' },
      data: [{ secretKey: 'password', remoteRef: { key: 'example/db', property: 'password' } }],
      ...spec,
    },
  };
}

export function kustomizeFile(resources: string[]): Manifest {
  return { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources };
}

/** The three layers FluxLayout writes, as files under repo/dist (relative to the working directory). */
type Spec = Record<string, any>;
export function layered(overrides: { controllers?: Spec; configs?: Spec; apps?: Spec } = {}): SourcedManifest[] {
  return [
    { manifest: ks('controllers', './repo/dist/controllers', overrides.controllers), file: 'repo/dist/flux/controllers.yaml' },
    { manifest: ks('configs', './repo/dist/configs', { dependsOn: [{ name: 'controllers' }], ...overrides.configs }), file: 'repo/dist/flux/configs.yaml' },
    { manifest: ks('apps', './repo/dist/apps', { dependsOn: [{ name: 'configs' }], ...overrides.apps }), file: 'repo/dist/flux/apps.yaml' },
    { manifest: esoRelease(), file: 'repo/dist/controllers/external-secrets.yaml' },
    { manifest: store(), file: 'repo/dist/configs/configs.yaml' },
    { manifest: externalSecret(), file: 'repo/dist/apps/apps.yaml' },
  ];
}

export function run(rule: Rule, items: SourcedManifest[], nonManifests: NonManifestDocument[] = []) {
  return validateManifests(items, { rules: [rule], nonManifests }).diagnostics;
}
