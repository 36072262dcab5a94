import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { DEFAULT_MAX_ALIAS_NODES, DEFAULT_MAX_BYTES, invalidUtf8Offset, loadManifests, parseManifestBytes, parseManifests, readManifestsFrom } from '../../src/io/load-manifests';

const tmp = (files: Record<string, string | Buffer> = {}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eso-load-'));
  for (const [f, c] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), c);
  }
  return dir;
};
const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;
const summary = (r: { problems: any[] }) => r.problems.map(p => `${p.severity} ${p.ruleId} ${p.line ?? '-'}: ${p.message}`);

describe('duplicate mapping keys are an error (as in Kubernetes\' decoder and kustomize)', () => {
  test('a second empty stringData cannot hide the first one', () => {
    const r = parseManifests('s.yaml', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  password: x\nstringData:\n');
    expect(r.items).toEqual([]);
    expect(summary(r)).toEqual(['error CLI-YAML 7: duplicate key "stringData" in one mapping: Kubernetes\' decoder and kustomize refuse it (here the last one would win silently)']);
  });

  test('nested and quoted duplicates; the other documents of the file are still read', () => {
    const r = parseManifests('s.yaml', `${cm('a')}data:\n  "k": 1\n  k: 2\n---\n${cm('b')}`);
    expect(r.items.map(i => i.manifest.metadata?.name)).toEqual(['b']);
    expect(summary(r)).toEqual([expect.stringMatching(/^error CLI-YAML 7: duplicate key "k"/)]);
  });

  test('good: the same key in different mappings; merge keys (<<) merge, as in Kubernetes\' decoder', () => {
    // (keys `base`/`derived`: an unquoted `y:` key is the boolean true in the API server's YAML 1.1 decoder)
    const r = parseManifests('s.yaml', `${cm('a')}data:\n  name: x\nbase: &base\n  a: 1\nderived:\n  <<: *base\n  b: 2\n`);
    expect(r.problems).toEqual([]);
    expect(r.items[0].manifest.derived).toEqual({ a: 1, b: 2 });
  });
});

describe('one diagnostic each: invalid UTF-8, only separators, List items that are not objects', () => {
  test('invalid UTF-8 names the byte and the line', () => {
    const bytes = Buffer.concat([Buffer.from(`${cm('a')}data:\n  k: caf`), Buffer.from([0xe9]), Buffer.from('\n')]);
    const r = parseManifestBytes('l.yaml', bytes);
    expect(summary(r)).toEqual(['error CLI-YAML 6: not valid UTF-8 (byte 65 is 0xe9): YAML files must be UTF-8']);
    expect(r.items).toEqual([]);
  });

  test('good: multi-byte UTF-8 and a byte order mark', () => {
    const r = parseManifestBytes('u.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${cm('a')}data:\n  k: "café ✓ 𝄞"\n`)]));
    expect(r.problems).toEqual([]);
    expect(r.items[0].manifest.data.k).toBe('café ✓ 𝄞');
  });

  test('invalidUtf8Offset agrees with the platform decoder (property)', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 24 }), bytes => {
      let valid = true;
      try {
        decoder.decode(bytes);
      } catch {
        valid = false;
      }
      expect(invalidUtf8Offset(bytes) < 0).toBe(valid);
    }), { seed: 5, numRuns: 2000 });
  });

  test('a file of only --- separators (or comments) is one warning', () => {
    expect(summary(parseManifests('e.yaml', '---\n---\n---\n'))).toEqual(['warning CLI-EMPTY -: file has no YAML document, only "---" separators or comments']);
    expect(summary(parseManifests('e.yaml', '# nothing\n---\n# here\n'))).toHaveLength(1);
    expect(parseManifests('e.yaml', `---\n${cm('a')}---\n`).problems).toEqual([]);
  });

  test('a List with non-object items: one diagnostic, the objects are read', () => {
    const r = parseManifests('l.yaml', `apiVersion: v1\nkind: List\nitems:\n- ${cm('a').trim().split('\n').join('\n  ')}\n- just text\n- null\n- [1]\n`);
    expect(r.items.map(i => i.manifest.metadata?.name)).toEqual(['a']);
    expect(summary(r)).toEqual(['error CLI-NOT-OBJECT 1: List has 3 items that are not an object (items[1] is a string); they are not read']);
  });
});

describe('only regular files are read', () => {
  test('a FIFO in a folder and as an explicit path gives one diagnostic each and never blocks', () => {
    const dir = tmp({ 'ok.yaml': cm('ok') });
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    const r = loadManifests([dir, path.join(dir, 'pipe.yaml')]);
    expect(r.items.map(i => i.manifest.metadata?.name)).toEqual(['ok']);
    expect(r.problems.map(p => [path.basename(p.file!), p.ruleId, p.message])).toEqual([
      ['pipe.yaml', 'CLI-READ', 'a FIFO (named pipe), not a regular file: not read'],
      ['pipe.yaml', 'CLI-READ', 'a FIFO (named pipe), not a regular file: not read'],
    ]);
  });

  test.each(['/dev/zero', '/dev/null', '/dev/urandom'])('%s given explicitly is one diagnostic', dev => {
    const r = loadManifests([dev]);
    expect(summary(r)).toEqual(['error CLI-READ -: a character device, not a regular file: not read']);
  });
});

describe('symlinks are followed once; loops are found by real path', () => {
  test('a folder with two links to itself: every file once, one warning per loop', () => {
    const dir = tmp({ 'a.yaml': cm('a'), 'sub/b.yaml': cm('b') });
    fs.symlinkSync('.', path.join(dir, 'loop1'));
    fs.symlinkSync('.', path.join(dir, 'loop2'));
    fs.symlinkSync('..', path.join(dir, 'sub', 'up'));
    const started = Date.now();
    const r = loadManifests([dir]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.items.map(i => i.manifest.metadata?.name)).toEqual(['a', 'b']);
    expect(r.files).toBe(2);
    expect(r.problems.map(p => [path.relative(dir, p.file!), p.severity, p.message.replace(/".*"/, '"…"')])).toEqual([
      ['loop1', 'warning', 'symlink loop: this folder is "…", which is being read already; not read again'],
      ['loop2', 'warning', 'symlink loop: this folder is "…", which is being read already; not read again'],
      ['sub/up', 'warning', 'symlink loop: this folder is "…", which is being read already; not read again'],
    ]);
  });

  test('a link to a file or folder read already is read once; a self-link and a dangling link are warnings', () => {
    const dir = tmp({ 'real/a.yaml': cm('a') });
    fs.symlinkSync(path.join('real', 'a.yaml'), path.join(dir, 'alias.yaml'));
    fs.symlinkSync('real', path.join(dir, 'zlinked'));
    fs.symlinkSync('self.yaml', path.join(dir, 'self.yaml'));
    fs.symlinkSync('missing.yaml', path.join(dir, 'dangling.yaml'));
    const r = loadManifests([dir]);
    expect(r.items.map(i => path.relative(dir, i.file!))).toEqual(['alias.yaml']);
    expect(r.problems.map(p => [path.basename(p.file!), p.severity, p.message])).toEqual([
      ['dangling.yaml', 'warning', 'dangling symlink: its target does not exist'],
      ['self.yaml', 'warning', 'symlink loop: the link resolves to itself'],
    ]);
  });
});

describe('bounded cost: a byte cap per file and an alias cap per document', () => {
  test('a file over the cap is one diagnostic and is not read; the cap can be raised', () => {
    const dir = tmp({ 'big.yaml': `${cm('big')}data:\n  k: "${'x'.repeat(3000)}"\n`, 'small.yaml': cm('small') });
    const capped = loadManifests([dir], { maxBytes: 1024 });
    expect(capped.items.map(i => i.manifest.metadata?.name)).toEqual(['small']);
    expect(summary(capped)).toEqual([`error CLI-READ -: file is ${fs.statSync(path.join(dir, 'big.yaml')).size} bytes, over the 1024 bytes limit per file: not read`]);
    expect(loadManifests([dir], { maxBytes: 4096 }).items).toHaveLength(2);
    expect(DEFAULT_MAX_BYTES).toBe(20 * 1024 * 1024);
  });

  test('an alias bomb and an alias fan-out are refused quickly; ordinary aliases pass', () => {
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const bomb = `${cm('bomb')}${laughs.join('\n')}\n`;
    const fanOut = `${cm('fan')}base: &b [${Array(1000).fill('x').join(',')}]\nuses: [${Array(200).fill('*b').join(',')}]\n`;
    const started = Date.now();
    for (const text of [bomb, fanOut]) {
      const r = parseManifests('a.yaml', text);
      expect(r.items).toEqual([]);
      expect(summary(r)).toEqual([`error CLI-YAML 1: aliases (*name) in this document expand to more than ${DEFAULT_MAX_ALIAS_NODES} nodes: not read (an alias bomb or fan-out)`]);
    }
    expect(Date.now() - started).toBeLessThan(3000);
    const ok = parseManifests('a.yaml', `${cm('ok')}base: &b {x: 1}\nuses: [${Array(50).fill('*b').join(',')}]\n`);
    expect(ok.problems).toEqual([]);
    expect(ok.items[0].manifest.uses).toHaveLength(50);
    expect(parseManifests('a.yaml', fanOut, { maxAliasNodes: 1_000_000 }).items).toHaveLength(1);
  });

  test('random bytes never throw: items or diagnostics with a rule id (property)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), bytes => {
      const r = parseManifestBytes('r.yaml', bytes);
      for (const p of r.problems) expect(p.ruleId).toMatch(/^CLI-/);
    }), { seed: 11, numRuns: 500 });
  });
});

describe('readManifestsFrom (standard input): the same limits as files', () => {
  const fdOf = (text: string | Buffer) => {
    const dir = tmp({ 'in.yaml': text });
    return fs.openSync(path.join(dir, 'in.yaml'), 'r');
  };

  test('reads manifests; over the cap is one diagnostic; invalid UTF-8 is one diagnostic', () => {
    expect(readManifestsFrom(fdOf(`${cm('a')}---\n${cm('b')}`), '<stdin>').items.map(i => i.manifest.metadata?.name)).toEqual(['a', 'b']);
    expect(summary(readManifestsFrom(fdOf(cm('a').repeat(1)), '<stdin>', { maxBytes: 10 }))).toEqual(['error CLI-READ -: input is over the 10 bytes limit: not read']);
    expect(summary(readManifestsFrom(fdOf(Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a])), '<stdin>'))).toEqual(['error CLI-YAML 1: not valid UTF-8 (byte 3 is 0xff): YAML files must be UTF-8']);
  });

  test('a pipe: reads until the writer closes it', () => {
    const out = execFileSync(process.execPath, ['-e', `
      require('ts-node/register/transpile-only');
      const { readManifestsFrom } = require(${JSON.stringify(path.join(__dirname, '..', '..', 'src', 'io', 'load-manifests'))});
      const r = readManifestsFrom(0, '<stdin>');
      process.stdout.write(JSON.stringify(r.items.map(i => i.manifest.metadata?.name)));
    `], { input: `${cm('piped')}`, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(['piped']);
  });
});

describe('scalars as the API server reads them (sigs.k8s.io/yaml, pinned by test/conformance/scalars_test.go)', () => {
  test('YAML 1.1 booleans and numbers; dates and sexagesimal-looking values stay strings', () => {
    const want: Record<string, unknown> = {
      'yes': true,
      'no': false,
      'on': true,
      'off': false,
      'y': true,
      'n': false,
      'True': true,
      '0777': 511,
      '010': 8,
      '0o777': 511,
      '0x1F': 31,
      '1_000': 1000,
      '0b101': 5,
      '1e3': 1000,
      '2024-01-01': '2024-01-01',
      '12:30': '12:30',
      '~': null,
      'Null': null,
      '"yes"': 'yes',
      '\'0777\'': '0777',
    };
    for (const [text, value] of Object.entries(want)) {
      const r = parseManifests('x.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nv: ${text}\n`);
      expect({ text, value: r.items[0]?.manifest.v }).toEqual({ text, value });
    }
  });
});
