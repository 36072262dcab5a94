import { css, es, prop, ps, read, ref, run } from './helpers';
import { pushUnmanagedOverwriteRule as rule } from '../../../../src/validation/rules/push-secrets/push-unmanaged-overwrite';

describe('ESO-PUSH-UNMANAGED-OVERWRITE', () => {
  const writer = css('vault-write');
  const reader = css('vault-read');
  const push = (updatePolicy?: string) => ps('push', {
    ...(updatePolicy ? { updatePolicy } : {}),
    secretStoreRefs: [ref('vault-write')],
    data: [prop('password', 'app/db', 'password')],
  });
  const app = es('app', { secretStoreRef: ref('vault-read'), target: { name: 'app' }, data: [read('DB_PASSWORD', 'app/db', 'password')] }, 'apps');

  test('Replace on a key the app reads through another writable store', () => {
    const d = run(rule, writer, reader, push('Replace'), app);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-PUSH-UNMANAGED-OVERWRITE', field: 'spec.data[0].match.remoteRef.remoteKey', severity: 'warning' });
    expect(d[0].message).toContain('ESO refuses to overwrite it');
    expect(d[0].message).toContain('managed-by=external-secrets');
    expect(d[0].fix).toContain('vault kv metadata put -custom-metadata=managed-by=external-secrets secret/app/db');
    expect(run(rule, writer, reader, push(), app)).toHaveLength(1); // Replace is the default
  });

  test('IfNotExists, a read-only replica, a store the PushSecret also writes, or another mount: clean', () => {
    expect(run(rule, writer, reader, push('IfNotExists'), app)).toEqual([]);
    expect(run(rule, writer, css('vault-read', { readOnly: true }), push('Replace'), app)).toEqual([]);
    const both = ps('push', { secretStoreRefs: [ref('vault-write'), ref('vault-read')], data: [prop('password', 'app/db', 'password')] });
    expect(run(rule, writer, reader, both, app)).toEqual([]);
    expect(run(rule, writer, css('vault-read', { mount: 'kv' }), push('Replace'), app)).toEqual([]);
  });
});
