// Internal helpers of the stores domain (not re-exported from index.ts).
import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { SecretKeyReference } from '../secret-key-reference';

/** Drops keys whose value is undefined (and empty objects/arrays when `dropEmpty`). */
export function compact<T extends Record<string, any>>(o: T): T {
  const out: Record<string, any> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined) continue;
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) continue;
    out[k] = v;
  }
  return out as T;
}

/** Namespace of a construct that may be a cdk8s-plus resource (metadata.namespace) or live in a namespaced chart. */
export function namespaceOf(c: IConstruct): string | undefined {
  const md = (c as any).metadata;
  if (md && typeof md.namespace === 'string') return md.namespace;
  return undefined;
}

/** Namespace of a service account: the import's `namespaceName`, or the object's namespace, or its chart's. */
export function serviceAccountNamespace(sa: kplus.IServiceAccount): string | undefined {
  const ns = sa.toSubjectConfiguration().namespace;
  if (ns) return ns;
  try {
    return Chart.of(sa).namespace;
  } catch {
    return undefined;
  }
}

/** `SecretKeySelector` as ESO wants it: `{ name, key, namespace? }`. */
export function renderSecretKeyRef(ref: SecretKeyReference | undefined): any {
  if (!ref) return undefined;
  return compact({ name: ref.secret.name, key: ref.key, namespace: ref.namespace ?? namespaceOf(ref.secret) });
}

/** `ServiceAccountSelector`: `{ name, namespace?, audiences? }`. */
export function renderServiceAccountRef(sa: kplus.IServiceAccount | undefined, audiences?: string[]): any {
  if (!sa) return undefined;
  return compact({
    name: sa.name,
    namespace: serviceAccountNamespace(sa),
    audiences: audiences && audiences.length ? [...audiences] : undefined,
  });
}

/** Base64 of a PEM bundle; a value that is already base64 (no PEM header) is kept as is. */
export function toCaBundle(value: string): string {
  return value.includes('-----BEGIN') ? Buffer.from(value, 'utf8').toString('base64') : value.replace(/\s+/g, '');
}
