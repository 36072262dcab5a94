import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { buildPlatform } from '../../examples/platform/app';
import { validateCommand } from '../../src/cli/validate-command';

/** A temp folder whose path ends with dist, like the repository checkout Flux sees. */
function outdir(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'platform-')), 'dist');
}

describe('examples/platform', () => {
  test('synthesizes the layered platform (snapshot)', () => {
    expect(buildPlatform(outdir()).layout.synthFiles()).toMatchSnapshot();
  });

  test('layers, order and contents', () => {
    const files = buildPlatform(outdir()).layout.synthFiles();
    const flux = (layer: string) => parseAllDocuments(files[`flux/${layer}.yaml`])[0].toJS();
    expect(Object.keys(files).filter(f => f.startsWith('flux/')).sort()).toEqual(['flux/apps.yaml', 'flux/configs.yaml', 'flux/controllers.yaml', 'flux/dev.yaml', 'flux/kustomization.yaml']);
    expect(flux('configs').spec.dependsOn).toEqual([{ name: 'controllers' }]);
    expect(flux('apps').spec.dependsOn).toEqual([{ name: 'configs' }]);
    expect(flux('dev').spec.dependsOn).toEqual([{ name: 'configs' }]);
    expect(flux('apps').spec.path).toBe('./dist/apps');
    const kinds = (prefix: string) => Object.entries(files).filter(([f]) => f.startsWith(prefix) && !f.endsWith('kustomization.yaml'))
      .flatMap(([, c]) => parseAllDocuments(c).map(d => d.toJS().kind));
    expect(new Set(kinds('controllers/'))).toEqual(new Set(['Namespace', 'HelmRepository', 'HelmRelease']));
    expect(files['controllers/vault-config-operator.yaml']).toContain('chart: vault-config-operator');
    expect(new Set(kinds('configs/'))).toEqual(new Set(['Namespace', 'ClusterSecretStore', 'Policy', 'KubernetesAuthEngineRole', 'Password']));
    expect(new Set(kinds('apps/'))).toEqual(new Set(['Namespace', 'ExternalSecret', 'PushSecret', 'Deployment']));
    expect(new Set(kinds('dev/'))).toEqual(new Set(['Namespace', 'SecretStore', 'ExternalSecret']));
    // seed 000: the push goes to the primary only
    expect(files['apps/databases.yaml']).toMatch(/kind: PushSecret[\s\S]*name: openbao-primary/);
    expect(files['apps/databases.yaml']).not.toMatch(/kind: PushSecret[\s\S]*name: openbao-replica/);
  });

  test('every file is listed by its folder\'s kustomization.yaml; the CLI reports 0 errors; re-synth is byte-identical', () => {
    const dir = outdir();
    buildPlatform(dir).layout.synth();
    for (const folder of fs.readdirSync(dir)) {
      const listed = parseAllDocuments(fs.readFileSync(path.join(dir, folder, 'kustomization.yaml'), 'utf8'))[0].toJS().resources;
      expect(listed).toEqual(fs.readdirSync(path.join(dir, folder)).filter(f => f !== 'kustomization.yaml').sort());
    }
    const lines: string[] = [];
    expect(validateCommand([dir], { out: l => lines.push(l) })).toBe(0);
    expect(lines.join('\n')).toMatch(/^0 errors, 0 warnings in \d+ objects$/m);

    const before = fs.readdirSync(dir).flatMap(f => fs.readdirSync(path.join(dir, f)).map(x => [`${f}/${x}`, fs.readFileSync(path.join(dir, f, x), 'utf8')]));
    buildPlatform(dir).layout.synth();
    const after = fs.readdirSync(dir).flatMap(f => fs.readdirSync(path.join(dir, f)).map(x => [`${f}/${x}`, fs.readFileSync(path.join(dir, f, x), 'utf8')]));
    expect(after).toEqual(before);
  });
});
