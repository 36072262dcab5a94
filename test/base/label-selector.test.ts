import * as kplus from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import { labelSelectorToKube } from '../../src/base/private/label-selector';

/** A LabelSelector of any shape cdk8s-plus can build. */
const selectors = fc.record({
  labels: fc.dictionary(fc.stringMatching(/^[a-z0-9./-]{1,12}$/), fc.oneof(fc.constant(''), fc.stringMatching(/^[a-z0-9-]{0,8}$/)), { maxKeys: 4 }),
  expressions: fc.array(fc.oneof(
    fc.tuple(fc.constant('in'), fc.stringMatching(/^[a-z]{1,6}$/), fc.array(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 1, maxLength: 3 })),
    fc.tuple(fc.constant('notIn'), fc.stringMatching(/^[a-z]{1,6}$/), fc.array(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 1, maxLength: 3 })),
    fc.tuple(fc.constant('exists'), fc.stringMatching(/^[a-z]{1,6}$/), fc.constant([] as string[])),
    fc.tuple(fc.constant('doesNotExist'), fc.stringMatching(/^[a-z]{1,6}$/), fc.constant([] as string[])),
  ), { maxLength: 4 }),
}).map(({ labels, expressions }) => kplus.LabelSelector.of({
  labels: { ...labels }, // a plain object, as users write it (fast-check's dictionaries have no prototype)
  expressions: expressions.map(([op, key, values]) => {
    switch (op) {
      case 'in': return kplus.LabelExpression.in(key, values);
      case 'notIn': return kplus.LabelExpression.notIn(key, values);
      case 'exists': return kplus.LabelExpression.exists(key);
      default: return kplus.LabelExpression.doesNotExist(key);
    }
  }),
}));

describe('labelSelectorToKube (public cdk8s-plus API only)', () => {
  test('renders exactly what the @internal _toKube() renders', () => {
    fc.assert(fc.property(selectors, (s) => {
      expect(labelSelectorToKube(s)).toStrictEqual(s._toKube());
      expect(JSON.stringify(labelSelectorToKube(s))).toBe(JSON.stringify(s._toKube()));
    }), { numRuns: 300 });
  });

  test('examples', () => {
    expect(labelSelectorToKube(kplus.LabelSelector.of())).toEqual({});
    expect(labelSelectorToKube(kplus.LabelSelector.of({ labels: { a: 'b' } }))).toStrictEqual({ matchExpressions: undefined, matchLabels: { a: 'b' } });
    expect(labelSelectorToKube(kplus.LabelSelector.of({ expressions: [kplus.LabelExpression.exists('tier')] })))
      .toStrictEqual({ matchExpressions: [{ key: 'tier', operator: 'Exists', values: undefined }], matchLabels: undefined });
  });
});
