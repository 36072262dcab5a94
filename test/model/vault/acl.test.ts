import { Acl, comparePriority, decide, patternMatches, patternProblems, probePath } from '../../../src/model/vault/acl';

describe('Vault ACL glob semantics', () => {
  test('syntax', () => {
    expect(patternProblems('kv/data/app/*')).toEqual([]);
    expect(patternProblems('kv/+/app/*')).toEqual([]);
    expect(patternProblems('kv/*/app')).toEqual(['"*" is only allowed as the last character']);
    expect(patternProblems('kv/a+b')).toEqual(['"+" must be a whole path segment (got "a+b")']);
    expect(patternProblems('kv/+*')).toEqual(['"+*" is not allowed (use "+/*" or "*")']);
  });

  test('matching: "*" is a prefix match (also mid-segment), "+" exactly one segment, leading "/" ignored', () => {
    expect(patternMatches('secret/zip-*', 'secret/zip-zap/x')).toBe(true);
    expect(patternMatches('kv/data/app/*', 'kv/data/app/')).toBe(true);
    expect(patternMatches('kv/data/app/*', 'kv/data/app')).toBe(false);
    expect(patternMatches('kv/+/teamb', 'kv/x/teamb')).toBe(true);
    expect(patternMatches('kv/+/teamb', 'kv/x/y/teamb')).toBe(false);
    expect(patternMatches('/kv/data/a', 'kv/data/a')).toBe(true);
    expect(patternMatches('kv/data/a.b', 'kv/data/aXb')).toBe(false);
  });

  test('priority: documented order', () => {
    expect(comparePriority('kv/data/app/db', 'kv/data/app/*')).toBeGreaterThan(0); // no wildcard wins
    expect(comparePriority('kv/+/app/db', 'kv/data/+/db')).toBeLessThan(0); // earlier first wildcard loses
    expect(comparePriority('kv/data/a/*', 'kv/data/a/+')).toBeLessThan(0); // trailing * loses
    expect(comparePriority('kv/data/+/+/*', 'kv/data/+/a/*')).toBeLessThan(0); // more + loses
    expect(comparePriority('kv/data/a/*', 'kv/data/ab/*')).toBeLessThan(0); // shorter loses
  });

  test('decide: identical patterns union across policies; deny wins; list requests end with "/"', () => {
    expect(decide([{ path: 'kv/data/a', capabilities: ['read'] }, { path: 'kv/data/a', capabilities: ['update'] }], 'kv/data/a', 'update').allowed).toBe(true);
    expect(decide([{ path: 'kv/data/*', capabilities: ['read', 'deny'] }], 'kv/data/a', 'read').allowed).toBe(false);
    const acl = new Acl([{ path: 'kv/metadata/app/*', capabilities: ['list'] }]);
    expect(acl.decide(probePath('kv/metadata/app/*', 'list'), 'list').allowed).toBe(true);
    expect(acl.decide('kv/metadata/', 'list').allowed).toBe(false);
    expect(probePath('kv/data/app/*', 'read')).toBe('kv/data/app/eso-probe-key');
    expect(probePath('kv/metadata/*', 'list')).toBe('kv/metadata/');
  });
});
