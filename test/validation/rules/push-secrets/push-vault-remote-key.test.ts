import { css, prop, ps, ref, run } from './helpers';
import { pushVaultRemoteKeyRule as rule } from '../../../../src/validation/rules/push-secrets/push-vault-remote-key';

describe('ESO-PUSH-VAULT-REMOTE-KEY', () => {
  const kv = css('vault', { mount: 'kv' });
  const push = (remoteKey: string) => ps('p', { secretStoreRefs: [ref('vault')], data: [prop('password', remoteKey, 'password')] });

  test('mount prefix (with data/) is an error naming both paths', () => {
    const d = run(rule, kv, push('kv/data/webgrip/prod/apps/backstage/db'));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-PUSH-VAULT-REMOTE-KEY', field: 'spec.data[0].match.remoteRef.remoteKey', severity: 'error' });
    expect(d[0].message).toContain('repeats the mount "kv"');
    expect(d[0].message).toContain('kv/metadata/kv/data/webgrip');
    expect(d[0].fix).toContain('"webgrip/prod/apps/backstage/db"');
  });

  test('data/ prefix on KV v2', () => {
    const d = run(rule, kv, push('data/app/db'));
    expect(d[0].message).toContain('starts with "data/"');
  });

  test('leading slash is a warning', () => {
    const d = run(rule, kv, push('/app/db'));
    expect(d[0].severity).toBe('warning');
  });

  test('dataTo remoteKey is checked too', () => {
    const d = run(rule, kv, ps('p', { secretStoreRefs: [ref('vault')], dataTo: [{ storeRef: ref('vault'), remoteKey: 'kv/app/all' }] }));
    expect(d[0].field).toBe('spec.dataTo[0].remoteKey');
  });

  test('mount-relative keys, non-Vault stores and unknown stores are clean', () => {
    expect(run(rule, kv, push('webgrip/prod/clusters/soyo/apps/backstage/db'))).toEqual([]);
    expect(run(rule, css('vault', { provider: 'fake' }), push('kv/data/x'))).toEqual([]);
    expect(run(rule, push('kv/data/x'))).toEqual([]);
  });
});
