import { ManifestIndex } from '../../../src/model/manifest-index';
import { admissions, admit } from '../../../src/validation/schema/admit';

const es = (name: string) => ({
  apiVersion: 'external-secrets.io/v1',
  kind: 'ExternalSecret',
  metadata: { name, namespace: 'apps' },
  spec: { secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' }, data: [{ secretKey: 'k', remoteRef: { key: 'a/b' } }] },
});

describe('admit', () => {
  test('defaults a copy, never the manifest', () => {
    const m = es('a');
    const a = admit(m)!;
    expect(a.schemaErrors).toEqual([]);
    expect((a.defaulted as any).spec.target).toEqual({ creationPolicy: 'Owner', deletionPolicy: 'Retain' });
    expect((a.defaulted as any).spec.refreshInterval).toBe('1h0m0s');
    expect((m.spec as any).target).toBeUndefined();
  });

  test("a run's cache gives the two schema rules one admission per object, and keeps only the last", () => {
    const a = es('a');
    const b = es('b');
    const index = new ManifestIndex([{ manifest: a }, { manifest: b }]);
    const cache = admissions(index);
    expect(admissions(index)).toBe(cache);
    const first = admit(a, cache);
    expect(admit(a, cache)).toBe(first);
    const second = admit(b, cache);
    expect(second).not.toBe(first);
    // a's copy is no longer held: asking again computes it anew (equal, not the same object)
    const again = admit(a, cache);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  test('kinds the pinned CRDs do not serve are not admitted (and that is cached too)', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } };
    const cache = admissions(new ManifestIndex([{ manifest: cm }]));
    expect(admit(cm, cache)).toBeUndefined();
    expect(admit(cm, cache)).toBeUndefined();
  });
});
