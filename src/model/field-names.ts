/**
 * Field names (`spec.data[0]`, `spec.data[0].remoteRef.key`) the read models give every entry they read. They
 * repeat across objects (every ExternalSecret has a `spec.data[0]`), so each is made once and shared: an app of
 * 10 000 ExternalSecrets holds a few dozen of these strings instead of 100 000 copies for the run.
 */

const MAX = 10_000;
const joined = new Map<string, Map<string, string>>();

/** `${base}${suffix}`, one string per distinct value (up to a bound; then a fresh one). */
export function fieldName(base: string, suffix: string): string {
  let bySuffix = joined.get(base);
  if (!bySuffix) {
    if (joined.size >= MAX) return base + suffix;
    joined.set(base, (bySuffix = new Map()));
  }
  let s = bySuffix.get(suffix);
  if (s === undefined) {
    s = base + suffix;
    if (bySuffix.size < MAX) bySuffix.set(suffix, s);
  }
  return s;
}

const INDEX = Array.from({ length: 64 }, (_, i) => `[${i}]`);

/** `${base}.${list}[${i}]`, shared (see `fieldName`). */
export function itemField(base: string, list: string, i: number): string {
  return fieldName(fieldName(base, `.${list}`), i < INDEX.length ? INDEX[i] : `[${i}]`);
}
