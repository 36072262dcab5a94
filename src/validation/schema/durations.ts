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

/**
 * Every value at a field path of an object, with its readable field (`spec.dataTo[0].x`). Runs for every
 * object on every duration and regexp field its kind has, mostly finding nothing: it allocates only for
 * the values it finds (the field string is built at the value).
 */
export function valuesAt(obj: unknown, segs: readonly string[]): Array<[unknown, string]> {
  const out: Array<[unknown, string]> = [];
  const at: string[] = [];
  const walk = (o: unknown, i: number) => {
    if (o === undefined || o === null) return;
    if (i === segs.length) {
      out.push([o, at.join('')]);
      return;
    }
    const head = segs[i];
    if (head === '*') {
      if (!Array.isArray(o)) return;
      for (let j = 0; j < o.length; j++) {
        at.push(`[${j}]`);
        walk(o[j], i + 1);
        at.pop();
      }
    } else if (typeof o === 'object' && !Array.isArray(o)) {
      if (head === '{}') {
        for (const k of Object.keys(o)) {
          at.push(`[${JSON.stringify(k)}]`);
          walk((o as Record<string, unknown>)[k], i + 1);
          at.pop();
        }
      } else {
        const v = (o as Record<string, unknown>)[head];
        if (v === undefined || v === null) return;
        at.push(at.length ? `.${head}` : head);
        walk(v, i + 1);
        at.pop();
      }
    }
  };
  walk(obj, 0);
  return out;
}
