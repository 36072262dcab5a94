/**
 * A derived policy is computed by the synth hook's explicit derivation pass: once per synth, before the
 * objects are resolved, and the rendered HCL and the construct's own validation both read that one result.
 */
import * as fs from 'fs';
import * as path from 'path';
import { appWithStore, rawEs } from './fixtures';
import * as derive from '../../src/model/vault/derive';
import { VaultPolicy } from '../../src/vault';

afterEach(() => jest.restoreAllMocks());

test('app.synth() derives the policy once, and writes what was derived', () => {
  const { app, admin, apps, store } = appWithStore();
  const outdir = app.outdir;
  rawEs(apps, 'a', ['app/one']);
  rawEs(apps, 'b', ['app/two']);
  const policy = VaultPolicy.forStore(admin, 'eso', store, { policyName: 'eso' });
  const deriveRules = jest.spyOn(derive, 'deriveRules');
  app.synth();
  expect(deriveRules).toHaveBeenCalledTimes(1);
  const written = fs.readdirSync(outdir).map(f => fs.readFileSync(path.join(outdir, f), 'utf8')).join('');
  expect(written).toContain('kv/data/app/one');
  expect(written).toContain('kv/data/app/two');
  // outside a synth, the policy derives from the app as it is now
  rawEs(apps, 'c', ['app/three']);
  expect(policy.toHcl()).toContain('kv/data/app/three');
});

test('a second synth derives again (the app may have changed in between)', () => {
  const { app, admin, apps, store } = appWithStore();
  rawEs(apps, 'a', ['app/one']);
  VaultPolicy.forStore(admin, 'eso', store, { policyName: 'eso' });
  const first = app.synthYaml();
  rawEs(apps, 'b', ['app/two']);
  const second = app.synthYaml();
  expect(first).not.toContain('kv/data/app/two');
  expect(second).toContain('kv/data/app/two');
});
