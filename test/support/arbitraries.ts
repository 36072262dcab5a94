import * as fc from 'fast-check';

/** Values of plain JSON shape (YAML too): scalars, lists and maps of them, nested a little. */
export function nestedValue(scalar: fc.Arbitrary<unknown>, key: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  return fc.letrec(tie => ({
    v: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(key, tie('v'), { maxKeys: 4 })),
  })).v;
}

/** A ConfigMap or ExternalSecret-shaped manifest with the given metadata and free `data`. */
export function manifestWith(metadata: fc.Arbitrary<Record<string, unknown>>, key: fc.Arbitrary<string>, value: fc.Arbitrary<unknown>) {
  return fc.record({
    apiVersion: fc.constantFrom('v1', 'external-secrets.io/v1'),
    kind: fc.constantFrom('ConfigMap', 'ExternalSecret'),
    metadata,
    data: fc.dictionary(key, value, { maxKeys: 6 }),
  });
}
