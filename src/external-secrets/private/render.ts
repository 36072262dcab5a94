import type { RemoteRefOptions } from '../secret-value';

/** Renders `remoteRef` / `extract`, dropping unset fields. */
export function renderRemoteRef(key: string, property: string | undefined, o: RemoteRefOptions): Record<string, unknown> {
  return dropUndefined({
    key,
    property,
    version: o.version,
    conversionStrategy: o.conversionStrategy,
    decodingStrategy: o.decodingStrategy,
    metadataPolicy: o.metadataPolicy,
    nullBytePolicy: o.nullBytePolicy,
  });
}

/** A copy of `o` without its undefined values (manifests never carry undefined-only junk). */
export function dropUndefined<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}

