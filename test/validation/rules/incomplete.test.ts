/**
 * Conclusions from an object's absence (a store or generator that exists only elsewhere or with another kind)
 * are errors when the manifests are the whole deployment, and warnings when some Flux Kustomizations were not
 * read (repository mode: `incomplete`), because the missing object may be defined there.
 */
import { Manifest } from '../../../src/model/manifest';
import { validateManifests } from '../../../src/validation/engine';
import { Rule } from '../../../src/validation/rule';
import { esStoreNamespaceRule } from '../../../src/validation/rules/external-secrets/es-store-namespace';
import { esStoreRefRule } from '../../../src/validation/rules/external-secrets/es-store-ref';
import { generatorRefRule } from '../../../src/validation/rules/generators/gen-ref';

const run = (rule: Rule, incomplete: boolean, ...manifests: Manifest[]) =>
  validateManifests(manifests.map(manifest => ({ manifest })), { rules: [rule], incomplete }).diagnostics;

const store = (kind: string, name: string, namespace?: string): Manifest => ({
  apiVersion: 'external-secrets.io/v1',
  kind,
  metadata: { name, ...(namespace ? { namespace } : {}) },
  spec: { provider: { fake: { data: [] } } },
});
const es = (storeRef: Record<string, string>, namespace = 'apps'): Manifest => ({
  apiVersion: 'external-secrets.io/v1',
  kind: 'ExternalSecret',
  metadata: { name: 'app', namespace },
  spec: { secretStoreRef: storeRef, data: [{ secretKey: 'k', remoteRef: { key: 'app/k' } }] },
});
const password = (namespace: string): Manifest => ({
  apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'Password', metadata: { name: 'pw', namespace }, spec: { length: 32 },
});
const esFromGenerator = (kind: string): Manifest => ({
  apiVersion: 'external-secrets.io/v1',
  kind: 'ExternalSecret',
  metadata: { name: 'gen', namespace: 'apps' },
  spec: { refreshPolicy: 'CreatedOnce', dataFrom: [{ sourceRef: { generatorRef: { apiVersion: 'generators.external-secrets.io/v1alpha1', kind, name: 'pw' } } }] },
});

const cases: Array<[string, Rule, Manifest[], string]> = [
  ['ESO-ES-STORE-NAMESPACE: a SecretStore only in another namespace', esStoreNamespaceRule,
    [store('SecretStore', 'vault', 'platform'), es({ name: 'vault', kind: 'SecretStore' })], 'which lives in namespace "platform"'],
  ['ESO-ES-STORE-REF: ClusterSecretStore named, only a SecretStore of that name', esStoreRefRule,
    [store('SecretStore', 'vault', 'apps'), es({ name: 'vault', kind: 'ClusterSecretStore' })], 'but only SecretStore "vault" exists'],
  ['ESO-ES-STORE-REF: SecretStore named, only a ClusterSecretStore of that name', esStoreRefRule,
    [store('ClusterSecretStore', 'vault'), es({ name: 'vault', kind: 'SecretStore' })], 'but only ClusterSecretStore "vault" exists'],
  ['ESO-GEN-REF: a generator only in another namespace', generatorRefRule,
    [password('other'), esFromGenerator('Password')], 'exists only in namespace "other"'],
  ['ESO-GEN-REF: a generator of another kind with that name', generatorRefRule,
    [password('apps'), esFromGenerator('UUID')], 'is a Password'],
];

describe.each(cases)('%s', (_name, rule, manifests, text) => {
  test('the whole deployment was read: error', () => {
    const d = run(rule, false, ...manifests);
    expect(d).toHaveLength(1);
    expect(d[0].severity).toBe('error');
    expect(d[0].message).toContain(text);
    expect(d[0].message).not.toContain('not checked');
  });

  test('some Kustomizations were not checked: warning that says why', () => {
    const d = run(rule, true, ...manifests);
    expect(d).toHaveLength(1);
    expect(d[0].severity).toBe('warning');
    expect(d[0].message).toContain(text);
    expect(d[0].message).toContain('unless a Kustomization that was not checked defines it');
  });
});
