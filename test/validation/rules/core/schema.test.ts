import { Manifest } from '../../../../src/model/manifest';
import { validateManifests } from '../../../../src/validation/engine';
import { jsonPointerToField, schemaRule } from '../../../../src/validation/rules/core/schema';

const run = (m: Manifest) => validateManifests([{ manifest: m }], { rules: [schemaRule] }).diagnostics;

const store = (vault: Record<string, any>): Manifest => ({
  apiVersion: 'external-secrets.io/v1',
  kind: 'ClusterSecretStore',
  metadata: { name: 'vault' },
  spec: { provider: { vault } },
});

describe('ESO-SCHEMA', () => {
  test('a valid store passes', () => {
    expect(run(store({ server: 'https://v', path: 'secret', version: 'v2', auth: { kubernetes: { mountPath: 'kubernetes', role: 'eso' } } }))).toEqual([]);
  });

  test('missing required field names the field', () => {
    const d = run(store({ path: 'secret', auth: { kubernetes: { role: 'eso' } } }));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-SCHEMA', field: 'spec.provider.vault.server' });
    expect(d[0].message).toMatch(/required field "server" is missing/);
  });

  test('a required field with a CRD default is not missing (the API server defaults before it validates)', () => {
    // auth.kubernetes.mountPath has `default: kubernetes` in the CRD
    const m = store({ server: 'https://v', auth: { kubernetes: { role: 'eso' } } });
    expect(run(m)).toEqual([]);
    // the check never changes the object it looks at
    expect(m.spec.provider.vault.auth.kubernetes).toEqual({ role: 'eso' });
  });

  test('issue 14 examples: no "required" error on a field the CRD defaults', () => {
    // vault-config-operator Policy and KubernetesAuthEngineRole: authentication.serviceAccount defaults to {name: default}
    const auth = { path: 'kubernetes', role: 'vault-admin' };
    const policy: Manifest = { apiVersion: 'redhatcop.redhat.io/v1alpha1', kind: 'Policy', metadata: { name: 'p', namespace: 'vault' }, spec: { authentication: auth, policy: 'path "x" {}' } };
    expect(run(policy)).toEqual([]);
    const role: Manifest = {
      apiVersion: 'redhatcop.redhat.io/v1alpha1',
      kind: 'KubernetesAuthEngineRole',
      metadata: { name: 'r', namespace: 'vault' },
      spec: { authentication: auth, path: 'kubernetes', policies: ['p'], targetNamespaces: { targetNamespaces: ['app'] } },
    };
    expect(run(role).filter(d => /required/.test(d.message))).toEqual([]);
    // Password: noUpper and allowRepeat are required, with default: false (length defaults to 24)
    const password: Manifest = { apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'Password', metadata: { name: 'pw', namespace: 'app' }, spec: { length: 32 } };
    expect(run(password)).toEqual([]);
    // a required field without a default is still missing
    const noRole: Manifest = { ...policy, spec: { authentication: { path: 'kubernetes' }, policy: 'path "x" {}' } };
    expect(run(noRole).map(d => d.field)).toEqual(['spec.authentication.role']);
  });

  test('names follow the API server (RFC 1123 subdomain, required); namespaces are RFC 1123 labels', () => {
    const named = (name: string | undefined, namespace?: string): Manifest => ({
      ...store({ server: 'https://v', auth: { kubernetes: { role: 'eso' } } }), kind: 'SecretStore', metadata: { name, namespace },
    } as Manifest);
    for (const bad of ['Upper', 'under_score', '-lead', 'trail-', 'x'.repeat(254)]) {
      expect(run(named(bad, 'ns')).map(d => d.field)).toEqual(['metadata.name']);
    }
    expect(run(named(undefined, 'ns')).map(d => [d.field, d.message])).toEqual([['metadata.name', 'name or generateName is required']]);
    expect(run(named('app', 'Bad.NS')).map(d => d.field)).toEqual(['metadata.namespace']);
    for (const good of ['app', 'a.b.c', 'x'.repeat(253), '0-app']) expect(run(named(good, 'ns'))).toEqual([]);
  });

  test('labels and annotations as the API server checks them (keys, values, strings)', () => {
    const labelled = (labels: Record<string, unknown>, annotations: Record<string, unknown> = {}): Manifest => ({
      ...store({ server: 'https://v', auth: { kubernetes: { role: 'eso' } } }), metadata: { name: 'vault', labels, annotations },
    } as Manifest);
    expect(run(labelled({ 'app': 'ok', 'example.com/team': 'a-b_c.d', 'empty': '' }, { 'example.com/note': 'any text at all' }))).toEqual([]);
    expect(run(labelled({ 'Bad Key': 'x' })).map(d => d.field)).toEqual(['metadata.labels["Bad Key"]']);
    expect(run(labelled({ 'a/b/c': 'x' })).map(d => d.field)).toEqual(['metadata.labels["a/b/c"]']);
    expect(run(labelled({ k: 'bad value' })).map(d => d.field)).toEqual(['metadata.labels["k"]']);
    expect(run(labelled({ k: 'v'.repeat(64) })).map(d => d.field)).toEqual(['metadata.labels["k"]']);
    // annotation keys are checked lower-cased (ValidateAnnotations)
    expect(run(labelled({}, { 'UPPER.example.com/x': 'y' }))).toEqual([]);
    expect(run(labelled({}, { 'a/b/c': 'y' })).map(d => d.field)).toEqual(['metadata.annotations["a/b/c"]']);
    // a non-string value: ESO cannot decode its object (error); other kinds lose the map silently (warning)
    expect(run(labelled({ k: 5 })).map(d => [d.field, d.severity])).toEqual([['metadata.labels["k"]', 'error']]);
    const policy: Manifest = {
      apiVersion: 'redhatcop.redhat.io/v1alpha1',
      kind: 'Policy',
      metadata: { name: 'p', namespace: 'vault', labels: { k: true } as any },
      spec: { authentication: { path: 'kubernetes', role: 'r' }, policy: 'path "x" {}' },
    };
    expect(run(policy).map(d => [d.field, d.severity])).toEqual([['metadata.labels["k"]', 'warning']]);
  });

  test('unknown (misspelt) fields are reported, not silently dropped', () => {
    const d = run(store({ server: 'https://v', Path: 'secret' }));
    expect(d.map(x => x.field)).toEqual(['spec.provider.vault.Path']);
    expect(d[0].message).toMatch(/unknown field "Path"/);
  });

  test('enum values are listed', () => {
    const d = run(store({ server: 'https://v', version: 'v3' }));
    expect(d[0]).toMatchObject({ field: 'spec.provider.vault.version' });
    expect(d[0].message).toContain('"v1", "v2"');
  });

  test('two providers violate the one-provider schema', () => {
    const m = store({ server: 'https://v' });
    (m.spec as any).provider.fake = { data: [] };
    expect(run(m).map(x => x.field)).toContain('spec.provider');
  });

  test('kinds outside the pinned groups are skipped', () => {
    expect(run({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, bogus: 1 })).toEqual([]);
  });

  test('vault-config-operator objects are checked too', () => {
    const d = run({ apiVersion: 'redhatcop.redhat.io/v1alpha1', kind: 'Policy', metadata: { name: 'p', namespace: 'vault-admin' }, spec: { policy: 'x', typo: true } });
    expect(d.map(x => x.field)).toContain('spec.typo');
  });

  test('json pointers become readable field paths', () => {
    expect(jsonPointerToField('/spec/data/0/remoteRef')).toBe('spec.data[0].remoteRef');
    expect(jsonPointerToField('/metadata/annotations/a~1b')).toBe('metadata.annotations["a/b"]');
    expect(jsonPointerToField('')).toBe('');
  });
});
