import { expectNone, expectOne, openBao, run, store, vault } from './helpers';
import { Severity } from '../../../../src/validation/diagnostic';
import { vaultAppRoleRoleIdRule } from '../../../../src/validation/rules/stores/vault-approle-role-id';
import { vaultAuthMountPathRule } from '../../../../src/validation/rules/stores/vault-auth-mount-path';
import { vaultAuthOneRule } from '../../../../src/validation/rules/stores/vault-auth-one';
import { vaultCaBundleRule } from '../../../../src/validation/rules/stores/vault-ca-bundle';
import { vaultCaHttpsRule } from '../../../../src/validation/rules/stores/vault-ca-https';
import { vaultCaOneRule } from '../../../../src/validation/rules/stores/vault-ca-one';
import { vaultCaProviderNamespaceRule } from '../../../../src/validation/rules/stores/vault-ca-provider-namespace';
import { vaultCheckAndSetRule } from '../../../../src/validation/rules/stores/vault-cas-v2';
import { vaultJwtTokenSourceRule } from '../../../../src/validation/rules/stores/vault-jwt-token-source';
import { vaultKvPathRule } from '../../../../src/validation/rules/stores/vault-kv-path';
import { vaultKvPathMissingRule } from '../../../../src/validation/rules/stores/vault-kv-path-missing';
import { vaultKvVersionRule } from '../../../../src/validation/rules/stores/vault-kv-version';
import { vaultNamespacePathRule } from '../../../../src/validation/rules/stores/vault-namespace-path';
import { vaultPlainHttpRule } from '../../../../src/validation/rules/stores/vault-plain-http';
import { vaultRefNamespaceRule } from '../../../../src/validation/rules/stores/vault-ref-namespace';
import { vaultReferentAuthRule } from '../../../../src/validation/rules/stores/vault-referent-auth';
import { vaultServerUrlRule } from '../../../../src/validation/rules/stores/vault-server-url';
import { vaultTlsPairRule } from '../../../../src/validation/rules/stores/vault-tls-pair';
import { vaultTokenAuthRule } from '../../../../src/validation/rules/stores/vault-token-auth';

// Obviously fake test material: a PEM-shaped placeholder, not a real certificate.
const PEM = '-----BEGIN CERTIFICATE-----\nexample-not-a-certificate\n-----END CERTIFICATE-----\n';
const b64 = (s: string) => Buffer.from(s).toString('base64');
const secretRef = (ns?: string) => ({ name: 'creds', key: 'k', ...(ns ? { namespace: ns } : {}) });

describe('ESO-VAULT-KV-PATH (P02)', () => {
  test('bad: path secret/data', () => {
    const d = expectOne(vaultKvPathRule, store(vault({ path: 'secret/data' })), 'spec.provider.vault.path', /path "secret\/data" contains "data": path must be the KV mount only/, Severity.ERROR);
    expect(d.fix).toBe('set path: "secret" (VaultKv.v2(\'secret\'))');
  });
  test('bad: metadata segment with a sub-folder', () => {
    const d = expectOne(vaultKvPathRule, store(vault({ path: 'kv/metadata/app' })), 'spec.provider.vault.path', /contains "metadata"/);
    expect(d.fix).toContain('start every key with "app/"');
  });
  test('bad: leading/trailing slash', () => {
    expectOne(vaultKvPathRule, store(vault({ path: '/secret/' })), 'spec.provider.vault.path', /leading or trailing "\/"/, Severity.ERROR);
  });
  test('warning: multi-segment path', () => {
    expectOne(vaultKvPathRule, store(vault({ path: 'secret/team-a' })), 'spec.provider.vault.path', /several segments/, Severity.WARNING);
  });
  test('warning only on KV v1 (a prefix path works there)', () => {
    expectOne(vaultKvPathRule, store(vault({ path: 'secret/data', version: 'v1' })), 'spec.provider.vault.path', /contains "data"/, Severity.WARNING);
  });
  test('applies to openBao', () => {
    expectOne(vaultKvPathRule, store(openBao({ path: 'secret/data' })), 'spec.provider.openBao.path', /contains "data"/);
  });
  test('good', () => expectNone(vaultKvPathRule, store(vault())));
});

describe('ESO-VAULT-KV-PATH-MISSING (P04)', () => {
  test('bad', () => {
    const v = vault(); delete v.vault.path;
    expectOne(vaultKvPathMissingRule, store(v), 'spec.provider.vault.path', /path is not set/, Severity.WARNING);
  });
  test('good', () => expectNone(vaultKvPathMissingRule, store(vault())));
});

describe('ESO-VAULT-KV-VERSION (P01)', () => {
  test('bad', () => {
    const v = vault(); delete v.vault.version;
    expectOne(vaultKvVersionRule, store(v), 'spec.provider.vault.version', /version is not set, so ESO assumes KV v2/, Severity.WARNING);
  });
  test('good', () => expectNone(vaultKvVersionRule, store(vault())));
});

describe('ESO-VAULT-AUTH-ONE (P18)', () => {
  test('bad: two methods', () => {
    const m = store(vault({ auth: { kubernetes: { mountPath: 'kubernetes', role: 'r' }, tokenSecretRef: secretRef('x') } }));
    expectOne(vaultAuthOneRule, m, 'spec.provider.vault.auth', /2 auth methods are configured \(tokenSecretRef, kubernetes\): ESO silently uses only "tokenSecretRef"/);
  });
  test('bad: none', () => {
    expectOne(vaultAuthOneRule, store(vault({ auth: undefined })), 'spec.provider.vault.auth', /no Vault auth method/);
  });
  test('good', () => expectNone(vaultAuthOneRule, store(vault())));
});

describe('ESO-VAULT-REF-NAMESPACE (V-1..V-8, P17)', () => {
  test('bad: SecretStore references another namespace', () => {
    const m = store(vault({ auth: { tokenSecretRef: secretRef('vault') } }), { kind: 'SecretStore', namespace: 'apps' });
    expectOne(vaultRefNamespaceRule, m, 'spec.provider.vault.auth.tokenSecretRef.namespace', /namespace "vault" differs from the SecretStore's namespace "apps"/);
  });
  test('bad: service account and tls refs', () => {
    const m = store(vault({ tls: { certSecretRef: secretRef('x'), keySecretRef: secretRef('x') } }), { kind: 'SecretStore', namespace: 'apps' });
    expect(run(vaultRefNamespaceRule, m).map(d => d.field)).toEqual([
      'spec.provider.vault.auth.kubernetes.serviceAccountRef.namespace',
      'spec.provider.vault.tls.certSecretRef.namespace',
      'spec.provider.vault.tls.keySecretRef.namespace',
    ]);
  });
  test('good: same namespace or none', () => {
    expectNone(vaultRefNamespaceRule, store(vault({ auth: { appRole: { path: 'approle', roleId: 'x', secretRef: secretRef('apps') } } }), { kind: 'SecretStore', namespace: 'apps' }));
    expectNone(vaultRefNamespaceRule, store(vault({ auth: { tokenSecretRef: secretRef() } }), { kind: 'SecretStore', namespace: 'apps' }));
  });
  test('good: ClusterSecretStore may reference any namespace', () => {
    expectNone(vaultRefNamespaceRule, store(vault({ auth: { tokenSecretRef: secretRef('vault') } })));
  });
});

describe('ESO-VAULT-REFERENT-AUTH (P17)', () => {
  test('bad: ClusterSecretStore secret ref without namespace', () => {
    expectOne(vaultReferentAuthRule, store(vault({ auth: { tokenSecretRef: secretRef() } })), 'spec.provider.vault.auth.tokenSecretRef',
      /Secret "creds" has no namespace, so ESO looks it up in the namespace of every ExternalSecret/, Severity.WARNING);
  });
  test('good', () => expectNone(vaultReferentAuthRule, store(vault())));
});

describe('ESO-VAULT-APPROLE-ROLE-ID (V-2)', () => {
  test('bad', () => {
    expectOne(vaultAppRoleRoleIdRule, store(vault({ auth: { appRole: { path: 'approle', secretRef: secretRef('x') } } })), 'spec.provider.vault.auth.appRole', /neither roleId nor roleRef/);
  });
  test('good', () => {
    expectNone(vaultAppRoleRoleIdRule, store(vault({ auth: { appRole: { path: 'approle', roleRef: secretRef('x'), secretRef: secretRef('x') } } })));
  });
});

describe('ESO-VAULT-JWT-TOKEN-SOURCE (V-4)', () => {
  test('bad', () => {
    expectOne(vaultJwtTokenSourceRule, store(vault({ auth: { jwt: { path: 'jwt', role: 'r' } } })), 'spec.provider.vault.auth.jwt', /neither secretRef nor kubernetesServiceAccountToken/);
  });
  test('good', () => {
    expectNone(vaultJwtTokenSourceRule, store(vault({ auth: { jwt: { path: 'jwt', kubernetesServiceAccountToken: { serviceAccountRef: { name: 'sa' } } } } })));
  });
});

describe('ESO-VAULT-TLS-PAIR (V-8)', () => {
  test('bad: certificate without key', () => {
    expectOne(vaultTlsPairRule, store(vault({ tls: { certSecretRef: secretRef('x') } })), 'spec.provider.vault.tls.keySecretRef', /a certificate but no key/);
  });
  test('good', () => expectNone(vaultTlsPairRule, store(vault({ tls: { certSecretRef: secretRef('x'), keySecretRef: secretRef('x') } }))));
});

describe('ESO-VAULT-CAS-V2 (V-9)', () => {
  test('bad', () => {
    expectOne(vaultCheckAndSetRule, store(vault({ version: 'v1', checkAndSet: { required: true } })), 'spec.provider.vault.checkAndSet.required', /KV v1/);
  });
  test('good', () => expectNone(vaultCheckAndSetRule, store(vault({ checkAndSet: { required: true } }))));
});

describe('ESO-VAULT-AUTH-MOUNT-PATH (P19)', () => {
  test('bad: auth/ prefix', () => {
    const d = expectOne(vaultAuthMountPathRule, store(vault({ auth: { kubernetes: { mountPath: 'auth/kubernetes', role: 'r' } } })),
      'spec.provider.vault.auth.kubernetes.mountPath', /mountPath "auth\/kubernetes" starts with "auth\/"/);
    expect(d.fix).toBe('set mountPath: "kubernetes"');
  });
  test('bad: slashes', () => {
    expectOne(vaultAuthMountPathRule, store(vault({ auth: { appRole: { path: '/approle/', roleId: 'x', secretRef: secretRef('x') } } })), 'spec.provider.vault.auth.appRole.path', /leading or trailing/);
  });
  test('good', () => expectNone(vaultAuthMountPathRule, store(vault())));
});

describe('ESO-VAULT-SERVER-URL (P19)', () => {
  test('bad: /v1 path', () => {
    const d = expectOne(vaultServerUrlRule, store(vault({ server: 'https://vault:8200/v1' })), 'spec.provider.vault.server', /has a path/);
    expect(d.fix).toBe('set server: "https://vault:8200"');
  });
  test('bad: no scheme', () => {
    expectOne(vaultServerUrlRule, store(vault({ server: 'vault.example.internal:8200' })), 'spec.provider.vault.server', /not an http\(s\) URL/);
  });
  test('good', () => {
    expectNone(vaultServerUrlRule, store(vault()));
    expectNone(vaultServerUrlRule, store(vault({ server: 'https://vault.example.internal/' })));
  });
});

describe('ESO-VAULT-PLAIN-HTTP', () => {
  test('bad', () => {
    expectOne(vaultPlainHttpRule, store(vault({ server: 'http://vault.vault.svc:8200' })), 'spec.provider.vault.server', /uses plain http/, Severity.WARNING);
  });
  test('good', () => expectNone(vaultPlainHttpRule, store(vault())));
});

describe('ESO-VAULT-CA-HTTPS (P21)', () => {
  test('bad: caBundle with http server', () => {
    expectOne(vaultCaHttpsRule, store(vault({ server: 'http://vault:8200', caBundle: b64(PEM) })), 'spec.provider.vault.caBundle', /caBundle is set but server "http:\/\/vault:8200" is plain http/, Severity.ERROR);
  });
  test('good', () => expectNone(vaultCaHttpsRule, store(vault({ caBundle: b64(PEM) }))));
});

describe('ESO-VAULT-CA-BUNDLE (P21)', () => {
  test('bad: raw PEM', () => {
    expectOne(vaultCaBundleRule, store(vault({ caBundle: PEM })), 'spec.provider.vault.caBundle', /raw PEM/);
  });
  test('bad: not base64', () => {
    expectOne(vaultCaBundleRule, store(vault({ caBundle: 'not base64!' })), 'spec.provider.vault.caBundle', /not valid base64/);
  });
  test('bad: base64 of something else', () => {
    expectOne(vaultCaBundleRule, store(vault({ caBundle: b64('hello') })), 'spec.provider.vault.caBundle', /not a PEM certificate bundle/);
  });
  test('bad: contains a private key', () => {
    // assembled at run time so no key-shaped block sits in the repository
    const marker = ['PRIVATE', 'KEY'].join(' ');
    const key = `-----BEGIN ${marker}-----\nexample-not-a-key\n-----END ${marker}-----\n`;
    expectOne(vaultCaBundleRule, store(vault({ caBundle: b64(PEM + key) })), 'spec.provider.vault.caBundle', /PRIVATE KEY/);
  });
  test('good: base64 and double base64', () => {
    expectNone(vaultCaBundleRule, store(vault({ caBundle: b64(PEM) })));
    expectNone(vaultCaBundleRule, store(vault({ caBundle: b64(b64(PEM)) })));
  });
});

describe('ESO-VAULT-CA-PROVIDER-NAMESPACE (P21, P17)', () => {
  const cp = (ns?: string) => ({ type: 'Secret', name: 'vault-ca', key: 'ca.crt', ...(ns ? { namespace: ns } : {}) });
  test('bad: ClusterSecretStore without namespace', () => {
    expectOne(vaultCaProviderNamespaceRule, store(vault({ caProvider: cp() })), 'spec.provider.vault.caProvider.namespace', /missing namespace on caProvider secret/);
  });
  test('bad: SecretStore with another namespace', () => {
    expectOne(vaultCaProviderNamespaceRule, store(vault({ caProvider: cp('vault') }), { kind: 'SecretStore', namespace: 'apps' }), 'spec.provider.vault.caProvider.namespace', /differs/);
  });
  test('good', () => {
    expectNone(vaultCaProviderNamespaceRule, store(vault({ caProvider: cp('vault') })));
    expectNone(vaultCaProviderNamespaceRule, store(vault({ caProvider: cp() }), { kind: 'SecretStore' }));
  });
});

describe('ESO-VAULT-CA-ONE', () => {
  test('bad', () => {
    expectOne(vaultCaOneRule, store(vault({ caBundle: b64(PEM), caProvider: { type: 'Secret', name: 'ca', namespace: 'x' } })), 'spec.provider.vault.caProvider', /silently ignores caProvider/, Severity.WARNING);
  });
  test('good', () => expectNone(vaultCaOneRule, store(vault({ caBundle: b64(PEM) }))));
});

describe('ESO-VAULT-TOKEN-AUTH', () => {
  test('bad: vault', () => {
    expectOne(vaultTokenAuthRule, store(vault({ auth: { tokenSecretRef: secretRef('x') } })), 'spec.provider.vault.auth.tokenSecretRef', /long-lived Vault token/, Severity.WARNING);
  });
  test('bad: openBao', () => {
    expectOne(vaultTokenAuthRule, store(openBao({ auth: { tokenSecretRef: secretRef('x') } })), 'spec.provider.openBao.auth.tokenSecretRef', /long-lived/);
  });
  test('good', () => expectNone(vaultTokenAuthRule, store(vault())));
});

describe('ESO-VAULT-NAMESPACE-PATH (P20)', () => {
  test('bad', () => {
    const d = expectOne(vaultNamespacePathRule, store(vault({ namespace: 'team-a', path: 'team-a/secret' })), 'spec.provider.vault.path', /starts with the Vault namespace "team-a"/);
    expect(d.fix).toContain('path: "secret"');
  });
  test('good', () => expectNone(vaultNamespacePathRule, store(vault({ namespace: 'team-a', path: 'secret' }))));
});
