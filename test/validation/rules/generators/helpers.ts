import { Manifest } from '../../../../src/model/manifest';
import { validateManifests } from '../../../../src/validation/engine';
import { Rule } from '../../../../src/validation/rule';

/** Runs one rule over manifests and returns its diagnostics. */
export function run(rule: Rule, ...manifests: Manifest[]) {
  return validateManifests(manifests.map(manifest => ({ manifest })), { rules: [rule] }).diagnostics;
}

export function password(spec: Record<string, any>, name = 'pw', namespace = 'databases'): Manifest {
  return { apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'Password', metadata: { name, namespace }, spec };
}

export function clusterGenerator(spec: Record<string, any>, name = 'cg'): Manifest {
  return { apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'ClusterGenerator', metadata: { name }, spec };
}

export function externalSecret(spec: Record<string, any>, name = 'db-password', namespace = 'databases'): Manifest {
  return { apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name, namespace }, spec };
}

export function pushSecret(spec: Record<string, any>, name = 'push', namespace = 'databases'): Manifest {
  return { apiVersion: 'external-secrets.io/v1alpha1', kind: 'PushSecret', metadata: { name, namespace }, spec };
}

export const genRef = (kind: string, name: string, apiVersion = 'generators.external-secrets.io/v1alpha1') => ({ apiVersion, kind, name });
