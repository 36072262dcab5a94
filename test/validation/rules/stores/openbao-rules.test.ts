import { expectNone, expectOne, openBao, store } from './helpers';
import { openBaoAppRoleRoleIdRule } from '../../../../src/validation/rules/stores/openbao-approle-role-id';
import { openBaoAuthOneRule } from '../../../../src/validation/rules/stores/openbao-auth-one';
import { openBaoCaOneRule } from '../../../../src/validation/rules/stores/openbao-ca-one';

const ref = { name: 'creds', namespace: 'external-secrets', key: 'k' };

describe('ESO-OPENBAO-AUTH-ONE', () => {
  test('bad: two methods', () => {
    expectOne(openBaoAuthOneRule, store(openBao({ auth: { tokenSecretRef: ref, userPass: { path: 'userpass', username: 'u', secretRef: ref } } })),
      'spec.provider.openBao.auth', /2 auth methods are set \(tokenSecretRef, userPass\)/);
  });
  test('bad: kubernetes is not an openBao method', () => {
    const d = expectOne(openBaoAuthOneRule, store(openBao({ auth: { kubernetes: { role: 'r' } } })), 'spec.provider.openBao.auth', /kubernetes is not an openBao auth method/);
    expect(d.fix).toContain('SecretStoreProvider.vault');
  });
  test('bad: no auth', () => {
    expectOne(openBaoAuthOneRule, store(openBao({ auth: undefined })), 'spec.provider.openBao.auth', /no auth is configured/);
  });
  test('good', () => expectNone(openBaoAuthOneRule, store(openBao())));
});

describe('ESO-OPENBAO-APPROLE-ROLE-ID', () => {
  test('bad: both', () => {
    expectOne(openBaoAppRoleRoleIdRule, store(openBao({ auth: { appRole: { path: 'approle', roleId: 'x', roleRef: ref, secretRef: ref } } })), 'spec.provider.openBao.auth.appRole', /both roleId and roleRef/);
  });
  test('bad: neither', () => {
    expectOne(openBaoAppRoleRoleIdRule, store(openBao({ auth: { appRole: { path: 'approle', secretRef: ref } } })), 'spec.provider.openBao.auth.appRole', /neither roleId nor roleRef/);
  });
  test('good', () => expectNone(openBaoAppRoleRoleIdRule, store(openBao())));
});

describe('ESO-OPENBAO-CA-ONE', () => {
  test('bad', () => {
    expectOne(openBaoCaOneRule, store(openBao({ caBundle: 'eA==', caProvider: { type: 'Secret', name: 'ca', namespace: 'x' } })), 'spec.provider.openBao.caProvider', /at most one/);
  });
  test('good', () => expectNone(openBaoCaOneRule, store(openBao({ caProvider: { type: 'Secret', name: 'ca', namespace: 'x' } }))));
});

describe('one finding per refusal (ESO-SCHEMA-CEL restated by a rule of ours is dropped)', () => {
  test('two openBao auth methods: the CRD CEL rule and ESO-OPENBAO-AUTH-ONE say the same; ours (with the fix) stays', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { validateManifests } = require('../../../../src/validation/engine');
    const m = store(openBao({ auth: { tokenSecretRef: ref, userPass: { path: 'userpass', username: 'u', secretRef: ref } } }));
    const d = validateManifests([{ manifest: m }]).diagnostics.filter((x: any) => x.field === 'spec.provider.openBao.auth');
    expect(d.map((x: any) => x.ruleId)).toEqual(['ESO-OPENBAO-AUTH-ONE']);
  });
});
