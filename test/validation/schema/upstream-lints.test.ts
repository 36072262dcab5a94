import { ALL_RULES } from '../../../src/validation/rules';
import { STRICTER_THAN_UPSTREAM, stricterThanUpstream } from '../../../src/validation/schema/upstream-lints';

describe('documented lints (stricter than upstream)', () => {
  test('every entry names a registered rule and says why', () => {
    const ids = new Set(ALL_RULES.map(r => r.id));
    for (const [id, why] of Object.entries(STRICTER_THAN_UPSTREAM)) {
      expect({ id, registered: ids.has(id) }).toEqual({ id, registered: true });
      expect(why.length).toBeGreaterThan(20);
    }
  });

  test('the rules that mirror upstream itself are never documented as stricter', () => {
    for (const id of ['ESO-SCHEMA', 'ESO-SCHEMA-CEL', 'ESO-DURATION', 'ESO-REGEXP']) {
      expect(stricterThanUpstream(ALL_RULES.find(r => r.id === id)!)).toBeUndefined();
    }
  });
});
