import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { validateCommand } from '../../src/cli/validate-command';

/** The README quick start, verbatim apart from the import path and the outdir. */
function quickStart(outdir: string) {
  /* eslint-disable */
  const { App, Chart } = require('cdk8s');
  const eso = require('../../src');
  // --- README quick start ---
  const app = new App({ outdir });
  const flux = new eso.FluxLayout(app, 'flux', { source: eso.FluxSource.gitRepository('flux-system'), repositoryPath: 'dist' });
  const configs = new Chart(app, 'configs');
  const vault = new eso.ClusterSecretStore(configs, 'vault', { provider: eso.SecretStoreProvider.vault({
    server: 'https://vault.example.internal:8200', kv: eso.VaultKv.v2('kv'), auth: eso.VaultAuth.kubernetes({ role: 'external-secrets' }) }) });
  const apps = new Chart(app, 'apps', { namespace: 'example' });
  new eso.ExternalSecret(apps, 'db', { store: vault, data: [eso.SecretValue.fromProperty('password', 'example/db', 'password')] });
  flux.configs.add(configs);
  flux.apps.add(apps);
  flux.synth(); // validates the whole app, then writes dist/{flux,controllers,configs,apps}/
  // --- end ---
  /* eslint-enable */
}

test('the README quick start synthesizes a valid layered dist/', () => {
  const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'quickstart-')), 'dist');
  quickStart(outdir);
  expect(fs.readdirSync(outdir).sort()).toEqual(['apps', 'configs', 'controllers', 'flux']);
  const lines: string[] = [];
  expect(validateCommand([outdir], { out: l => lines.push(l) })).toBe(0);
  expect(lines[lines.length - 1]).toMatch(/^0 errors, 0 warnings in \d+ objects/);
});
