import * as path from 'path';
import { Yaml } from 'cdk8s';

/**
 * cdk8s's `Yaml.stringify(...docs)`, byte for byte, without its cost: cdk8s renders each document with the
 * `yaml` package (`YAML.stringify(doc, { keepUndefined: true, lineWidth: 0, version: '1.1' })`), which builds a
 * node tree per document and is ~half of a large app's synth. A manifest is plain JSON, and for plain JSON made
 * of one-line printable strings, safe integers, booleans and nulls that output is a short recursive walk. The
 * walk decides every quote with the `yaml` package's own rule and its own YAML 1.1 tag tests (the very package
 * cdk8s renders with); any document it is not sure of (multi-line or non-ASCII strings, floats, repeated
 * objects, class instances, undefined, long keys) is rendered by cdk8s's own `Yaml.stringify`, whole, and so is
 * every document when this process's cdk8s renders a probe otherwise (`walkMatchesCdk8s`).
 */
export function renderYaml(...docs: any[]): string {
  const walk = walkMatchesCdk8s();
  const seen = new Map<string, boolean>();
  const out: string[] = [];
  for (const doc of docs) out.push(doc === undefined ? '\n' : (walk ? renderDocument(doc, seen) : undefined) ?? ORIGINAL_STRINGIFY.call(Yaml, doc));
  return out.join('---\n');
}

/** Every branch of the walk: plain, double- and single-quoted scalars, keys that need quotes, nesting, empties. */
const PROBE = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { 'name': 'probe', 'labels': { 'a.b/c': 'yes', 'on': '1:20' }, 'x y': '', "it's": 'say "hi"' },
  data: { seq: [[], {}, [1, [true, null]], { k: '0777', e: [] }], n: -12, m: {}, s: 'a: b', t: 'x #y', u: '- x', v: '~', w: '1e3' },
};

let walkChecked: boolean | undefined;

/**
 * Whether the walk writes what this process's cdk8s writes, checked once on `PROBE` (~1 ms): a cdk8s that
 * renders with other options or another `yaml` major gets its own `Yaml.stringify` for every document.
 */
export function walkMatchesCdk8s(): boolean {
  walkChecked ??= renderDocument(PROBE) === ORIGINAL_STRINGIFY.call(Yaml, PROBE);
  return walkChecked;
}

/** The one document as cdk8s renders it, or undefined when it is not of the shape rendered here. */
export function renderDocument(doc: unknown, seen: Map<string, boolean> = new Map()): string | undefined {
  if (!isPlainObject(doc) || Object.keys(doc).length === 0) return undefined;
  try {
    return new Renderer(seen).map(doc, '') + '\n';
  } catch (e) {
    if (e === NOT_HANDLED) return undefined;
    throw e;
  }
}

/** cdk8s's own `Yaml.stringify`, kept before the synth hook replaces it (see `renderWith`). */
const ORIGINAL_STRINGIFY: (...docs: any[]) => string = Yaml.stringify;

/**
 * Runs `fn` with cdk8s's `Yaml.stringify` (what `Yaml.save`, and so `App.synth()`, renders with) replaced by
 * `renderYaml`, and puts it back afterwards.
 */
export function renderWith<T>(fn: () => T): T {
  const own = Object.getOwnPropertyDescriptor(Yaml, 'stringify');
  (Yaml as any).stringify = renderYaml;
  try {
    return fn();
  } finally {
    if (own) Object.defineProperty(Yaml, 'stringify', own);
    else delete (Yaml as any).stringify;
  }
}

const NOT_HANDLED = Symbol('not handled');

/** The `yaml` package's rule for strings that cannot be plain (stringifyString.js, plainString). */
const PLAIN_REFUSED = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
/** One line of printable ASCII: no block scalars, escapes, folding or Unicode rules to reproduce. */
const SIMPLE = /^[\x20-\x7e]*$/;
/** A string that starts like a document marker is rendered by the package (it changes indentation or quoting). */
const DOCUMENT_MARKER = /^(?:%|---|\.\.\.)/;
/** The one string another tag than str claims (merge identifies `<<` and writes it plain, key or value). */
const MERGE_KEY = '<<';

interface TagTest { readonly default?: unknown; readonly tag: string; readonly test?: RegExp }

/** The `yaml` package cdk8s renders with (its dependency, resolved from cdk8s, not this library's copy). */
function cdk8sYamlPackage(): any {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(require.resolve('yaml', { paths: [path.dirname(require.resolve('cdk8s'))] }));
}

let otherTypeTags: TagTest[] | undefined;

/**
 * Whether a plain `s` would be read back as something else than a string (`true`, `42`, `0o7`, `~`, a date, `<<`):
 * the package's own test, over the YAML 1.1 schema cdk8s renders with (stringifyString.js, plainString). `seen`
 * holds the answers of one `renderYaml` call (keys repeat in every document; nothing is kept after the call).
 */
function otherType(s: string, seen: Map<string, boolean>): boolean {
  let r = seen.get(s);
  if (r === undefined) {
    if (!otherTypeTags) {
      const { Document } = cdk8sYamlPackage();
      const schema = new Document(null, { version: '1.1' }).schema;
      otherTypeTags = [...schema.tags, ...(schema.compat ?? [])]
        .filter((t: TagTest) => t.default && t.tag !== 'tag:yaml.org,2002:str' && t.test);
    }
    r = otherTypeTags.some(t => t.test!.test(s));
    seen.set(s, r);
  }
  return r;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** One document's walk; throws NOT_HANDLED at the first value it does not render exactly as the package does. */
class Renderer {
  /** The package writes an object met twice as an anchor and aliases. */
  private readonly objects = new Set<object>();

  constructor(private readonly plainAnswers: Map<string, boolean>) {}

  public map(o: Record<string, unknown>, indent: string): string {
    this.enter(o);
    const keys = Object.keys(o);
    if (keys.length === 0) return '{}';
    const child = indent + '  ';
    let out = '';
    for (let i = 0; i < keys.length; i++) {
      if (i > 0) out += '\n' + indent;
      // an empty or long key is written as an explicit `? key`
      if (keys[i].length === 0 || keys[i].length > 1000) throw NOT_HANDLED;
      out += this.string(keys[i]) + ':';
      const v = o[keys[i]];
      if (Array.isArray(v)) out += v.length === 0 ? ' []' : '\n' + child + this.seq(v, child);
      else if (isPlainObject(v)) out += Object.keys(v).length === 0 ? (this.enter(v), ' {}') : '\n' + child + this.map(v, child);
      else out += ' ' + this.scalar(v);
    }
    return out;
  }

  private seq(a: unknown[], indent: string): string {
    this.enter(a);
    const child = indent + '  ';
    let out = '';
    for (let i = 0; i < a.length; i++) {
      if (i > 0) out += '\n' + indent;
      out += '- ';
      const v = a[i];
      if (Array.isArray(v)) out += v.length === 0 ? (this.enter(v), '[]') : this.seq(v, child);
      else if (isPlainObject(v)) out += this.map(v, child);
      else out += this.scalar(v);
    }
    return out;
  }

  private enter(o: object) {
    if (this.objects.has(o)) throw NOT_HANDLED;
    this.objects.add(o);
  }

  private scalar(v: unknown): string {
    switch (typeof v) {
      case 'string': return this.string(v);
      case 'boolean': return v ? 'true' : 'false';
      case 'number':
        if (Number.isSafeInteger(v) && !Object.is(v, -0)) return String(v);
        throw NOT_HANDLED;
      case 'object':
        if (v === null) return 'null';
        throw NOT_HANDLED;
      default: throw NOT_HANDLED;
    }
  }

  /** A key or a value: plain where the package writes it plain, else the quotes it picks (quotedString). */
  private string(s: string): string {
    if (!SIMPLE.test(s) || DOCUMENT_MARKER.test(s) || s === MERGE_KEY) throw NOT_HANDLED;
    if (!PLAIN_REFUSED.test(s) && !otherType(s, this.plainAnswers)) return s;
    const hasDouble = s.includes('"');
    if (hasDouble && !s.includes("'")) return `'${s}'`;
    if (hasDouble || s.includes('\\')) throw NOT_HANDLED;
    return `"${s}"`;
  }
}
