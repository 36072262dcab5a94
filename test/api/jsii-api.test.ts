import * as fs from 'fs';
import * as path from 'path';

/**
 * The public API as jsii sees it (`.jsii`, written by the compile step that `npm test` runs first): every
 * optional property documents its default, and generated L1 types stay internal.
 */
const assemblyFile = path.join(__dirname, '..', '..', '.jsii');
const describeIfCompiled = fs.existsSync(assemblyFile) ? describe : describe.skip;

describeIfCompiled('jsii assembly', () => {
  const assembly = JSON.parse(fs.readFileSync(assemblyFile, 'utf8'));
  const types = Object.entries<any>(assembly.types);

  test('every optional property has a @default', () => {
    const missing = types
      .filter(([, t]) => t.kind === 'interface')
      .flatMap(([fqn, t]) => (t.properties ?? []).filter((p: any) => p.optional && !p.docs?.default).map((p: any) => `${fqn}.${p.name}`));
    expect(missing).toEqual([]);
  });

  test('the main constructs are exported', () => {
    const names = new Set(types.map(([fqn]) => fqn.split('.').pop()));
    for (const n of ['SecretStore', 'ClusterSecretStore', 'ExternalSecret', 'ClusterExternalSecret', 'PushSecret', 'ClusterPushSecret',
      'PasswordGenerator', 'UuidGenerator', 'VaultDynamicSecret', 'ClusterGenerator', 'VaultPolicy', 'VaultKubernetesAuthRole',
      'VaultKubernetesAuthConfig', 'FluxLayout', 'EsoValidation']) {
      expect(names.has(n)).toBe(true);
    }
  });
});
