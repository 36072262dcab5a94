import { Manifest } from '../../src/model/manifest';
import { ManifestIndex } from '../../src/model/manifest-index';

const es = (name: string): Manifest => ({ apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name } });
const policy: Manifest = { apiVersion: 'redhatcop.redhat.io/v1alpha1', kind: 'Policy', metadata: { name: 'p' } };

describe('ManifestIndex memo reuse', () => {
  const a = es('a');
  const b = es('b');

  test('without reuse every index builds its own value', () => {
    let builds = 0;
    const first = new ManifestIndex([{ manifest: a }]);
    const second = new ManifestIndex([{ manifest: a }]);
    first.memo('k', () => ++builds, ['ExternalSecret']);
    second.memo('k', () => ++builds, ['ExternalSecret']);
    expect(builds).toBe(2);
  });

  test('a later index over the same manifests of the declared kinds takes the value', () => {
    let builds = 0;
    const base = new ManifestIndex([{ manifest: a }, { manifest: b }]);
    expect(base.memo('k', () => ++builds, ['ExternalSecret'])).toBe(1);
    // the validation index adds the derived policies: ES lists are the same objects in the same order
    const full = new ManifestIndex([{ manifest: a }, { manifest: policy }, { manifest: b }], base);
    expect(full.memo('k', () => ++builds, ['ExternalSecret'])).toBe(1);
    expect(builds).toBe(1);
  });

  test('other objects, another order, undeclared kinds or another key: built anew', () => {
    let builds = 0;
    const base = new ManifestIndex([{ manifest: a }, { manifest: b }]);
    base.memo('k', () => ++builds, ['ExternalSecret']);
    base.memo('plain', () => ++builds);
    expect(new ManifestIndex([{ manifest: b }, { manifest: a }], base).memo('k', () => ++builds, ['ExternalSecret'])).toBe(3);
    expect(new ManifestIndex([{ manifest: a }, { manifest: { ...b } }], base).memo('k', () => ++builds, ['ExternalSecret'])).toBe(4);
    expect(new ManifestIndex([{ manifest: a }, { manifest: b }], base).memo('plain', () => ++builds)).toBe(5);
    expect(new ManifestIndex([{ manifest: a }, { manifest: b }], base).memo('other', () => ++builds, ['ExternalSecret'])).toBe(6);
  });
});
