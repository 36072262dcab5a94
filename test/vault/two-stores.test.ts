import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { appWithStore, diagnostics, errors, manifests, rawEs } from './fixtures';
import * as eso from '../../src';
import { VaultConfigOperator, VaultKubernetesAuthRole, VaultPolicy, VaultStoreAccess } from '../../src/vault';

const at = (address?: string) => VaultConfigOperator.authenticateAs('vault-admin', { namespace: 'vault-admin', ...(address ? { address } : {}) });

/** A second Vault store "dr" logging in with the same role "eso" (another server). */
function secondStore(configs: Chart, sa: kplus.IServiceAccount, audiences?: string[]) {
  return new eso.ClusterSecretStore(configs, 'dr', {
    metadata: { name: 'dr' },
    provider: eso.SecretStoreProvider.vault({
      server: 'https://vault-dr.example.internal:8200',
      kv: eso.VaultKv.v2('kv'),
      auth: eso.VaultAuth.kubernetes({ role: 'eso', serviceAccount: sa, audiences }),
    }),
  });
}

describe('grantVaultAccess on two stores into one namespace', () => {
  test('different Vaults: the second store\'s objects get the store name appended, the Vault name stays in spec.name; each says its store', () => {
    const { app, admin, configs, apps, store, esoSa } = appWithStore();
    rawEs(apps, 'db', ['app/db']);
    const dr = secondStore(configs, esoSa);
    const a = store.grantVaultAccess(admin, 'main', { target: at('https://vault.example.internal:8200') });
    const b = dr.grantVaultAccess(admin, 'dr', { target: at('https://vault-dr.example.internal:8200') });
    expect([a.role.objectName, a.policy.objectName, b.role.objectName, b.policy.objectName]).toEqual(['eso', 'eso', 'eso-dr', 'eso-dr']);
    expect([b.role.roleName, b.policy.policyName]).toEqual(['eso', 'eso']);
    expect(b.destination).toBe('vault-config-operator at https://vault-dr.example.internal:8200');
    const out = manifests(app).filter(m => ['Policy', 'KubernetesAuthEngineRole'].includes(m.kind));
    expect(out.map(m => [m.kind, m.metadata.name, m.spec.name, m.metadata.annotations?.['vault.cdk8s-external-secrets.io/store']])).toEqual([
      ['Policy', 'eso', undefined, 'ClusterSecretStore/vault'],
      ['KubernetesAuthEngineRole', 'eso', undefined, 'ClusterSecretStore/vault'],
      ['Policy', 'eso-dr', 'eso', 'ClusterSecretStore/dr'],
      ['KubernetesAuthEngineRole', 'eso-dr', 'eso', 'ClusterSecretStore/dr'],
    ]);
    expect(Testing.synth(admin)).toMatchSnapshot();
    expect(errors(app)).toEqual([]);
  });

  test('the audience warning names the store whose role has no audience', () => {
    const { app, admin, configs, apps, store, esoSa } = appWithStore();
    rawEs(apps, 'db', ['app/db']);
    const dr = secondStore(configs, esoSa); // requests no audience: its role gets none
    store.grantVaultAccess(admin, 'main', { target: at('https://vault.example.internal:8200') });
    dr.grantVaultAccess(admin, 'dr', { target: at('https://vault-dr.example.internal:8200') });
    const audience = diagnostics(app).filter(d => d.ruleId === 'ESO-VAULT-ROLE-AUDIENCE');
    expect(audience.map(d => [d.severity, d.object.name, d.message])).toEqual([
      ['warning', 'eso-dr', 'role "eso" (used by store "dr") has no audience: Vault logs a warning on every login and a future version will require one'],
    ]);
  });

  test('bad: both stores would write role "eso" on auth/kubernetes of the same Vault (no address: the operator\'s VAULT_ADDR)', () => {
    const { admin, configs, store, esoSa } = appWithStore();
    const dr = secondStore(configs, esoSa, ['vault']);
    store.grantVaultAccess(admin, 'main', { target: at() });
    expect(() => dr.grantVaultAccess(admin, 'dr', { target: at() })).toThrow(
      'admin/dr: VaultStoreAccess for ClusterSecretStore "dr": role "eso" on auth/kubernetes is already written by admin/main (for ClusterSecretStore "vault") '
      + 'to the same Vault (vault-config-operator at the operator\'s VAULT_ADDR): the two definitions overwrite each other and one store loses its access.');
  });

  test('bad: two roles but one policy name on the same Vault', () => {
    const { admin, configs, store, esoSa } = appWithStore();
    const other = new eso.ClusterSecretStore(configs, 'other', {
      metadata: { name: 'other' },
      provider: eso.SecretStoreProvider.vault({ server: 'https://vault.example.internal:8200', kv: eso.VaultKv.v2('kv'), auth: eso.VaultAuth.kubernetes({ role: 'eso-other', serviceAccount: esoSa, audiences: ['vault'] }) }),
    });
    new VaultStoreAccess(admin, 'main', { store, policyName: 'shared' });
    expect(() => new VaultStoreAccess(admin, 'other', { store: other, policyName: 'shared' })).toThrow(/policy "shared" is already written by admin\/main .* Pass a policyName of its own/);
  });

  test('good: one store keeps its plain names and no annotation (unchanged output)', () => {
    const { app, admin, store } = appWithStore();
    store.grantVaultAccess(admin, 'main');
    const out = manifests(app).filter(m => m.kind === 'Policy' || m.kind === 'KubernetesAuthEngineRole');
    expect(out.map(m => [m.metadata, m.spec.name])).toEqual([[{ name: 'eso', namespace: 'vault-admin' }, undefined], [{ name: 'eso', namespace: 'vault-admin' }, undefined]]);
  });
});

describe('Vault-side names that are not Kubernetes names (spec.name)', () => {
  test('a policy and a role named with "_": the object is named after them, spec.name carries the Vault name; schema-valid', () => {
    const { app, admin, esoSa } = appWithStore();
    const p = new VaultPolicy(admin, 'p', { policyName: 'eso_read' }).addRule('kv/data/app/*', eso.VaultCapability.READ);
    const r = new VaultKubernetesAuthRole(admin, 'r', { roleName: 'eso_reader', serviceAccounts: [esoSa], policies: [p], audience: 'vault' });
    expect([p.objectName, r.objectName]).toEqual(['eso-read', 'eso-reader']);
    const out = Testing.synth(admin);
    expect(out.find(m => m.kind === 'Policy')).toMatchObject({ metadata: { name: 'eso-read' }, spec: { name: 'eso_read' } });
    expect(out.find(m => m.kind === 'KubernetesAuthEngineRole')).toMatchObject({ metadata: { name: 'eso-reader' }, spec: { name: 'eso_reader', policies: ['eso_read'] } });
    expect(errors(app).filter(e => !e.startsWith('ESO-VAULT-ROLE-MOUNT'))).toEqual([]);
    expect(diagnostics(app).filter(d => d.ruleId === 'ESO-VAULT-ROLE-FIELDS')).toEqual([]);
  });

  test('an explicit objectName; bad names are refused with the fix', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'vault-admin' });
    expect(new VaultPolicy(chart, 'p', { policyName: 'eso', objectName: 'eso-main' }).objectName).toBe('eso-main');
    expect(Testing.synth(chart)[0].spec.name).toBe('eso');
    expect(() => new VaultPolicy(chart, 'q', { policyName: 'Eso' })).toThrow(/c\/q: policyName "Eso" is not a valid name: Vault lower-cases policy names/);
    expect(() => new VaultPolicy(chart, 'r', { objectName: 'a_b' })).toThrow(/c\/r: objectName "a_b" is not a valid Kubernetes object name/);
    expect(() => new VaultKubernetesAuthRole(chart, 's', { objectName: 'A', boundServiceAccountNames: ['x'] })).toThrow(/c\/s: objectName "A" is not a valid Kubernetes object name/);
  });
});
