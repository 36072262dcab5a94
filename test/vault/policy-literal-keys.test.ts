import { ApiObject } from 'cdk8s';
import * as fc from 'fast-check';
import { appWithStore, rawEs } from './fixtures';
import { Manifest } from '../../src/model/manifest';
import { ManifestIndex } from '../../src/model/manifest-index';
import { patternMatches } from '../../src/model/vault/acl';
import { appAccesses, dataPath, deriveRules, metadataPath, unsafeKeyProblem } from '../../src/model/vault/derive';
import { PathCollapse, VaultPolicy } from '../../src/vault';
import { es, esKeys, ps, store as storeManifest } from '../validation/rules/vault/helpers';

/** A raw PushSecret pushing `keys` to the fixture's ClusterSecretStore "vault". */
function rawPush(scope: any, id: string, keys: string[]) {
  return new ApiObject(scope, id, {
    apiVersion: 'external-secrets.io/v1alpha1',
    kind: 'PushSecret',
    metadata: { name: id },
    spec: {
      secretStoreRefs: [{ name: 'vault', kind: 'ClusterSecretStore' }],
      selector: { secret: { name: 'source' } },
      data: keys.map(k => ({ match: { secretKey: 'password', remoteRef: { remoteKey: k, property: 'password' } } })),
    },
  });
}

describe('derived Vault policies never grant more than the literal keys', () => {
  test.each([
    ['app/*', /"\*"/],
    ['app*', /"\*"/],
    ['*', /"\*"/],
    ['+/db', /"\+"/],
    ['app/+', /"\+"/],
    ['app/../other', /"\.\."/],
    ['app/./db', /"\.\."/],
    ['app\\db', /backslash/],
    ['app/d\nb', /control character/],
  ])('a pushed key %j is refused at synth with the object, field and key named', (key, problem) => {
    const { app, admin, apps, store } = appWithStore();
    VaultPolicy.forStore(admin, 'p', store, { policyName: 'eso' });
    rawPush(apps, 'push', ['app/ok', key]);
    let message = '';
    try {
      app.synth();
    } catch (e: any) {
      message = e.message;
    }
    expect(message).toContain('PushSecret "apps/push" spec.data[1].match.remoteRef.remoteKey');
    expect(message).toContain(`key ${JSON.stringify(key)}`);
    expect(message).toMatch(problem);
    expect(message).toContain('Use the literal key');
  });

  test('a read key or a find path with a glob is refused too; the rules never contain the glob', () => {
    const { app, admin, apps, store } = appWithStore();
    const p = VaultPolicy.forStore(admin, 'p', store, { policyName: 'eso' });
    rawEs(apps, 'reads', ['app/db', 'team/*']);
    new ApiObject(apps, 'finds', {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: 'finds' },
      spec: { secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' }, dataFrom: [{ find: { path: 'sh*', name: { regexp: '.*' } } }] },
    });
    expect(p.rules).toEqual([{ path: 'kv/data/app/db', capabilities: ['read'] }]);
    expect(() => app.synth()).toThrow(/ExternalSecret "apps\/reads" spec\.data\[1\]\.remoteRef\.key: key "team\/\*" contains "\*"/);
    expect(() => app.synth()).toThrow(/ExternalSecret "apps\/finds" spec\.dataFrom\[0\]\.find\.path: key "sh\*"/);
  });

  test('store.grantVaultAccess() (VaultStoreAccess) refuses a glob key the same way; its policy has no glob', () => {
    const { app, admin, apps, store } = appWithStore();
    const access = store.grantVaultAccess(admin, 'access', { roleName: 'eso' });
    rawPush(apps, 'push', ['app/ok', 'app*']);
    expect(access.policy.rules.map(r => r.path)).toEqual(['kv/data/app/ok', 'kv/metadata/app/ok']);
    expect(() => app.synth()).toThrow(/PushSecret "apps\/push" spec\.data\[1\]\.match\.remoteRef\.remoteKey: key "app\*" contains "\*"/);
  });

  test('good: literal keys with dots, dashes, "@" and the word password synthesize', () => {
    const { app, admin, apps, store } = appWithStore();
    const p = VaultPolicy.forStore(admin, 'p', store, { policyName: 'eso' });
    rawPush(apps, 'push', ['app/db.password', 'team-a/x@y', 'a..b/c']);
    expect(() => app.synth()).not.toThrow();
    expect(p.rules.map(r => r.path)).toContain('kv/data/a..b/c');
  });

  test('PathCollapse.under refuses a folder that is not literal; policyName must be a valid Vault policy name', () => {
    expect(() => PathCollapse.under('app/*')).toThrow(/folder "app\/\*" contains "\*"/);
    expect(() => PathCollapse.under('+')).toThrow(/contains "\+"/);
    const { admin, store } = appWithStore();
    expect(() => VaultPolicy.forStore(admin, 'bad', store, { policyName: 'bad name/../x' }))
      .toThrow(/admin\/bad: policyName "bad name\/\.\.\/x" is not a valid name: Vault lower-cases policy names/);
    expect(() => new VaultPolicy(admin, 'empty', { policyName: '' })).toThrow(/admin\/empty: policyName ""/);
    expect(new VaultPolicy(admin, 'ok', { policyName: 'eso.read-1' }).policyName).toBe('eso.read-1');
  });

  test('unsafeKeyProblem: look-alikes stay literal', () => {
    for (const k of ['app/db', 'a.b', 'a..b', 'x/y-z_1', 'p@ss/word', '...x']) expect(unsafeKeyProblem(k)).toBeUndefined();
    for (const k of ['a*', 'a/+', 'a+b', '../a', 'a/.', 'a\\b', 'a\tb', 'a\u007fb']) expect(unsafeKeyProblem(k)).toBeDefined();
  });
});

describe('property: derived paths are exact key paths or a prefix collapse, never another app\'s keys', () => {
  const seg = fc.stringMatching(/^[a-z0-9*+.\\-]{1,4}$/);
  const key = fc.array(seg, { minLength: 1, maxLength: 3 }).map(s => s.join('/'));
  const kv = { providerKey: 'vault' as const, field: 'x', version: 'v2' as const, mount: 'kv', usesSecretRef: false };

  test('exact keys: every rule is the data/metadata path of a literal key of the app, and matches no other literal key', () => {
    const keys = fc.uniqueArray(key, { minLength: 1, maxLength: 6 });
    fc.assert(fc.property(keys, keys, (reads, pushes) => {
      const manifests: Manifest[] = [storeManifest(), esKeys('r', reads), ps('p', pushes)];
      const index = new ManifestIndex(manifests.map(manifest => ({ manifest })));
      const rules = deriveRules(appAccesses(index), { mode: 'exact' });
      const mine = [...reads, ...pushes].filter(k => unsafeKeyProblem(k) === undefined);
      const allowed = new Set(mine.flatMap(k => [dataPath(kv, k).path, metadataPath(kv, k)!.path]));
      for (const r of rules) {
        expect(r.path).not.toMatch(/[*+]/);
        expect(allowed.has(r.path)).toBe(true);
      }
      // another app's literal keys: no rule grants them unless the app uses the same key
      fc.assert(fc.property(key, other => {
        if (unsafeKeyProblem(other) !== undefined || mine.includes(other)) return;
        const p = dataPath(kv, other).path;
        if (mine.some(k => dataPath(kv, k).path === p)) return; // the same path spelled differently ("kv/app" = "app")
        expect(rules.filter(r => patternMatches(r.path, p))).toEqual([]);
      }), { seed: 7, numRuns: 20 });
    }), { seed: 13, numRuns: 200 });
  });

  test('common-prefix collapse: globs only for reads, below a folder all those keys share, never from a key\'s own "*"', () => {
    fc.assert(fc.property(fc.uniqueArray(key, { minLength: 2, maxLength: 6 }), fc.uniqueArray(key, { maxLength: 4 }), (reads, pushes) => {
      const manifests: Manifest[] = [storeManifest(), esKeys('r', reads), ...(pushes.length ? [ps('p', pushes)] : [])];
      const index = new ManifestIndex(manifests.map(manifest => ({ manifest })));
      const rules = deriveRules(appAccesses(index), { mode: 'common-prefix' });
      const safeReads = reads.filter(k => unsafeKeyProblem(k) === undefined);
      for (const r of rules) {
        if (!r.path.endsWith('*')) {
          expect(r.path).not.toMatch(/[*+]/);
          continue;
        }
        // a glob: read only, "<mount>/data/<folder>/*" where folder has no wildcard and every safe read in it is below it
        expect(r.capabilities.filter(c => c !== 'read' && c !== 'list')).toEqual([]);
        const folder = r.path.replace(/^kv\/data\//, '').replace(/\/\*$/, '');
        expect(folder).not.toMatch(/[*+]/);
        expect(safeReads.filter(k => k.startsWith(`${folder}/`)).length).toBeGreaterThanOrEqual(2);
      }
    }), { seed: 21, numRuns: 200 });
  });

  test('a glob in a key of a dataFrom.find never reaches the rules', () => {
    const index = new ManifestIndex([storeManifest(), es('f', { dataFrom: [{ find: { path: 'a*', name: { regexp: '.*' } } }] })].map(manifest => ({ manifest })));
    expect(deriveRules(appAccesses(index), { mode: 'exact' })).toEqual([]);
  });
});
