import { ALL_RULES } from '../../src/validation/rules';

/**
 * The bar: at least 45 of the 51 pitfalls of ../shared/reference/pitfalls.md (P01..P51) are
 * implemented by some rule (its `pitfalls` field), and every id a rule names exists.
 */
const ALL_PITFALLS = Array.from({ length: 51 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`);

function pitfallCoverage() {
  const covered = new Set(ALL_RULES.flatMap(r => r.pitfalls ?? []));
  return { rules: ALL_RULES.length, covered: [...covered].sort(), missing: ALL_PITFALLS.filter(p => !covered.has(p)) };
}

describe('pitfall coverage of the rule registry', () => {
  test('every pitfall id a rule names is one of P01..P51', () => {
    for (const r of ALL_RULES) for (const p of r.pitfalls ?? []) expect([r.id, ALL_PITFALLS.includes(p)]).toEqual([r.id, true]);
  });

  test('rule ids are unique', () => {
    const ids = ALL_RULES.map(r => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  test('at least 45 distinct pitfalls are covered', () => {
    const c = pitfallCoverage();
    expect(c.covered.length).toBeGreaterThanOrEqual(45);
  });
});
