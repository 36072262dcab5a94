/**
 * Values the validator cannot know offline: never reported on ("unknown is not wrong").
 * - a Flux post-build variable whose value only the cluster has: the repository reader writes it as
 *   `«flux:NAME»` (the marker the build engine puts in its place);
 * - SOPS ciphertext (`ENC[AES256_GCM,data:…,type:str]`), decrypted only by kustomize-controller; the
 *   repository reader writes values it knows are encrypted (a secretGenerator over a SOPS env file) as `«sops»`.
 */

const FLUX_MARKER = '\u00abflux:';
/** What the repository reader writes for a value that kustomize-controller decrypts. */
export const SOPS_MARKER = '\u00absops\u00bb';
const SOPS_VALUE = /^ENC\[[A-Z0-9_]+,data:/;

/** True when the string is (or contains) a value only the cluster knows. */
export function isUnknownString(s: string): boolean {
  return s.includes(FLUX_MARKER) || s === SOPS_MARKER || SOPS_VALUE.test(s);
}

/** True when the value, or any string inside it, is unknown. */
export function containsUnknown(v: unknown, depth = 0): boolean {
  if (typeof v === 'string') return isUnknownString(v);
  if (depth > 50 || !v || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.some(x => containsUnknown(x, depth + 1));
  for (const x of Object.values(v)) if (containsUnknown(x, depth + 1)) return true;
  return false;
}

/** Counts the unknown strings of a manifest (the CLI's "N values not checked"). */
export function countUnknown(v: unknown, depth = 0): number {
  if (typeof v === 'string') return isUnknownString(v) ? 1 : 0;
  if (depth > 50 || !v || typeof v !== 'object') return 0;
  let n = 0;
  for (const x of Array.isArray(v) ? v : Object.values(v)) n += countUnknown(x, depth + 1);
  return n;
}

/** The text the build engine writes for a Flux variable whose value is not known offline: `«flux:NAME»`. */
export function unknownVariableMarker(name: string): string {
  return `${FLUX_MARKER}${name}\u00bb`;
}

/** Matches {@link unknownVariableMarker} text; group 1 is the variable name. */
export const UNKNOWN_VARIABLE_MARKER_PATTERN = /\u00abflux:([_A-Za-z][_A-Za-z0-9]*)\u00bb/g;

/**
 * The value at a diagnostic's field path (`spec.data[0].remoteRef.key`, `metadata.annotations.a/b`), or
 * undefined when the path does not resolve.
 */
export function valueAt(root: unknown, field: string): unknown {
  if (!field) return root;
  // split on dots and [n]; a key may itself contain dots (`stringData.tls.crt`): the longest key that exists wins
  const parts = field.match(/[^.[\]]+|\[\d+\]/g) ?? [];
  const walk = (cur: any, i: number): unknown => {
    if (i === parts.length) return cur;
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    const p = parts[i];
    if (p.startsWith('[')) return walk(cur[Number(p.slice(1, -1))], i + 1);
    for (let j = parts.length; j > i; j--) {
      if (parts.slice(i, j).some(x => x.startsWith('['))) continue;
      const key = parts.slice(i, j).join('.');
      if (Object.prototype.hasOwnProperty.call(cur, key)) return walk(cur[key], j);
    }
    return undefined;
  };
  return walk(root, 0);
}

/** True when a SOPS-encrypted object (a top-level `sops` block with a `mac`). */
export function isSopsEncrypted(m: unknown): boolean {
  const sops = (m as any)?.sops;
  return !!sops && typeof sops === 'object' && ('mac' in sops || 'lastmodified' in sops);
}
