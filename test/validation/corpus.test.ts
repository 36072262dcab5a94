import * as fs from 'fs';
import * as path from 'path';
import { validateCommand } from '../../src/cli/validate-command';
import { loadManifests } from '../../src/io/load-manifests';
import { Diagnostic, Severity } from '../../src/validation/diagnostic';
import { validateManifests } from '../../src/validation/engine';

/**
 * "No false errors": every rule of the registry, run over the whole valid corpus at once (cross-resource
 * rules see every file, as with `cdk8s-eso validate test/fixtures/valid`), reports 0 errors. The corpus is
 * hand-written (test/fixtures/valid/*.yaml) plus ESO's documented examples (eso-docs-*.yaml). The seeds'
 * own manifests are checked in seeds.test.ts.
 */
const FIXTURES = path.join(__dirname, '..', 'fixtures');
const VALID = path.join(FIXTURES, 'valid');
const VALID_FLUX = path.join(FIXTURES, 'valid-flux');

function show(ds: Diagnostic[]): string {
  return ds.map(d => `${d.file}:${d.line ?? ''} ${d.ruleId} ${d.object.kind} ${d.object.namespace ?? ''}/${d.object.name}: ${d.field}: ${d.message}`).join('\n');
}

function errorsOf(dir: string) {
  const loaded = loadManifests([dir]);
  const report = validateManifests(loaded.items);
  return { loaded, report, errors: report.diagnostics.filter(d => d.severity === Severity.ERROR) };
}

function cli(paths: string[], strict = false) {
  const lines: string[] = [];
  const code = validateCommand(paths, { strict, out: l => lines.push(l) });
  return { code, lines, summary: lines[lines.length - 1] };
}

describe('valid corpus (test/fixtures/valid): the full registry reports no errors', () => {
  const { loaded, report, errors } = errorsOf(VALID);

  test('every file loads without problems and carries a header comment saying what it is', () => {
    expect(show(loaded.problems)).toBe('');
    const files = fs.readdirSync(VALID).filter(f => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const f of files) expect(fs.readFileSync(path.join(VALID, f), 'utf8').startsWith('#')).toBe(true);
  });

  test('0 errors over all files together', () => {
    expect(show(errors)).toBe('');
    expect(report.objects).toBe(loaded.items.length);
  });

  test('covers every kind the library supports', () => {
    const kinds = new Set(loaded.items.map(i => `${i.manifest.apiVersion}/${i.manifest.kind}`));
    for (const k of [
      'external-secrets.io/v1/SecretStore', 'external-secrets.io/v1/ClusterSecretStore',
      'external-secrets.io/v1/ExternalSecret', 'external-secrets.io/v1/ClusterExternalSecret',
      'external-secrets.io/v1alpha1/PushSecret', 'external-secrets.io/v1alpha1/ClusterPushSecret',
      'generators.external-secrets.io/v1alpha1/Password', 'generators.external-secrets.io/v1alpha1/UUID',
      'generators.external-secrets.io/v1alpha1/VaultDynamicSecret', 'generators.external-secrets.io/v1alpha1/ClusterGenerator',
      'redhatcop.redhat.io/v1alpha1/Policy', 'redhatcop.redhat.io/v1alpha1/KubernetesAuthEngineRole',
      'redhatcop.redhat.io/v1alpha1/KubernetesAuthEngineConfig',
      'vault.vault.m.upbound.io/v1alpha1/Policy', 'kubernetes.vault.m.upbound.io/v1alpha1/AuthBackendRole',
      'kubernetes.vault.m.upbound.io/v1alpha1/AuthBackendConfig',
      'kustomize.toolkit.fluxcd.io/v1/Kustomization', 'source.toolkit.fluxcd.io/v1/GitRepository',
      'source.toolkit.fluxcd.io/v1/HelmRepository', 'helm.toolkit.fluxcd.io/v2/HelmRelease',
    ]) expect([k, kinds.has(k)]).toEqual([k, true]);
  });

  test('covers every Vault auth method, the openBao provider and the main ExternalSecret / PushSecret shapes', () => {
    const stores = loaded.items.map(i => i.manifest).filter(m => /SecretStore$/.test(m.kind ?? ''));
    const vaultAuth = new Set(stores.flatMap(m => Object.keys(m.spec?.provider?.vault?.auth ?? {})));
    for (const a of ['tokenSecretRef', 'appRole', 'kubernetes', 'ldap', 'userPass', 'jwt', 'cert', 'iam', 'gcp']) expect([a, vaultAuth.has(a)]).toEqual([a, true]);
    const baoAuth = new Set(stores.flatMap(m => Object.keys(m.spec?.provider?.openBao?.auth ?? {})));
    for (const a of ['tokenSecretRef', 'appRole', 'userPass']) expect([a, baoAuth.has(a)]).toEqual([a, true]);
    const text = loaded.items.map(i => JSON.stringify(i.manifest)).join('\n');
    for (const shape of ['"find":', '"extract":', '"rewrite":', '"generatorRef":', '"templateFrom":', '"dataTo":', '"syncWindows":', '"merge":', '"transform":', '"namespaceSelectors":']) {
      expect([shape, text.includes(shape)]).toEqual([shape, true]);
    }
  });

  test('the CLI over the folder exits 0', () => {
    const r = cli([VALID]);
    expect([r.code, r.lines.filter(l => l.includes('[error')).join('\n')]).toEqual([0, '']);
    expect(r.summary).toMatch(/^0 errors, \d+ warnings? in \d+ objects/);
  });
});

describe('valid Flux repository layout (test/fixtures/valid-flux): layered folders, checked by file', () => {
  test('0 errors with the library and through the CLI', () => {
    const { loaded, errors } = errorsOf(VALID_FLUX);
    expect(show(loaded.problems)).toBe('');
    expect(show(errors)).toBe('');
    expect(cli([VALID_FLUX]).code).toBe(0);
  });
});
