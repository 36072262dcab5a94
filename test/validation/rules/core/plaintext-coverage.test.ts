import { ApiObject, Chart, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { IGNORE_ANNOTATION } from '../../../../src/model/api';
import { Manifest } from '../../../../src/model/manifest';
import { EsoValidation } from '../../../../src/synth/eso-validation';
import { validateManifests } from '../../../../src/validation/engine';
import { ALLOW_PLAINTEXT_ANNOTATION, looksLikeSecretLiteral, plaintextSecretRule } from '../../../../src/validation/rules/core/plaintext-secret';
import { detectSecret, isCredentialName, isLiteralCredential } from '../../../../src/validation/rules/core/private/secret-detectors';

const run = (m: Manifest) => validateManifests([{ manifest: m }], { rules: [plaintextSecretRule] });
const fields = (m: Manifest) => run(m).diagnostics.map(d => d.field);

// Every token-shaped string is built at run time from pieces: none sits in the repository.
const rep = (s: string, n: number) => s.repeat(Math.ceil(n / s.length)).slice(0, n);
const alnum = (n: number) => rep('aB3dE5gH7jK9mN1pQ', n);
const T = {
  github: ['gh', 'p_', alnum(36)].join(''),
  githubFine: ['github', '_pat_', alnum(82)].join(''),
  gitlab: ['gl', 'pat-', alnum(20)].join(''),
  slack: ['xo', 'xb-', '123456789012-', alnum(24)].join(''),
  npm: ['np', 'm_', alnum(36)].join(''),
  jwt: ['ey', 'J', alnum(20), '.ey', 'J', alnum(20), '.', alnum(22)].join(''),
  awsId: ['AK', 'IA', rep('QWERTYUIOP234567', 16)].join(''),
  vault: ['hv', 's.', alnum(24)].join(''),
  google: ['AI', 'za', alnum(35)].join(''),
};
const awsSecret = rep('wJalrXUtnFEMI/K7MDENG/bPxRfiCY', 40);
const pem = (label: string) => [`-----BEGIN ${label}-----`, 'bm90LWEta2V5', `-----END ${label}-----`].join('\n');
const privateKey = pem(['RSA', 'PRIVATE KEY'].join(' '));
const pgpKey = pem(['PGP', 'PRIVATE KEY BLOCK'].join(' '));
const certificate = pem('CERTIFICATE').replace('bm90LWEta2V5', rep('MIIBszCCAVmgAwIBAgIUe3FQ+b9/x', 64 * 5).match(/.{1,64}/g)!.join('\n'));
const b64 = (s: string) => Buffer.from(s).toString('base64');
const urlWithPassword = ['https://', 'deploy', ':', 'Zq8vR2mT7kX4', '@git.example.internal/org/repo.git'].join('');

const cm = (data: Record<string, string>, extra: Partial<Manifest> = {}): Manifest => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'a' }, data, ...extra });

describe('ESO-PLAINTEXT-SECRET: provider token formats anywhere', () => {
  test.each(Object.entries(T))('%s in a ConfigMap value is refused', (_name, token) => {
    const d = run(cm({ value: `prefix ${token} suffix` })).diagnostics;
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-PLAINTEXT-SECRET', field: 'data.value', severity: 'error' });
  });

  test('PEM and PGP private key blocks, base64-encoded private keys, URL credentials', () => {
    expect(detectSecret(privateKey)).toBe('a private key block');
    expect(detectSecret(pgpKey)).toBe('a private key block');
    expect(detectSecret(b64(privateKey))).toBe('a base64-encoded private key block');
    expect(detectSecret(urlWithPassword)).toBe('a URL with a password (scheme://user:password@host)');
    expect(fields(cm({}, { binaryData: { 'tls.key': b64(privateKey), 'token': b64(T.github) } } as any))).toEqual(['binaryData.token', 'binaryData["tls.key"]']);
  });

  test('coverage: annotations, HelmRelease values, workload env, Flux postBuild.substitute', () => {
    expect(fields({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', annotations: { 'example.com/token': T.gitlab, 'db-password': 'hunter2hunter2' } } }))
      .toEqual(['metadata.annotations.db-password', 'metadata.annotations["example.com/token"]']);
    expect(fields({
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name: 'h' },
      spec: { values: { auth: { adminPassword: 'hunter2hunter2', existingSecret: 'db-auth', passwordKey: 'password' }, slack: { url: T.slack } } },
    })).toEqual(['spec.values.auth.adminPassword', 'spec.values.slack.url']);
    expect(fields({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: {
        template: {
          spec: {
            containers: [{
              name: 'c',
              env: [
                { name: 'DB_PASSWORD', value: 'hunter2hunter2' },
                { name: 'AWS_SECRET_ACCESS_KEY', value: awsSecret },
                { name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
                { name: 'PASSWORD_FILE', value: '/etc/secrets/password' },
                { name: 'LOG_LEVEL', value: 'debug' },
              ],
            }],
          },
        },
      },
    })).toEqual(['spec.template.spec.containers[0].env[0].value', 'spec.template.spec.containers[0].env[1].value']);
    expect(fields({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'k' },
      spec: { postBuild: { substitute: { CLUSTER: 'prod', DB_PASSWORD: 'hunter2hunter2', GIT_URL: urlWithPassword } } },
    })).toEqual(['spec.postBuild.substitute.DB_PASSWORD', 'spec.postBuild.substitute.GIT_URL']);
  });

  test('a token used as a map key is found too', () => {
    expect(fields(cm({ [T.github]: 'x' }))).toEqual([`data.${T.github}`]);
  });

  test('the items of a v1 List, each with its own opt-in', () => {
    const secret = (name: string, ann?: string) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name, ...(ann ? { annotations: { [ALLOW_PLAINTEXT_ANNOTATION]: ann } } : {}) }, stringData: { a: 'b' } });
    const list: Manifest = { apiVersion: 'v1', kind: 'List', items: [secret('one'), secret('two', 'two'), cm({ t: T.npm }), null, 'x'] };
    expect(fields(list)).toEqual(['items[0].stringData.a', 'items[2].data.t']);
  });

  test('at synth: a List ApiObject made in code is judged item by item', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    new ApiObject(chart, 'l', { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { password: 'x-y-z' } }] } as any);
    const d = EsoValidation.of(app).diagnostics().filter(x => x.ruleId === 'ESO-PLAINTEXT-SECRET');
    expect(d.map(x => x.field)).toEqual(['items[0].stringData.password']);
  });
});

describe('ESO-PLAINTEXT-SECRET: only the named opt-in lets plaintext through', () => {
  test('the generic ignore annotation does not silence the guard, and the fix says so', () => {
    const r = run(cm({ token: T.vault }, { metadata: { name: 'c', annotations: { [IGNORE_ANNOTATION]: 'ESO-PLAINTEXT-SECRET' } } }));
    expect(r.silenced).toBe(0);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0].fix).toContain(`${IGNORE_ANNOTATION} does not silence ESO-PLAINTEXT-SECRET`);
    expect(run(cm({ token: T.vault }, { metadata: { name: 'c', annotations: { [ALLOW_PLAINTEXT_ANNOTATION]: 'c' } } })).diagnostics).toEqual([]);
    expect(run(cm({ token: T.vault }, { metadata: { name: 'c', annotations: { [ALLOW_PLAINTEXT_ANNOTATION]: 'true' } } })).diagnostics).toHaveLength(1);
  });

  test('the fake provider\'s values are judged by ESO-STORE-FAKE-PROVIDER and its allow-plaintext-in-git opt-in', () => {
    const store = (ann: Record<string, string>): Manifest => ({
      apiVersion: 'external-secrets.io/v1',
      kind: 'SecretStore',
      metadata: { name: 'fake', annotations: ann },
      spec: { provider: { fake: { data: [{ key: 'gh', value: T.github }] } } },
    });
    expect(fields(store({ 'cdk8s-external-secrets.io/allow-plaintext-in-git': 'true' }))).toEqual([]);
    expect(fields(store({}))).toEqual(['spec.provider.fake.data[0].value']);
    // the fix names the opt-in that also satisfies ESO-STORE-FAKE-PROVIDER, not allow-plaintext: <name>
    const [d] = run(store({})).diagnostics;
    expect(d.fix).toContain('SecretStoreProvider.fake({ ..., allowPlaintextInGit: true }) (annotation cdk8s-external-secrets.io/allow-plaintext-in-git: "true")');
    expect(d.fix).not.toContain(`${ALLOW_PLAINTEXT_ANNOTATION}: "fake"`);
  });
});

describe('ESO-PLAINTEXT-SECRET: no false alarms', () => {
  test('SOPS ciphertext with sops metadata', () => {
    const enc = ['ENC[AES256_GCM,data:', 'QUFBQQ==', ',iv:AAAA,tag:BBBB,type:str]'].join('');
    const sops = { mac: enc, lastmodified: '2026-01-01T00:00:00Z', version: '3.9.0' };
    expect(fields({ ...cm({ DB_PASSWORD: enc }), sops } as Manifest)).toEqual([]);
    // a credential-named value the file's SOPS rules left in clear: a warning, as for a SOPS-encrypted Secret
    const partly = run({ ...cm({ DB_PASSWORD: enc, ADMIN_PASSWORD: 'hunter2hunter2' }), sops } as Manifest).diagnostics;
    expect(partly.map(d => [d.field, d.severity])).toEqual([['data.ADMIN_PASSWORD', 'warning']]);
    // a sops block without ciphertext hides nothing
    expect(run({ ...cm({ ADMIN_PASSWORD: 'hunter2hunter2' }), sops } as Manifest).diagnostics.map(d => d.severity)).toEqual(['error']);
  });

  test('public certificates, also inside templates and base64-encoded', () => {
    expect(fields(cm({ 'ca.crt': certificate, 'ca.b64': b64(certificate) }))).toEqual([]);
    const es: Manifest = {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: 'e', namespace: 'a' },
      spec: { target: { template: { data: { 'ca.crt': certificate, 'bundle.pem': `{{ .cert }}\n${certificate}` } } } },
    };
    expect(fields(es)).toEqual([]);
  });

  test('CamelCase identifiers, UUIDs, sha256 digests, Vault paths with "password", references by name', () => {
    const values = [
      'org.springframework.security.AbstractSingletonProxyFactoryBean2',
      'AbstractSecurityInterceptorConfigurationV3Builder_Impl',
      '123e4567-e89b-12d3-a456-426614174000',
      `sha256:${rep('0123456789abcdef', 64)}`,
      'kv/data/apps/db/password',
      'secret/data/team-a/admin-password',
      'https://vault.example.internal:8200/v1/kv/data/password',
      'ssh://git@github.com/org/repo.git',
      'postgres://app:${DB_PASSWORD}@db:5432/app',
      'postgres://{{ .user }}:{{ .password }}@db:5432/app',
    ];
    for (const v of values) expect([v, detectSecret(v) ?? null]).toEqual([v, null]);
    for (const v of values.slice(0, 4)) expect([v, looksLikeSecretLiteral(v) ?? null]).toEqual([v, null]);
    expect(fields(cm({ DB_PASSWORD_PATH: 'kv/data/apps/db/password', passwordSecretRef: 'db', tokenFile: 'token.txt', API_TOKEN: '${API_TOKEN}', VAULT_TOKEN_PATH: '/var/run/secrets/token', image: `app@sha256:${rep('0123456789abcdef', 64)}` }))).toEqual([]);
    expect(fields(cm({ vaultPath: 'kv/data/app/password', password: 'kv/data/app/password' }))).toEqual([]);
  });

  test('credential names: literal values vs references', () => {
    for (const n of ['DB_PASSWORD', 'dbPassword', 'db-password', 'api.key', 'API_KEY', 'clientSecret', 'aws_secret_access_key', 'token', 'GITHUB_TOKEN']) expect([n, isCredentialName(n)]).toEqual([n, true]);
    for (const n of ['existingSecret', 'passwordSecretRef', 'passwordKey', 'tokenPath', 'secretName', 'automountServiceAccountToken_enabled', 'tokenizer']) expect([n, isCredentialName(n)]).toEqual([n, false]);
    for (const v of ['hunter2hunter2', 'S3cr3t!']) expect(isLiteralCredential(v)).toBe(true);
    for (const v of ['', 'true', '1234', '${X}', '{{ .x }}', 'kv/data/a/password', '/etc/token', '<your-token>', 'token.txt']) expect([v, isLiteralCredential(v)]).toEqual([v, false]);
    // names of keys and Grafana references (found on public Flux repositories): references, not values
    for (const v of ['GITHUB_TOKEN', 'RCON_PASSWORD', 'OIDC_AUTHENTIK_SECRET', 'token', '$__file{/etc/secrets/oauth/client_secret}']) expect([v, isLiteralCredential(v)]).toEqual([v, false]);
    // Helm charts' existingSecret* keys name a Secret
    const hr = { apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', metadata: { name: 'harbor' }, spec: { values: { existingSecretAdminPassword: 'harbor-admin', rcon: { secretKey: 'RCON_PASSWORD' }, adminPassword: 'hunter2hunter2' } } };
    expect(run(hr).diagnostics.map(d => d.field)).toEqual(['spec.values.adminPassword']);
  });
});

describe('ESO-PLAINTEXT-SECRET: properties (fixed seeds)', () => {
  const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
  const word = fc.stringMatching(/^[A-Z][a-z]{2,9}$/);

  test('look-alikes are never flagged: UUIDs, sha256 digests, CamelCase identifiers, Vault paths with "password"', () => {
    const lookAlike = fc.oneof(
      fc.uuid(),
      hex(64).map(h => `sha256:${h}`),
      fc.array(word, { minLength: 2, maxLength: 6 }).map(w => `com.example.${w.join('')}`),
      fc.array(fc.stringMatching(/^[a-z][a-z0-9-]{1,8}$/), { minLength: 1, maxLength: 3 }).map(p => `kv/data/${p.join('/')}/password`),
    );
    fc.assert(fc.property(lookAlike, v => {
      expect(detectSecret(v)).toBeUndefined();
      expect(fields(cm({ value: v, DB_PASSWORD_PATH: v }))).toEqual([]);
    }), { seed: 1313, numRuns: 300 });
  });

  test('every token format is flagged wherever it sits in a random object', () => {
    const token = fc.constantFrom(...Object.values(T));
    const pathArb = fc.array(fc.stringMatching(/^[a-z][a-zA-Z]{0,8}$/), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(token, pathArb, fc.string({ maxLength: 8 }), (t, p, around) => {
      let obj: any = `${around.replace(/[A-Za-z0-9_]/g, '')} ${t} ${around.replace(/[A-Za-z0-9_]/g, '')}`;
      for (const seg of [...p].reverse()) obj = { [seg]: obj };
      const m: Manifest = { apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 't' }, spec: obj };
      expect(fields(m)).toHaveLength(1);
    }), { seed: 1314, numRuns: 300 });
  });
});
