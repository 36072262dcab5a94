/** Shapes of plain JSON values read from manifests. */

/** A JSON object (not null, not an array). */
export function isObject(x: unknown): x is Record<string, any> {
  return !!x && typeof x === 'object' && !Array.isArray(x);
}
