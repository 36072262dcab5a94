import * as fc from 'fast-check';
import { mergeRules, parseHcl, renderHcl } from '../../../src/model/vault/hcl';

describe('ACL HCL render/parse', () => {
  test('render is deterministic: merged paths, sorted capabilities, one block per path', () => {
    const text = renderHcl([
      { path: 'kv/data/a', capabilities: ['read'] },
      { path: '/kv/metadata/a', capabilities: ['read', 'list'] },
      { path: 'kv/data/a', capabilities: ['update', 'create'] },
    ]);
    expect(text).toBe(
      'path "kv/data/a" {\n  capabilities = ["create", "read", "update"]\n}\n\n' +
      'path "kv/metadata/a" {\n  capabilities = ["list", "read"]\n}\n');
  });

  test('parses the seed 004 policy, comments, heredoc-free legacy policy and nested parameter maps', () => {
    const seed = `path "kv/data/external-secrets/*" {
  capabilities = ["read"]
}

path "kv/metadata/external-secrets/*" {
  capabilities = ["list", "read"]
}
`;
    expect(parseHcl(seed)).toEqual({
      rules: [
        { path: 'kv/data/external-secrets/*', capabilities: ['read'] },
        { path: 'kv/metadata/external-secrets/*', capabilities: ['list', 'read'] },
      ],
      errors: [],
    });
    const mixed = `name = "x"
# comment
path "secret/foo" {
  policy = "write" // legacy
  allowed_parameters = { "bar" = ["zip", "zap"], "*" = [] }
}
/* block */ path "secret/bar" { capabilities = ["READ"], min_wrapping_ttl = "1s" }`;
    expect(parseHcl(mixed)).toEqual({
      rules: [
        { path: 'secret/foo', capabilities: ['create', 'read', 'update', 'delete', 'list'] },
        { path: 'secret/bar', capabilities: ['read'] },
      ],
      errors: [],
    });
  });

  test('parses the JSON form and heredoc strings', () => {
    expect(parseHcl('{"path": {"kv/data/a": {"capabilities": ["read"]}}}').rules).toEqual([{ path: 'kv/data/a', capabilities: ['read'] }]);
    expect(parseHcl('path <<EOF\nkv/data/a\nEOF\n').errors.length).toBeGreaterThan(0);
  });

  test('reports errors instead of throwing', () => {
    expect(parseHcl('path "a" {').errors).toEqual([expect.stringContaining('expected')]);
    expect(parseHcl('path "a" { capabilities = "read" }').errors).toEqual(['path "a": capabilities must be a list of strings', 'path "a": no capabilities']);
    expect(parseHcl('path "a" { policy = "all" }').errors[0]).toContain('legacy policy "all"');
    expect(parseHcl('foo = 1').errors[0]).toContain('unknown top-level key "foo"');
    expect(parseHcl('path "a" { capabilities = ["read"] colour = "x" }').errors[0]).toContain('unknown key "colour"');
    expect(parseHcl('path "unterminated').errors[0]).toContain('unterminated string');
  });

  test('a lexing error anywhere is the one reported, even after a parse error (tokens are made as the parser reads)', () => {
    expect(parseHcl('path "a" { capabilities = ["read"] }\nfoo bar\npath "b" { x = "unterminated }')).toEqual({ rules: [], errors: ['unterminated string at offset 60'] });
    expect(parseHcl('path "a" { capabilities = ["read"] } @')).toEqual({ rules: [], errors: ['unexpected character "@" at offset 37'] });
    expect(parseHcl('path "a" { capabilities = ["read"] \n')).toEqual({ rules: [], errors: ['expected "}" before the end'] });
    expect(parseHcl('path "a" {} /* x')).toEqual({ rules: [], errors: ['unterminated /* comment'] });
  });

  test('a 10 000-path policy parses back to its rules', () => {
    const rules = Array.from({ length: 10_000 }, (_, i) => ({ path: `secret/data/apps/team-${i % 100}/app-${i}`, capabilities: ['read'] }));
    const parsed = parseHcl(renderHcl(rules));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rules).toEqual(mergeRules(rules));
  });

  test('property: parse(render(rules)) == merge(rules)', () => {
    const seg = fc.stringMatching(/^[a-z0-9-]{1,8}$/);
    const path = fc.tuple(fc.array(seg, { minLength: 1, maxLength: 4 }), fc.constantFrom('', '/*', '/+/x')).map(([s, tail]) => s.join('/') + tail);
    const caps = fc.subarray(['create', 'read', 'update', 'patch', 'delete', 'list', 'sudo', 'deny'], { minLength: 1 });
    fc.assert(fc.property(fc.array(fc.record({ path, capabilities: caps }), { maxLength: 8 }), rules => {
      const parsed = parseHcl(renderHcl(rules));
      expect(parsed.errors).toEqual([]);
      expect(parsed.rules).toEqual(mergeRules(rules));
    }));
  });
});
