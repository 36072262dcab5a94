import { Manifest } from '../../../../src/model/manifest';
import { validateManifests } from '../../../../src/validation/engine';
import { Rule } from '../../../../src/validation/rule';

export function run(rule: Rule, ...manifests: Manifest[]) {
  return validateManifests(manifests.map(manifest => ({ manifest })), { rules: [rule] }).diagnostics;
}

export interface StoreOpts {
  readonly mount?: string;
  readonly version?: string;
  readonly readOnly?: boolean;
  readonly labels?: Record<string, string>;
  readonly namespace?: string;
  readonly provider?: 'vault' | 'openBao' | 'fake';
}

export function css(name: string, o: StoreOpts = {}): Manifest {
  const kind = o.namespace ? 'SecretStore' : 'ClusterSecretStore';
  const provider = o.provider === 'fake'
    ? { fake: { data: [] } }
    : { [o.provider ?? 'vault']: { server: `https://${name}.example.internal:8200`, path: o.mount ?? 'secret', version: o.version ?? 'v2', auth: { kubernetes: { mountPath: 'kubernetes', role: 'eso' } } } };
  return {
    apiVersion: 'external-secrets.io/v1',
    kind,
    metadata: {
      name,
      ...(o.namespace ? { namespace: o.namespace } : {}),
      ...(o.labels ? { labels: o.labels } : {}),
      ...(o.readOnly ? { annotations: { 'cdk8s-external-secrets.io/read-only': 'true' } } : {}),
    },
    spec: { provider },
  };
}

export const ref = (name: string, kind = 'ClusterSecretStore') => ({ name, kind });

export const prop = (secretKey: string, remoteKey: string, property?: string) =>
  ({ match: { secretKey, remoteRef: { remoteKey, ...(property ? { property } : {}) } } });

export function ps(name: string, spec: Record<string, any>, namespace = 'databases'): Manifest {
  return {
    apiVersion: 'external-secrets.io/v1alpha1',
    kind: 'PushSecret',
    metadata: { name, namespace },
    spec: { selector: { secret: { name: 'db-credentials' } }, ...spec },
  };
}

export function es(name: string, spec: Record<string, any>, namespace = 'databases'): Manifest {
  return { apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name, namespace }, spec };
}

export const read = (secretKey: string, key: string, property?: string) => ({ secretKey, remoteRef: { key, ...(property ? { property } : {}) } });
