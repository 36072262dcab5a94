import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readOwnedFolders, writeOwnedFolders } from '../../src/io/layout-folders';
import { GENERATED_MARKER } from '../../src/model/flux-api';

// the module object itself (an `import * as` namespace cannot be spied on)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeFs: typeof fs = require('fs');

const K = `${GENERATED_MARKER}\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n`;
const output = (tag: string) => ({
  'configs/kustomization.yaml': K,
  'configs/store.yaml': `# ${tag}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: configs\n---\napiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: db\n  namespace: example\nspec:\n  target:\n    name: db\n`,
  'apps/kustomization.yaml': K,
  'apps/apps.yaml': `# ${tag}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: apps\n`,
  'SECRETS.md': `inventory ${tag}\n`,
});
const isInventory = (f: string) => path.basename(f) === 'SECRETS.md';

/** Every file under dir (relative path -> content), symlinks as "-> target". */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d).sort()) {
      const p = path.join(d, e);
      const st = fs.lstatSync(p);
      if (st.isSymbolicLink()) out[path.relative(dir, p)] = `-> ${fs.readlinkSync(p)}`;
      else if (st.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

function setUp() {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'eso-layout-'));
  const outdir = path.join(parent, 'dist');
  writeOwnedFolders('app/layout', outdir, output('v1'), isInventory);
  fs.mkdirSync(path.join(outdir, 'mine'));
  fs.writeFileSync(path.join(outdir, 'mine', 'notes.txt'), 'not FluxLayout\n');
  return { parent, outdir, before: snapshot(outdir) };
}
const siblings = (parent: string) => fs.readdirSync(parent).sort();
const errorOf = (f: () => void) => {
  try {
    f();
  } catch (e: any) {
    return e.message as string;
  }
  return '';
};

afterEach(() => jest.restoreAllMocks());

describe('FluxLayout writes into a temporary sibling and swaps it in', () => {
  test('good: the new output replaces the old one, folders not produced any more go, other folders stay, no temporary folder is left', () => {
    const { parent, outdir } = setUp();
    const { 'apps/apps.yaml': _a, 'apps/kustomization.yaml': _k, ...without } = output('v2');
    writeOwnedFolders('app/layout', outdir, without, isInventory);
    expect(Object.keys(snapshot(outdir))).toEqual(['SECRETS.md', 'configs/kustomization.yaml', 'configs/store.yaml', 'mine/notes.txt']);
    expect(snapshot(outdir)['configs/store.yaml']).toContain('# v2');
    expect(siblings(parent)).toEqual(['dist']);
    // only what the comparison needs is read: the ExternalSecret, not the ConfigMap or the kustomization.yaml
    expect(readOwnedFolders(outdir, '')!.map(i => i.file)).toEqual(['configs/store.yaml']);
  });

  test('a full disk (ENOSPC on the third file) leaves the old output intact and gives one message', () => {
    const { parent, outdir, before } = setUp();
    const real = nodeFs.writeFileSync;
    let n = 0;
    jest.spyOn(nodeFs, 'writeFileSync').mockImplementation((...args: any[]) => {
      if (++n === 3) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
      return (real as any)(...args);
    });
    const message = errorOf(() => writeOwnedFolders('app/layout', outdir, output('v2'), isInventory));
    expect(message).toBe(`app/layout: writing the new output failed (ENOSPC: no space left on device); nothing was changed in ${outdir}. free some space or fix the error, and synth again`);
    expect(snapshot(outdir)).toEqual(before);
    expect(siblings(parent)).toEqual(['dist']);
  });

  const canMount = (() => {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
    const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'eso-mnt-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', probe], { stdio: 'ignore' });
      execFileSync('umount', [probe], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    } finally {
      fs.rmdirSync(probe);
    }
  })();
  (canMount ? test : test.skip)('a real full disk (a 256 KB tmpfs) leaves the old output intact', () => {
    const mnt = fs.mkdtempSync(path.join(os.tmpdir(), 'eso-mnt-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mnt]);
    try {
      const outdir = path.join(mnt, 'dist');
      writeOwnedFolders('app/layout', outdir, output('v1'), isInventory);
      const before = snapshot(outdir);
      const big = { ...output('v2'), 'apps/big.yaml': `# ${'x'.repeat(400 * 1024)}\n` };
      expect(errorOf(() => writeOwnedFolders('app/layout', outdir, big, isInventory))).toMatch(/writing the new output failed \(ENOSPC: no space left on device\); nothing was changed/);
      expect(snapshot(outdir)).toEqual(before);
      expect(siblings(mnt)).toEqual(['dist']);
    } finally {
      execFileSync('umount', [mnt]);
      fs.rmdirSync(mnt);
    }
  });

  test('an unremovable (immutable) file in the old output: refused before anything changes', () => {
    const { parent, outdir, before } = setUp();
    const stuck = path.join(outdir, 'apps', 'apps.yaml');
    const real = nodeFs.openSync;
    jest.spyOn(nodeFs, 'openSync').mockImplementation((...args: any[]) => {
      if (args[0] === stuck && args[1] === 'r+') throw Object.assign(new Error('EPERM'), { code: 'EPERM' });
      return (real as any)(...args);
    });
    expect(errorOf(() => writeOwnedFolders('app/layout', outdir, output('v2'), isInventory)))
      .toBe(`app/layout: the previous output cannot be replaced: ${stuck}: cannot be removed (EPERM: immutable or append-only); nothing was changed in ${outdir}. make it removable (e.g. chattr -i, chmod u+w) and synth again`);
    expect(snapshot(outdir)).toEqual(before);
    expect(siblings(parent)).toEqual(['dist']);
  });

  test('a real immutable file (chattr +i, where supported)', () => {
    const { outdir, before } = setUp();
    const stuck = path.join(outdir, 'apps', 'apps.yaml');
    try {
      execFileSync('chattr', ['+i', stuck], { stdio: 'ignore' });
    } catch {
      return; // no chattr or no support on this file system: the mocked test above covers the logic
    }
    try {
      expect(errorOf(() => writeOwnedFolders('app/layout', outdir, output('v2'), isInventory))).toMatch(/the previous output cannot be replaced: .*apps(\.yaml)?: .*nothing was changed/);
      expect(snapshot(outdir)).toEqual(before);
    } finally {
      execFileSync('chattr', ['-i', stuck]);
    }
  });

  test('a failing rename during the swap is rolled back', () => {
    const { parent, outdir, before } = setUp();
    const real = nodeFs.renameSync;
    let n = 0;
    jest.spyOn(nodeFs, 'renameSync').mockImplementation((from: any, to: any) => {
      if (String(to).startsWith(outdir) && ++n === 2) throw Object.assign(new Error('EIO'), { code: 'EIO', syscall: 'rename' });
      return real(from, to);
    });
    expect(errorOf(() => writeOwnedFolders('app/layout', outdir, output('v2'), isInventory))).toBe(`app/layout: swapping the new output in failed (EIO (rename)); nothing was changed in ${outdir}. fix the error and synth again`);
    jest.restoreAllMocks();
    expect(snapshot(outdir)).toEqual(before);
    expect(siblings(parent)).toEqual(['dist']);
  });

  test('a dangling symlink where a folder goes is one clear message; elsewhere it is left alone', () => {
    const { outdir } = setUp();
    fs.rmSync(path.join(outdir, 'apps'), { recursive: true });
    fs.symlinkSync('gone', path.join(outdir, 'apps'));
    fs.symlinkSync('gone-too', path.join(outdir, 'unrelated'));
    const before = snapshot(outdir);
    // only what the comparison needs is read: the ExternalSecret, not the ConfigMap or the kustomization.yaml
    expect(readOwnedFolders(outdir, '')!.map(i => i.file)).toEqual(['configs/store.yaml']);
    expect(errorOf(() => writeOwnedFolders('app/layout', outdir, output('v2'), isInventory)))
      .toBe(`app/layout: refusing to replace ${path.join(outdir, 'apps')}: it is a dangling symlink; nothing was changed in ${outdir}. remove the symlink (FluxLayout writes real folders)`);
    expect(snapshot(outdir)).toEqual(before);
    fs.unlinkSync(path.join(outdir, 'apps'));
    writeOwnedFolders('app/layout', outdir, output('v2'), isInventory);
    expect(snapshot(outdir).unrelated).toBe('-> gone-too');
  });

  test('an outdir that is a dangling symlink, or a file, is one clear message', () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'eso-layout-'));
    fs.symlinkSync('nowhere', path.join(parent, 'dist'));
    expect(errorOf(() => writeOwnedFolders('l', path.join(parent, 'dist'), output('v1'))))
      .toBe(`l: ${path.join(parent, 'dist')} is a dangling symlink; nothing was changed in ${path.join(parent, 'dist')}. remove the symlink or point it at an existing folder`);
    fs.writeFileSync(path.join(parent, 'file'), 'x');
    expect(errorOf(() => writeOwnedFolders('l', path.join(parent, 'file'), output('v1')))).toMatch(/is not a folder; nothing was changed/);
  });

  test('folders and files it does not own are refused before anything changes', () => {
    const { outdir, before } = setUp();
    expect(errorOf(() => writeOwnedFolders('l', outdir, { 'mine/x.yaml': 'a: 1\n' }))).toMatch(/refusing to overwrite .*mine: it was not written by FluxLayout/);
    fs.writeFileSync(path.join(outdir, 'SECRETS.md'), 'hand-written\n');
    const changed = snapshot(outdir);
    expect(errorOf(() => writeOwnedFolders('l', outdir, output('v2'), f => fs.readFileSync(f, 'utf8').startsWith('inventory')))).toMatch(/refusing to overwrite .*SECRETS.md/);
    expect(snapshot(outdir)).toEqual(changed);
    expect(before['mine/notes.txt']).toBe(changed['mine/notes.txt']);
  });
});
