import { anchoring, compileGoRegex } from '../../src/model/go-regex';

describe('compileGoRegex (Go RE2 → JS)', () => {
  test.each([
    ['(?i)^prod-.*$', 'PROD-a', true],
    ['^(?P<team>[a-z]+)-dev$', 'web-dev', true],
    ['\\Ateam\\z', 'team', true],
    ['\\Ateam\\z', 'xteam', false],
    ['^[[:digit:]]+$', '123', true],
    ['^\\pL+$', 'abc', true],
    ['^\\Qa.b\\E$', 'a.b', true],
    ['^\\Qa.b\\E$', 'axb', false],
  ])('%s matches %s: %s', (pattern, input, expected) => {
    const r = compileGoRegex(pattern);
    expect(r.error).toBeUndefined();
    expect(r.regex!.test(input)).toBe(expected);
  });

  test.each([
    ['^a(?=b)', /lookahead/],
    ['^(?<!a)b', /lookahead\/lookbehind/],
    ['(a)\\1', /backreference/],
    ['\\e', /invalid escape/],
    ['a{1001}', /repeat count/],
    ['[:foo:]', /character class/],
    ['(', /.+/],
  ])('%s is rejected', (pattern, error) => {
    expect(compileGoRegex(pattern).error).toMatch(error);
  });
});

describe('anchoring', () => {
  test('detects anchors and top-level alternation', () => {
    expect(anchoring('^a$')).toEqual({ start: true, end: true, topLevelAlternation: false });
    expect(anchoring('^a\\$')).toEqual({ start: true, end: false, topLevelAlternation: false });
    expect(anchoring('^(a|b)$').topLevelAlternation).toBe(false);
    expect(anchoring('^[|]$').topLevelAlternation).toBe(false);
    expect(anchoring('^a|b$').topLevelAlternation).toBe(true);
  });
});
