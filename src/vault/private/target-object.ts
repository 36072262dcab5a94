// Internal: the objects a VaultConfigTarget emits (not re-exported from index.ts).
import { ApiObject, Chart, JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';

/** An object as a VaultConfigTarget emits it (internal). */
export interface TargetObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly spec: any;
}

/** The target used when a construct is given none. */
export const DEFAULT_OPERATOR_ROLE = 'vault-admin';

/** Creates the `Resource` L1 of a rendered target object in `scope`. */
export function emitTargetObject(scope: Construct, name: string, obj: TargetObject, annotations?: Record<string, string>): ApiObject {
  const o = new ApiObject(scope, 'Resource', {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    metadata: {
      name,
      ...(obj.namespace ? { namespace: obj.namespace } : {}),
      ...(annotations && Object.keys(annotations).length ? { annotations } : {}),
    },
    spec: obj.spec,
  });
  // legacy provider-vault kinds are cluster-scoped: drop the namespace a namespaced chart stamps on them
  if (!obj.namespace && Chart.of(scope).namespace) o.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
  return o;
}
