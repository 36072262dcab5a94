import * as path from 'path';

/** A field ESO decodes as a Go duration (generated/schemas/durations.json, read from ESO's Go types). */
export interface DurationField {
  /** Property names, `*` for list items, `{}` for map values. */
  readonly path: readonly string[];
  /** SecretStore refreshInterval: an integer of seconds or a duration string (intstr.IntOrString). */
  readonly intOrString?: boolean;
}

let table: Record<string, DurationField[]> | undefined;

/** The duration fields of a group/version/kind. */
export function durationFieldsOf(group: string, version: string, kind: string): readonly DurationField[] {
  if (!table) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    table = require(path.join(__dirname, '..', '..', '..', 'generated', 'schemas', 'durations.json')) as Record<string, DurationField[]>;
  }
  return table[`${group}/${version}/${kind}`] ?? [];
}

/** Every value at a field path of an object, with its readable field (`spec.dataTo[0].x`). */
export function* valuesAt(obj: unknown, segs: readonly string[], at = ''): Generator<[unknown, string]> {
  if (obj === undefined || obj === null) return;
  if (segs.length === 0) {
    yield [obj, at];
    return;
  }
  const [head, ...rest] = segs;
  if (head === '*') {
    if (Array.isArray(obj)) for (let i = 0; i < obj.length; i++) yield* valuesAt(obj[i], rest, `${at}[${i}]`);
  } else if (head === '{}') {
    if (typeof obj === 'object' && !Array.isArray(obj)) for (const [k, v] of Object.entries(obj)) yield* valuesAt(v, rest, `${at}[${JSON.stringify(k)}]`);
  } else if (typeof obj === 'object' && !Array.isArray(obj)) {
    yield* valuesAt((obj as Record<string, unknown>)[head], rest, at ? `${at}.${head}` : head);
  }
}
