import { synthCache } from '../../src/validation/synth-cache';

describe('synthCache.shared', () => {
  const a = { kind: 'ExternalSecret' };
  const b = { kind: 'ExternalSecret' };

  test('outside a synth pass every call builds', () => {
    let builds = 0;
    synthCache.shared('k', [[a, b]], () => ++builds);
    synthCache.shared('k', [[a, b]], () => ++builds);
    expect(builds).toBe(2);
  });

  test('during a synth pass the same manifests (same objects, same order) reuse the value', () => {
    let builds = 0;
    synthCache.begin();
    try {
      expect(synthCache.shared('k2', [[a, b], []], () => ++builds)).toBe(1);
      expect(synthCache.shared('k2', [[a, b], []], () => ++builds)).toBe(1);
      // other order, other objects, other key: built anew
      expect(synthCache.shared('k2', [[a], [b]], () => ++builds)).toBe(2);
      expect(synthCache.shared('k2', [[a, { ...b }], []], () => ++builds)).toBe(3);
      expect(synthCache.shared('other', [[a, b], []], () => ++builds)).toBe(4);
    } finally {
      synthCache.end();
    }
  });

  test('no manifests: nothing to share', () => {
    let builds = 0;
    synthCache.begin();
    try {
      synthCache.shared('k3', [[], []], () => ++builds);
      synthCache.shared('k3', [[], []], () => ++builds);
    } finally {
      synthCache.end();
    }
    expect(builds).toBe(2);
  });
});
