import * as fs from 'fs';
import * as jsyaml from 'js-yaml';
import { Composer, Document, LineCounter, Parser, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import { collectFiles, kindOf, problem } from './collect-files';
import { Manifest, SourcedManifest } from '../model/manifest';
import { Diagnostic, Severity } from '../validation/diagnostic';

/** Re-exported: where the reader finds its files. */
export { collectFiles } from './collect-files';

export interface LoadResult {
  readonly items: SourcedManifest[];
  /** Problems with files and documents (unreadable, malformed YAML, not an object). */
  readonly problems: Diagnostic[];
  readonly files: number;
}

/** Default cap on the bytes of one file (`LoadOptions.maxBytes`). */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/** Default cap on the nodes one document may expand to through aliases (`LoadOptions.maxAliasNodes`). */
export const DEFAULT_MAX_ALIAS_NODES = 100_000;

/** Limits of the YAML reader (each gives one diagnostic when reached). */
export interface LoadOptions {
  /** Bytes per file; a bigger file is one CLI-READ diagnostic and is not read. Default 20 MB. */
  readonly maxBytes?: number;
  /**
   * Nodes that aliases (`*name`) of one document may add when expanded (a "billion laughs" or an alias
   * fan-out); more is one CLI-YAML diagnostic. Default 100 000.
   */
  readonly maxAliasNodes?: number;
}

const mb = (n: number) => (n < 1024 * 1024 ? `${n} bytes` : `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`);


/** Nodes the aliases of one document add when expanded, counting up to `cap` (then stops). */
function aliasExpansion(doc: Document.Parsed, cap: number): number {
  const sizes = new Map<unknown, number>();
  let added = 0;
  const size = (node: unknown, depth: number): number => {
    if (node === null || node === undefined || added > cap) return 1;
    if (depth > 1000) throw new RangeError('deep');
    const known = sizes.get(node);
    if (known !== undefined) return known;
    let n = 1;
    if (isAlias(node)) {
      const target = node.resolve(doc);
      const t = target === undefined ? 1 : size(target, depth + 1);
      added += t;
      n = t;
    } else if (isMap(node) || isSeq(node)) {
      for (const item of (node as any).items) {
        if (isPair(item)) n += size(item.key, depth + 1) + size(item.value, depth + 1);
        else n += size(item, depth + 1);
      }
    }
    if (!isAlias(node)) sizes.set(node, n);
    return n;
  };
  size(doc.contents, 0);
  return added;
}

/** The key a duplicate-key error points at (for the message). */
function keyAt(text: string, offset: number): string {
  const m = /^("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^:\n]*)/.exec(text.slice(offset, offset + 256));
  return (m?.[1] ?? '').trim();
}

/** Manifests and problems of one text. */
export interface ParseResult {
  readonly items: SourcedManifest[];
  readonly problems: Diagnostic[];
}

/** Parse options: the alias cap (the byte cap applies to files, see `loadManifests`). */
export interface ParseOptions {
  /** @see LoadOptions.maxAliasNodes */
  readonly maxAliasNodes?: number;
}

/**
 * Parses one multi-document YAML text into manifests; malformed YAML is a diagnostic with file and line.
 * Documents are composed one at a time (a 100 000-document file never holds every document's syntax tree).
 * Duplicate mapping keys are an error, as in Kubernetes' decoder and kustomize (the last one would win
 * silently); an alias expansion over the cap, a List with items that are not objects, and a file of only
 * `---` separators each give one diagnostic.
 */
export function parseManifests(file: string, text: string, options: ParseOptions = {}): ParseResult {
  return parseManifestsFast(file, text) ?? parseManifestsFull(file, text, options);
}

/** The full reader (yaml's parser and composer): every file the fast path leaves, and every diagnostic. */
export function parseManifestsFull(file: string, text: string, options: ParseOptions = {}): ParseResult {
  const items: SourcedManifest[] = [];
  const problems: Diagnostic[] = [];
  if (!text.trim()) {
    problems.push(problem(file, undefined, 'CLI-EMPTY', 'file is empty', 'remove the file or add manifests', Severity.WARNING));
    return { items, problems };
  }
  const maxAlias = options.maxAliasNodes ?? DEFAULT_MAX_ALIAS_NODES;
  const mayAlias = text.indexOf('*') >= 0;
  const lineCounter = new LineCounter();
  let documents = 0;
  let empty = 0;
  try {
    const parser = new Parser(lineCounter.addNewLine);
    const composer = new Composer({ uniqueKeys: true, merge: true, logLevel: 'error', ...KUBERNETES_SCALARS });
    for (const doc of composer.compose(parser.parse(text), true, text.length)) {
      documents++;
      if (parseDocument(file, text, doc, lineCounter, mayAlias, maxAlias, items, problems) === 'empty') empty++;
    }
  } catch (e: any) {
    problems.push(problem(file, undefined, 'CLI-YAML', `cannot parse YAML: ${e.message}`, 'fix the YAML syntax'));
    return { items, problems };
  }
  if (documents > 0 && empty === documents) {
    problems.push(problem(file, undefined, 'CLI-EMPTY', 'file has no YAML document, only "---" separators or comments', 'remove the file or add manifests', Severity.WARNING));
  }
  return { items, problems };
}

/**
 * Scalars as the API server's decoder (sigs.k8s.io/yaml) reads them, not as YAML 1.2 does: yes/no/on/off/y/n are
 * booleans, 0777 and 0o777 octal, 0b101 binary, 1_000 a number; dates and 12:30 stay strings
 * (test/conformance/scalars_test.go pins these against the real decoder).
 */
const KUBERNETES_SCALARS = {
  version: '1.1' as const,
  customTags: (tags: any[]) => [
    ...tags.filter(t => t.tag !== 'tag:yaml.org,2002:timestamp' && t.format !== 'TIME'),
    {
      identify: (v: unknown) => typeof v === 'number',
      default: true,
      tag: 'tag:yaml.org,2002:int',
      format: 'OCT',
      test: /^0o[0-7]+$/,
      resolve: (str: string) => parseInt(str.slice(2), 8),
    },
  ],
};

/**
 * The plain-scalar tags of the full reader (yaml's YAML 1.1 schema with KUBERNETES_SCALARS), in its order: the
 * fast path resolves every plain scalar with these very tags, so both paths agree on scalars by construction.
 */
let fullReaderTags: Array<{ test: RegExp; resolve: (s: string, onError: (m: string) => void, o: object) => unknown }> | undefined;
let lastTag: (typeof fullReaderTags & object)[number] | undefined;
let fastSchema: jsyaml.Schema | undefined;
const RESOLVE_OPTIONS = { intAsBigInt: false };
const failResolve = (message: string) => {
  throw new Error(message);
};

function fastReaderSchema(): jsyaml.Schema {
  if (!fastSchema) {
    const tags = new Document(null, { merge: true, ...KUBERNETES_SCALARS }).schema.tags as any[];
    fullReaderTags = tags.filter(t => t.default === true && t.test instanceof RegExp && !t.collection);
    const tagsOfFull = fullReaderTags;
    // One implicit type (js-yaml keeps one type per tag name; yaml has four !!int tags): tries yaml's tags in order.
    const plainScalar = new jsyaml.Type('tag:cdk8s-eso,2026:plain-scalar', {
      kind: 'scalar',
      resolve: (data: string) => {
        if (!mayBeTyped(data)) return false;
        for (const t of tagsOfFull) {
          if (t.test.test(data)) {
            lastTag = t;
            return true;
          }
        }
        return false;
      },
      construct: (data: string) => {
        const v = lastTag!.resolve(data, failResolve, RESOLVE_OPTIONS);
        return isScalar(v) ? v.value : v;
      },
    });
    // failsafe (str, seq, map) + the plain scalars: any other explicit tag (!!binary, !!set, a custom !Tag) is
    // unknown to js-yaml and sends the file to the full reader, and so does `<<` (merge keys) and an anchor.
    fastSchema = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [plainScalar] });
  }
  return fastSchema;
}

/**
 * False for a plain scalar no YAML 1.1 tag can take (so it is a string) without running the tags' tests: the tags
 * match only numbers (first character `-+.0-9`, or `e` and a digit or sign: `e5` is a float), `~`, the empty string, and null/bool words of at most 5 letters
 * starting with n, t, f, y or o (`NULL`, `False`, `yes`, `on`, `y`). test/io/load-manifests-fast.test.ts checks it
 * against the tags.
 */
export function mayBeTyped(s: string): boolean {
  if (s.length === 0) return true;
  const c = s.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126) return true; // 0-9 + - . ~
  if (c === 101 || c === 69) { // e5, E-3
    const d = s.charCodeAt(1);
    return (d >= 48 && d <= 57) || d === 43 || d === 45;
  }
  if (s.length > 5) return false;
  switch (c | 0x20) { // eslint-disable-line no-bitwise
    case 110: case 116: case 102: case 121: case 111: return true; // n t f y o
    default: return false;
  }
}

/**
 * Where the two parsers build different objects, or js-yaml accepts what the YAML spec (and the full reader)
 * refuses: an anchor (`&name`: aliases and the alias cap), an explicit `? key` or a flow collection as a key
 * (js-yaml names it "[object Object]"), a comment right after a quote or bracket (`"x"#c`), a block scalar whose
 * first lines are blank but indented, an escaped line break before a blank line, an empty sequence entry (`-` alone: js-yaml accepts a less indented `- x`
 * after it). A false hit only costs speed (4 of 7 600 files of public Flux repositories have an empty entry).
 */
const FULL_READER_ONLY = new RegExp([
  /(?:^|[\s[{,])(?:&[^\s[\]{},]|\?(?:[ \t]|$))/.source,
  /[\]}][ \t]*:(?:[\s,\]}]|$)|\{(?:\s|#[^\n]{0,256}\n)*\[|,(?:\s|#[^\n]{0,256}\n)*\[[^\][{}]*\](?:\s|#[^\n]{0,256}\n)*[,}]/.source,
  /(?<!(?:^|[-:?[{,])[ \t]*)["']#|[[\]{},]:?#|["']:#|[|>][-+1-9]*[ \t]*(?:#[^\n]{0,256})?\r?\n[ \t]+\r?\n|\\\r?\n[ \t]*\r?\n/.source,
  /^[ \t]*(?:-[ \t]+)*-[ \t]*(?:#.*)?\r?$/.source,
].join('|'), 'm');

/**
 * The fast path (js-yaml, ~7× faster than yaml's document model) for the common case: a file without anchors,
 * merge keys or explicit tags that js-yaml reads without error or warning. Anything else returns undefined and is
 * read by the full reader, so every YAML diagnostic (file:line, duplicate keys, alias caps) comes from it; a
 * document that is not a Kubernetes object is worded by the code both readers share. The line of each object is
 * the line of its document's root node, as in the full reader.
 */
export function parseManifestsFast(file: string, text: string): ParseResult | undefined {
  if (text.includes('<<') || FULL_READER_ONLY.test(text)) return undefined;
  const docs: unknown[] = [];
  const lines: number[] = [];
  let depth = 0;
  try {
    jsyaml.loadAll(text, doc => docs.push(doc), {
      schema: fastReaderSchema(),
      onWarning: (e: jsyaml.YAMLException) => {
        throw e;
      },
      listener: (event: jsyaml.EventType, state: jsyaml.State) => {
        if (event === 'open') {
          if (depth === 0) lines.push(state.line + 1);
          depth++;
        } else {
          depth--;
        }
      },
    });
  } catch {
    return undefined;
  }
  // one root node per document (an empty one too): the line of document i is lines[i]
  if (lines.length !== docs.length) return undefined;
  const items: SourcedManifest[] = [];
  const problems: Diagnostic[] = [];
  for (let i = 0; i < docs.length; i++) {
    const value = docs[i];
    if (value === null || value === undefined) continue;
    if (typeof value === 'object' && hasOddKey(value)) return undefined;
    objectsOf(file, lines[i], value, items, problems);
  }
  // only empty documents: the full reader words that
  return items.length || problems.length ? { items, problems } : undefined;
}

/**
 * A key the two parsers spell differently: a null key (js-yaml "null", yaml ""), a mapping or a list as a key
 * (js-yaml "[object Object]" and "a,b", yaml their YAML text). A real key like that only costs speed.
 */
function hasOddKey(v: object): boolean {
  if (Array.isArray(v)) {
    for (const x of v) if (x !== null && typeof x === 'object' && hasOddKey(x)) return true;
    return false;
  }
  for (const k in v) {
    if (k === 'null' || k === '[object Object]' || k.includes(',')) return true;
    const x = (v as Record<string, unknown>)[k];
    if (x !== null && typeof x === 'object' && hasOddKey(x)) return true;
  }
  return false;
}

function parseDocument(file: string, text: string, doc: Document.Parsed, lineCounter: LineCounter, mayAlias: boolean, maxAlias: number,
  items: SourcedManifest[], problems: Diagnostic[]): 'empty' | undefined {
  const line = lineCounter.linePos((doc.contents as any)?.range?.[0] ?? doc.range?.[0] ?? 0).line;
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    // the position as yaml's prettyErrors words it ("… at line 2, column 1:")
    const pos = err.linePos?.[0] ?? lineCounter.linePos(err.pos[0]);
    const errLine = pos.line;
    if (err.code === 'DUPLICATE_KEY') {
      problems.push(problem(file, errLine, 'CLI-YAML', `duplicate key ${JSON.stringify(keyAt(text, err.pos[0]))} in one mapping: Kubernetes' decoder and kustomize refuse it (here the last one would win silently)`,
        'remove or merge the repeated key at that line'));
    } else {
      problems.push(problem(file, errLine, 'CLI-YAML', `malformed YAML: ${err.message.split('\n')[0]} at line ${pos.line}, column ${pos.col}:`, 'fix the YAML syntax at that line'));
    }
    return undefined;
  }
  if (mayAlias) {
    let added: number;
    try {
      added = aliasExpansion(doc, maxAlias);
    } catch {
      problems.push(problem(file, line, 'CLI-YAML', 'document is nested more than 1000 levels deep', 'Kubernetes objects are never that deep: fix the YAML'));
      return undefined;
    }
    if (added > maxAlias) {
      problems.push(problem(file, line, 'CLI-YAML', `aliases (*name) in this document expand to more than ${maxAlias} nodes: not read (an alias bomb or fan-out)`,
        'write the repeated parts out, or use fewer aliases of large anchors'));
      return undefined;
    }
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: -1 });
  } catch (e: any) {
    problems.push(problem(file, line, 'CLI-YAML', `cannot read document: ${e.message}`, 'fix the YAML at that line'));
    return undefined;
  }
  if (value === null || value === undefined) return 'empty'; // empty document between `---`
  objectsOf(file, line, value, items, problems);
  return undefined;
}

/**
 * The Kubernetes objects of one document's value (a List's items), and a diagnostic for what is not one: the same
 * for both readers.
 */
function objectsOf(file: string, line: number | undefined, value: unknown, items: SourcedManifest[], problems: Diagnostic[]): void {
  const docs2 = expandList(value);
  if (!docs2) {
    const what = Array.isArray(value) ? 'a list' : `a ${typeof value}`;
    problems.push(problem(file, line, 'CLI-NOT-OBJECT', `document is ${what}, not a Kubernetes object`, 'each YAML document must be a mapping with apiVersion and kind'));
    return;
  }
  if (docs2.bad.length) {
    const first = docs2.bad[0];
    problems.push(problem(file, line, 'CLI-NOT-OBJECT',
      `${docs2.kind} has ${docs2.bad.length} item${docs2.bad.length === 1 ? '' : 's'} that ${docs2.bad.length === 1 ? 'is' : 'are'} not an object (items[${first.index}] is ${first.what}); ${docs2.bad.length === 1 ? 'it is' : 'they are'} not read`,
      'every item of a List must be a Kubernetes object (a mapping with apiVersion and kind)'));
  }
  for (const m of docs2.objects) {
    if (typeof m.apiVersion !== 'string' || typeof m.kind !== 'string') {
      problems.push(problem(file, line, 'CLI-NOT-OBJECT', 'document has no apiVersion/kind: not a Kubernetes object', 'add apiVersion and kind, or keep non-Kubernetes YAML out of manifest folders', Severity.WARNING));
      continue;
    }
    items.push({ manifest: m, file, line });
  }
}

/** A mapping is one object; a `kind: List` (e.g. `kubectl get -o yaml`) is its items (the ones that are not objects in `bad`). */
function expandList(value: unknown): { objects: Manifest[]; bad: Array<{ index: number; what: string }>; kind: string } | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const m = value as Manifest;
  if (typeof m.kind === 'string' && m.kind.endsWith('List') && Array.isArray(m.items)) {
    const objects: Manifest[] = [];
    const bad: Array<{ index: number; what: string }> = [];
    m.items.forEach((i: unknown, index: number) => {
      if (i && typeof i === 'object' && !Array.isArray(i)) objects.push(i as Manifest);
      else bad.push({ index, what: i === null || i === undefined ? 'empty' : Array.isArray(i) ? 'a list' : `a ${typeof i}` });
    });
    return { objects, bad, kind: m.kind };
  }
  return { objects: [m], bad: [], kind: '' };
}

/** The first byte offset where `buf` is not valid UTF-8 (-1 when it is). */
export function invalidUtf8Offset(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    if (b < 0x80) { i++; continue; }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= buf.length || buf[i + k] < 0x80 || buf[i + k] > 0xbf) return i;
    const b1 = buf[i + 1];
    if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f) || (b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) return i;
    i += n + 1;
  }
  return -1;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes and parses the bytes of one file (or of standard input: pass `<stdin>` as the name). The byte
 * cap is checked by the caller that reads (`loadManifests`); invalid UTF-8 and NUL bytes give one diagnostic.
 */
export function parseManifestBytes(file: string, bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    const at = invalidUtf8Offset(bytes);
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 10) line++;
    return {
      items: [],
      problems: [problem(file, line, 'CLI-YAML', `not valid UTF-8 (byte ${at}${at >= 0 ? ` is 0x${bytes[at].toString(16).padStart(2, '0')}` : ''}): YAML files must be UTF-8`,
        'convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)')],
    };
  }
  if (text.includes('\u0000')) {
    return { items: [], problems: [problem(file, undefined, 'CLI-YAML', 'binary file, not YAML', 'pass only YAML files or folders')] };
  }
  return parseManifests(file, text, options);
}

/** Reads one regular file of at most `maxBytes` bytes (never blocks on a FIFO that replaced it). */
function readCapped(file: string, maxBytes: number): { bytes: Buffer } | { problem: Diagnostic } {
  let fd: number;
  try {
    // eslint-disable-next-line no-bitwise
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e: any) {
    return { problem: problem(file, undefined, 'CLI-READ', `cannot read: ${e.code ?? e.message}`, 'check the file permissions') };
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) {
      return { problem: problem(file, undefined, 'CLI-READ', `${kindOf(st)}, not a regular file: not read`, 'pass regular YAML files or folders') };
    }
    if (st.size > maxBytes) {
      return {
        problem: problem(file, undefined, 'CLI-READ', `file is ${mb(st.size)}, over the ${mb(maxBytes)} limit per file: not read`,
          'split the file, or raise the per-file limit (maxBytes) if it really is one set of manifests'),
      };
    }
    const bytes = Buffer.alloc(st.size);
    let off = 0;
    while (off < bytes.length) {
      const n = fs.readSync(fd, bytes, off, bytes.length - off, off);
      if (n === 0) break;
      off += n;
    }
    return { bytes: off === bytes.length ? bytes : bytes.subarray(0, off) };
  } catch (e: any) {
    return { problem: problem(file, undefined, 'CLI-READ', `cannot read: ${e.code ?? e.message}`, 'check the file permissions') };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Reads every YAML file under `paths`; one bad file never stops the others. Bounded: a file over
 * `maxBytes` (default 20 MB) is not read, an alias expansion over `maxAliasNodes` is not expanded.
 */
export function loadManifests(paths: readonly string[], options: LoadOptions = {}): LoadResult {
  const problems: Diagnostic[] = [];
  const files = collectFiles(paths, problems);
  const items: SourcedManifest[] = [];
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const file of files) {
    const read = readCapped(file, maxBytes);
    if ('problem' in read) {
      problems.push(read.problem);
      continue;
    }
    const r = parseManifestBytes(file, read.bytes, options);
    for (const item of r.items) items.push(item);
    for (const p of r.problems) problems.push(p);
  }
  return { items, problems, files: files.length };
}

/**
 * Reads manifests from an open file descriptor (standard input: `readManifestsFrom(0, '<stdin>')`) with the same
 * limits as files: more than `maxBytes` (default 20 MB) is one CLI-READ diagnostic and nothing is parsed; invalid
 * UTF-8 is one diagnostic. Waits (without spinning) when a non-blocking pipe has no data yet.
 */
export function readManifestsFrom(fd: number, name: string, options: LoadOptions = {}): ParseResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const chunks: Buffer[] = [];
  let total = 0;
  const buf = Buffer.alloc(64 * 1024);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(fd, buf, 0, buf.length, null);
    } catch (e: any) {
      if (e.code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 20);
        continue;
      }
      if (e.code === 'EOF') break;
      return { items: [], problems: [problem(name, undefined, 'CLI-READ', `cannot read: ${e.code ?? e.message}`, 'check the input')] };
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) {
      return {
        items: [],
        problems: [problem(name, undefined, 'CLI-READ', `input is over the ${mb(maxBytes)} limit: not read`, 'split the input, or raise the byte limit (maxBytes) if it really is one set of manifests')],
      };
    }
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return parseManifestBytes(name, Buffer.concat(chunks), options);
}
