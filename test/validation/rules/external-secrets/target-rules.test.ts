import { ces, es, run, secret } from './helpers';
import { esTargetOwnerRule } from '../../../../src/validation/rules/external-secrets/es-target-owner';
import { esTargetPlainSecretRule } from '../../../../src/validation/rules/external-secrets/es-target-plain-secret';

const key = (k: string) => [{ secretKey: k, remoteRef: { key: 'app', property: k } }];

describe('ESO-ES-TARGET-OWNER (P24)', () => {
  test('two owners of one Secret are an error', () => {
    const d = run(esTargetOwnerRule, es({}, 'a'), es({ target: { name: 'app', creationPolicy: 'Orphan' } }, 'b'));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-ES-TARGET-OWNER', field: 'spec.target.name', severity: 'error', object: { name: 'b' } });
    expect(d[0].message).toContain('Secret "shop/app" is written by ExternalSecret "shop/a" (Owner) and ExternalSecret "shop/b" (Orphan)');
  });
  test('the target name defaults to the ExternalSecret name', () => {
    const d = run(esTargetOwnerRule, es({ target: {} }, 'app'), es({}, 'b'));
    expect(d).toHaveLength(1);
  });
  test('Merge into an owned Secret is an error', () => {
    const d = run(esTargetOwnerRule, es({}, 'a'), es({ target: { name: 'app', creationPolicy: 'Merge' }, data: key('extra') }, 'b'));
    expect(d[0].message).toContain('merges into Secret "shop/app", which ExternalSecret "shop/a" owns');
  });
  test('Merge writers with overlapping keys are an error; unknown keys warn', () => {
    const m = { name: 'shared', creationPolicy: 'Merge' };
    const d = run(esTargetOwnerRule, es({ target: m, data: key('x') }, 'a'), es({ target: m, data: key('x') }, 'b'));
    expect(d[0].message).toContain('both write key "x" of Secret "shop/shared"');
    const w = run(esTargetOwnerRule, es({ target: m, data: key('x') }, 'a'), es({ target: m, data: undefined, dataFrom: [{ extract: { key: 'k' } }] }, 'b'));
    expect(w[0]).toMatchObject({ severity: 'warning' });
  });
  test('a ClusterExternalSecret fanning into a namespace collides with a local owner', () => {
    const d = run(esTargetOwnerRule, es({ target: { name: 'wildcard-tls' } }, 'tls', 'dex'), ces({ target: { name: 'wildcard-tls' } }, ['dex', 'auth'], 'wildcard-tls'));
    expect(d).toHaveLength(1);
    expect(d[0].message).toContain('Secret "dex/wildcard-tls"');
  });
  test('distinct targets, other namespaces and disjoint Merge writers pass', () => {
    const m = { name: 'shared', creationPolicy: 'Merge' };
    expect(run(esTargetOwnerRule, es({}, 'a'), es({ target: { name: 'b' } }, 'b'), es({}, 'a', 'other'))).toEqual([]);
    expect(run(esTargetOwnerRule, es({ target: m, data: key('x') }, 'a'), es({ target: m, data: key('y') }, 'b'))).toEqual([]);
    expect(run(esTargetOwnerRule, es({ target: { name: 'app', creationPolicy: 'None' } }, 'a'), es({}, 'b'))).toEqual([]);
  });
});

describe('ESO-ES-TARGET-PLAIN-SECRET (P25)', () => {
  test('a plain Secret with the target name is an error', () => {
    const d = run(esTargetPlainSecretRule, secret('app', 'shop'), es());
    expect(d[0]).toMatchObject({ ruleId: 'ESO-ES-TARGET-PLAIN-SECRET', field: 'spec.target.name', severity: 'error', object: { kind: 'ExternalSecret' } });
    expect(d[0].message).toContain('Secret "shop/app" is both declared as a plain Secret in the app and managed by ExternalSecret "shop/app" (Owner)');
  });
  test('Merge into a declared Secret that sets the same keys is an error', () => {
    const d = run(esTargetPlainSecretRule, secret('app', 'shop', { password: 'example-not-a-secret' }), es({ target: { name: 'app', creationPolicy: 'Merge' } }));
    expect(d[0].message).toContain('merges keys [password]');
  });
  test('other names/namespaces, and Merge into a declared Secret without shared keys, pass', () => {
    expect(run(esTargetPlainSecretRule, secret('other', 'shop'), secret('app', 'elsewhere'), es())).toEqual([]);
    expect(run(esTargetPlainSecretRule, secret('app', 'shop', { other: 'example-not-a-secret' }), es({ target: { name: 'app', creationPolicy: 'Merge' } }))).toEqual([]);
  });
});

describe('ESO-ES-TARGET-OWNER duplicates', () => {
  test('the same ExternalSecret listed twice is one writer', () => {
    expect(run(esTargetOwnerRule, es({}, 'a'), es({}, 'a'))).toEqual([]);
  });
});
