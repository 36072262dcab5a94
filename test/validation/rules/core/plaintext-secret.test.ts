import { Manifest } from '../../../../src/model/manifest';
import { validateManifests } from '../../../../src/validation/engine';
import { ALLOW_PLAINTEXT_ANNOTATION, looksLikeSecretLiteral, plaintextSecretRule } from '../../../../src/validation/rules/core/plaintext-secret';

const run = (m: Manifest) => validateManifests([{ manifest: m }], { rules: [plaintextSecretRule] }).diagnostics;

// Built at run time so that no token-shaped string sits in the repository.
const vaultToken = ['hv', 's.', 'CAESIJ', 'x'.repeat(20)].join('');
const keyBlock = ['-----BEGIN', 'RSA PRIVATE KEY-----\nnot-a-key\n-----END', 'RSA PRIVATE KEY-----'].join(' ');
const randomLooking = ['Zq8', 'vR2', 'mT7', 'kX4', 'pL9', 'wN3', 'bY6', 'h#Q'].join('');

describe('ESO-PLAINTEXT-SECRET', () => {
  test('a Secret with stringData is refused, naming the key and how to move it to Vault', () => {
    const d = run({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'apps' }, stringData: { password: 'example-not-a-secret' } });
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-PLAINTEXT-SECRET', field: 'stringData.password', severity: 'error' });
    expect(d[0].fix).toMatch(/vault kv put/);
    expect(d[0].fix).toContain(`${ALLOW_PLAINTEXT_ANNOTATION}: "db"`);
  });

  test('SOPS: ciphertext is never reported; clear values of a SOPS-encrypted Secret are a warning; a sops block alone hides nothing', () => {
    const enc = ['ENC[AES256_GCM,data:', 'QUFBQQ==', ',iv:AAAA,tag:BBBB,type:str]'].join('');
    const sops = { mac: enc, lastmodified: '2026-01-01T00:00:00Z', version: '3.9.0' };
    const encrypted = run({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, stringData: { 'password': enc, 'user.name': 'admin' }, sops });
    expect(encrypted.map(d => [d.field, d.severity])).toEqual([['stringData.user.name', 'warning']]);
    const fake = run({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, stringData: { password: 'example-not-a-secret' }, sops });
    expect(fake.map(d => [d.field, d.severity])).toEqual([['stringData.password', 'error']]);
  });

  test('a Secret without values (e.g. created empty for a controller) passes', () => {
    expect(run({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, type: 'Opaque' })).toEqual([]);
  });

  test('the opt-in must name the object', () => {
    const secret = (ann: string): Manifest => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', annotations: { [ALLOW_PLAINTEXT_ANNOTATION]: ann } }, data: { a: 'eA==' } });
    expect(run(secret('db'))).toEqual([]);
    expect(run(secret('true'))).toHaveLength(1);
  });

  test('Vault tokens and private keys are found in any object', () => {
    const d = run({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { token: vaultToken, key: keyBlock } });
    expect(d.map(x => [x.field, x.message.replace(/;.*/, '')])).toEqual([
      ['data.key', 'value looks like a private key block'],
      ['data.token', 'value looks like a Vault token'],
    ]);
  });

  test('credential-like literals in ExternalSecret templates are refused; template references pass', () => {
    const es = (tpl: string): Manifest => ({
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: 'e', namespace: 'a' },
      spec: { target: { template: { data: { 'app.conf': tpl } } } },
    });
    expect(run(es(`password=${randomLooking}\n`))[0]).toMatchObject({ field: 'spec.target.template.data["app.conf"]' });
    expect(run(es('[global]\nrepo1-s3-key={{ .AWS_ACCESS_KEY_ID }}\nrepo1-s3-endpoint=s3.eu-central-1.amazonaws.com\n'))).toEqual([]);
    expect(run(es('postgresql://{{ .username }}:{{ .password }}@postgres.databases.svc.cluster.local:5432/app'))).toEqual([]);
  });

  test('entropy heuristic ignores ordinary identifiers', () => {
    expect(looksLikeSecretLiteral('external-secrets-operator-controller-manager')).toBeUndefined();
    expect(looksLikeSecretLiteral('kubernetes.io/dockerconfigjson')).toBeUndefined();
    expect(looksLikeSecretLiteral(randomLooking)).toBe(randomLooking);
  });
});
