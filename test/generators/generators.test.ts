import { Chart, Duration, Testing } from 'cdk8s';
import {
  ClusterGenerator, CustomGenerator, GeneratorKind, GeneratorSpec, PasswordEncoding, PasswordGenerator, UuidGenerator,
  VaultDynamicSecret, VaultDynamicSecretMethod, VaultDynamicSecretResultType,
} from '../../src/generators';
import { SecretStoreProvider, VaultAuth, VaultKv } from '../../src/stores';

function chart() {
  return new Chart(Testing.app(), 'gen', { namespace: 'databases' });
}

describe('PasswordGenerator', () => {
  test('seed 000/001 "Password generator" section', () => {
    const c = chart();
    const pw = new PasswordGenerator(c, 'db', {
      metadata: { name: 'db-password-generator' },
      length: 32,
      digits: 6,
      symbols: 4,
      noUpper: false,
      allowRepeat: true,
    });
    const out = Testing.synth(c);
    expect(out).toMatchSnapshot();
    expect(out[0]).toEqual({
      apiVersion: 'generators.external-secrets.io/v1alpha1',
      kind: 'Password',
      metadata: { name: 'db-password-generator', namespace: 'databases' },
      spec: { length: 32, digits: 6, symbols: 4, noUpper: false, allowRepeat: true },
    });
    expect(pw.toGeneratorRef()).toEqual({ apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'Password', name: 'db-password-generator' });
    expect(pw.regeneratesOnRefresh).toBe(true);
  });

  test('defaults: length/noUpper/allowRepeat are always emitted (CRD-required)', () => {
    const c = chart();
    new PasswordGenerator(c, 'db', { metadata: { name: 'p' } });
    expect(Testing.synth(c)[0].spec).toEqual({ length: 24, noUpper: false, allowRepeat: false });
  });

  test('every field reaches the YAML', () => {
    const c = chart();
    new PasswordGenerator(c, 'db', {
      metadata: { name: 'p' },
      length: 40,
      digits: 5,
      symbols: 5,
      symbolCharacters: '-_$@',
      noUpper: true,
      allowRepeat: true,
      secretKeys: ['password', 'replication-password'],
      encoding: PasswordEncoding.BASE64URL,
    });
    const out = Testing.synth(c);
    expect(out).toMatchSnapshot();
    expect(out[0].spec).toEqual({
      length: 40,
      digits: 5,
      symbols: 5,
      symbolCharacters: '-_$@',
      noUpper: true,
      allowRepeat: true,
      secretKeys: ['password', 'replication-password'],
      encoding: 'base64url',
    });
  });

  test('a broken arithmetic fails the synth (rule ESO-GEN-PASSWORD-ARITHMETIC)', () => {
    const c = chart();
    new PasswordGenerator(c, 'db', { metadata: { name: 'p' }, length: 64 });
    expect(() => Testing.synth(c)).toThrow(/ESO-GEN-PASSWORD-ARITHMETIC/);
  });

  test('fromPasswordGeneratorName', () => {
    const g = PasswordGenerator.fromPasswordGeneratorName(chart(), 'x', 'shared');
    expect(g.toGeneratorRef()).toEqual({ apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'Password', name: 'shared' });
    expect(g.regeneratesOnRefresh).toBe(true);
  });
});

describe('UuidGenerator', () => {
  test('empty spec', () => {
    const c = chart();
    const u = new UuidGenerator(c, 'id', { metadata: { name: 'instance-id' } });
    const out = Testing.synth(c);
    expect(out).toMatchSnapshot();
    expect(out[0].spec).toEqual({});
    expect(u.regeneratesOnRefresh).toBe(true);
    expect(UuidGenerator.fromUuidGeneratorName(c, 'imp', 'x').generatorKind).toBe('UUID');
  });
});

describe('VaultDynamicSecret', () => {
  const provider = () => SecretStoreProvider.vault({
    server: 'https://vault.example.internal:8200',
    kv: VaultKv.v2('secret'),
    auth: VaultAuth.kubernetes({ role: 'external-secrets' }),
  });

  test('every field reaches the YAML; provider = the store provider', () => {
    const c = chart();
    const v = new VaultDynamicSecret(c, 'db', {
      metadata: { name: 'db-creds' },
      provider: provider(),
      path: 'database/creds/app',
      method: VaultDynamicSecretMethod.POST,
      parameters: { ttl: '1h' },
      queryParameters: { version: ['2'] },
      resultType: VaultDynamicSecretResultType.AUTH,
      allowEmptyResponse: true,
      retrySettings: { maxRetries: 3, retryInterval: Duration.seconds(10) },
      controller: 'dev',
    });
    const out = Testing.synth(c);
    expect(out).toMatchSnapshot();
    expect(out[0].spec.provider.server).toBe('https://vault.example.internal:8200');
    expect(out[0].spec.provider.auth.kubernetes.role).toBe('external-secrets');
    expect(out[0].spec.retrySettings).toEqual({ maxRetries: 3, retryInterval: '10s' });
    expect(v.regeneratesOnRefresh).toBe(false);
  });

  test('minimal', () => {
    const c = chart();
    new VaultDynamicSecret(c, 'db', { metadata: { name: 'db-creds' }, provider: provider(), path: 'database/creds/app' });
    const spec = Testing.synth(c)[0].spec;
    expect(Object.keys(spec).sort()).toEqual(['path', 'provider']);
  });

  test('only the vault provider', () => {
    expect(() => GeneratorSpec.vaultDynamicSecret({ provider: SecretStoreProvider.custom('aws', {}), path: 'x' })).toThrow(/SecretStoreProvider.vault/);
    expect(() => GeneratorSpec.vaultDynamicSecret({ provider: provider(), path: '' })).toThrow(/path must not be empty/);
  });
});

describe('ClusterGenerator', () => {
  test('wraps a password spec, kind matches, no namespace', () => {
    const c = chart();
    const g = new ClusterGenerator(c, 'cg', {
      metadata: { name: 'global-password' },
      generator: GeneratorSpec.password({ length: 42, digits: 5, symbols: 5, symbolCharacters: '-_$@', allowRepeat: true }),
    });
    const out = Testing.synth(c);
    expect(out).toMatchSnapshot();
    expect(out[0].metadata).toEqual({ name: 'global-password' });
    expect(out[0].spec.kind).toBe('Password');
    expect(out[0].spec.generator.passwordSpec.length).toBe(42);
    expect(g.toGeneratorRef().kind).toBe('ClusterGenerator');
    expect(g.regeneratesOnRefresh).toBe(true);
  });

  test('reuses the spec of an existing generator and of the escape hatch', () => {
    const c = chart();
    const uuid = new UuidGenerator(c, 'u', { metadata: { name: 'u' } });
    new ClusterGenerator(c, 'cg1', { metadata: { name: 'cg-uuid' }, generator: uuid.spec });
    new ClusterGenerator(c, 'cg2', { metadata: { name: 'cg-ssh' }, generator: GeneratorSpec.custom(GeneratorKind.SSH_KEY, { keyType: 'ed25519' }) });
    const out = Testing.synth(c);
    expect(out.find(o => o.metadata.name === 'cg-uuid').spec).toEqual({ kind: 'UUID', generator: { uuidSpec: {} } });
    expect(out.find(o => o.metadata.name === 'cg-ssh').spec).toEqual({ kind: 'SSHKey', generator: { sshKeySpec: { keyType: 'ed25519' } } });
  });

  test('fromClusterGeneratorName', () => {
    const c = chart();
    const g = ClusterGenerator.fromClusterGeneratorName(c, 'x', 'global-password', { wrappedKind: GeneratorKind.PASSWORD });
    expect(g.toGeneratorRef()).toEqual({ apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'ClusterGenerator', name: 'global-password' });
    expect(g.regeneratesOnRefresh).toBe(true);
    expect(ClusterGenerator.fromClusterGeneratorName(c, 'y', 'z').regeneratesOnRefresh).toBe(false);
    expect(ClusterGenerator.fromClusterGeneratorName(c, 'w', 'w', {}).regeneratesOnRefresh).toBe(false);
    const vds = ClusterGenerator.fromClusterGeneratorName(c, 'v', 'db', { wrappedKind: GeneratorKind.VAULT_DYNAMIC_SECRET });
    expect(vds.regeneratesOnRefresh).toBe(false);
    expect(vds.generatorKind).toBe('ClusterGenerator');
  });
});

describe('CustomGenerator', () => {
  test('escape hatch emits the spec as given', () => {
    const c = chart();
    const g = new CustomGenerator(c, 'ecr', { metadata: { name: 'ecr' }, kind: GeneratorKind.ECR_AUTHORIZATION_TOKEN, spec: { region: 'eu-west-1' } });
    const out = Testing.synth(c);
    expect(out).toMatchSnapshot();
    expect(out[0].kind).toBe('ECRAuthorizationToken');
    expect(g.regeneratesOnRefresh).toBe(false);
    expect(new CustomGenerator(c, 'ssh', { kind: GeneratorKind.SSH_KEY }).regeneratesOnRefresh).toBe(true);
  });

  test('schema-checked at synth: a missing required field fails', () => {
    const c = chart();
    new CustomGenerator(c, 'ecr', { metadata: { name: 'ecr' }, kind: GeneratorKind.ECR_AUTHORIZATION_TOKEN, spec: { regoin: 'eu-west-1' } });
    expect(() => Testing.synth(c)).toThrow(/ESO-SCHEMA/);
  });

  test('fromGeneratorName', () => {
    const g = CustomGenerator.fromGeneratorName(chart(), 'x', 'deploy-key', { kind: GeneratorKind.SSH_KEY });
    expect(g.toGeneratorRef()).toEqual({ apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'SSHKey', name: 'deploy-key' });
    expect(g.generatorName).toBe('deploy-key');
    expect(g.regeneratesOnRefresh).toBe(true);
    const ecr = CustomGenerator.fromGeneratorName(chart(), 'y', 'ecr', { kind: GeneratorKind.ECR_AUTHORIZATION_TOKEN });
    expect([ecr.generatorKind, ecr.regeneratesOnRefresh]).toEqual(['ECRAuthorizationToken', false]);
  });

});
