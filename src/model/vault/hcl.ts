/**
 * Vault ACL policy text: a deterministic renderer and a small parser for the subset Vault accepts
 * (`name`, `path "<pattern>" { capabilities = [...] ... }`, the legacy `policy = "read"` form, comments,
 * and the JSON form). Internal: used by the VaultPolicy construct and by the vault rules, which must
 * read policies back from vault-config-operator / provider-vault manifests.
 */

/** One `path` block: a pattern and its capabilities (lower-case wire names). */
export interface AclRule {
  readonly path: string;
  readonly capabilities: readonly string[];
}

/** Result of parsing a policy document. */
export interface ParsedPolicy {
  readonly rules: AclRule[];
  /** Problems that make Vault reject the document (messages, lower-case). */
  readonly errors: string[];
}

/** Capabilities Vault knows (1.21 adds subscribe and recover). */
export const KNOWN_CAPABILITIES = ['create', 'read', 'update', 'patch', 'delete', 'list', 'sudo', 'deny', 'subscribe', 'recover'];

const KNOWN = new Map(KNOWN_CAPABILITIES.map(c => [c, c]));

/** A capability as Vault reads it (lower case); a known one is the one shared string (10 000 parsed rules, 10 000 "read"s). */
function capability(c: string): string {
  const lower = c.toLowerCase();
  return KNOWN.get(lower) ?? lower;
}

/** The legacy `policy = "..."` shorthand, as Vault expands it. */
const LEGACY_POLICY: Record<string, string[]> = {
  deny: ['deny'],
  read: ['read', 'list'],
  write: ['create', 'read', 'update', 'delete', 'list'],
  sudo: ['create', 'read', 'update', 'delete', 'list', 'sudo'],
};

/** Merges rules with the same pattern (union of capabilities), keeping first-seen order. */
export function mergeRules(rules: readonly AclRule[]): AclRule[] {
  // lists without repeats, not Sets: a rule has a handful of capabilities, a derived policy 10 000 rules
  const byPath = new Map<string, string[]>();
  for (const r of rules) {
    const path = r.path.charCodeAt(0) === 47 /* / */ ? r.path.slice(1) : r.path;
    let caps = byPath.get(path);
    if (!caps) byPath.set(path, (caps = []));
    for (const c of r.capabilities) if (!caps.includes(c)) caps.push(c);
  }
  const out: AclRule[] = [];
  // slice: an exact-size copy (a list grown by push keeps room for 16; 10 000 rules would keep that room)
  for (const [path, caps] of byPath) out.push({ path, capabilities: caps.sort().slice() });
  return out;
}

function quote(s: string): string {
  if (!s.includes('\\') && !s.includes('"')) return `"${s}"`;
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** True when `rules` are what mergeRules would return for them: one per path, no leading "/", sorted unique capabilities. */
function isMerged(rules: readonly AclRule[]): boolean {
  const paths = new Set<string>();
  for (const r of rules) {
    if (r.path.charCodeAt(0) === 47 || paths.has(r.path)) return false;
    paths.add(r.path);
    const c = r.capabilities;
    for (let i = 1; i < c.length; i++) if (!(c[i - 1] < c[i])) return false;
  }
  return true;
}

/**
 * Renders rules as ACL HCL: one block per pattern, capabilities sorted, blocks in the given order,
 * a blank line between blocks, trailing newline. Same rules → same text.
 */
export function renderHcl(rules: readonly AclRule[]): string {
  // a derived policy's rules come merged already: render them as they are (10 000 rules are not copied again)
  return (isMerged(rules) ? rules : mergeRules(rules))
    .map(r => `path ${quote(r.path)} {\n  capabilities = [${r.capabilities.map(quote).join(', ')}]\n}\n`)
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Parser

type Tok = { t: 'str' | 'ident' | 'num' | 'punct'; v: string; pos: number };

/** Sticky (anchored at lastIndex): no `text.slice(i)` per token. */
const IDENT_RE = /[A-Za-z_][A-Za-z0-9_.-]*/y;
const NUM_RE = /-?[0-9][0-9.a-z]*/y;
/** Identifiers, then numbers (the order the lexer tries them in). */
const WORDS: ReadonlyArray<readonly ['ident' | 'num', RegExp]> = [['ident', IDENT_RE], ['num', NUM_RE]];

/** A lexing error: the document is refused with it, whatever the parser would have said. */
class LexError extends Error {}

/**
 * The tokens of a policy, made as the parser asks for them (a derived policy of 10 000 paths is ~90 000 tokens:
 * none of them outlives its use).
 */
class Lexer {
  private i = 0;
  private ahead?: Tok | null;

  constructor(private readonly text: string) {}

  public peek(): Tok | undefined {
    if (this.ahead === undefined) this.ahead = this.scan();
    return this.ahead ?? undefined;
  }

  public next(): Tok | undefined {
    const t = this.peek();
    this.ahead = undefined;
    return t;
  }

  /** Reads the rest of the text: throws the first lexing error after the parser stopped, if any. */
  public drain(): void {
    while (this.next()) { /* nothing */ }
  }

  private scan(): Tok | null {
    const text = this.text;
    let i = this.i;
    try {
      while (i < text.length) {
        const c = text[i];
        if (c === ' ' || c === '\n' || c === '\t' || c === '\r' || /\s/.test(c)) { i++; continue; }
        if (c === '#' || (c === '/' && text[i + 1] === '/')) {
          while (i < text.length && text[i] !== '\n') i++;
          continue;
        }
        if (c === '/' && text[i + 1] === '*') {
          const end = text.indexOf('*/', i + 2);
          if (end < 0) throw new LexError('unterminated /* comment');
          i = end + 2;
          continue;
        }
        if (c === '"') {
          // fast path: no escapes and no line break before the closing quote (what the slow path yields too)
          const close = text.indexOf('"', i + 1);
          if (close >= 0) {
            const raw = text.slice(i + 1, close);
            if (!raw.includes('\\') && !raw.includes('\n')) {
              const tok: Tok = { t: 'str', v: raw, pos: i };
              i = close + 1;
              return tok;
            }
          }
          let v = '';
          let j = i + 1;
          for (; j < text.length && text[j] !== '"'; j++) {
            if (text[j] === '\\' && j + 1 < text.length) {
              const n = text[++j];
              v += n === 'n' ? '\n' : n === 't' ? '\t' : n;
            } else if (text[j] === '\n') {
              break;
            } else {
              v += text[j];
            }
          }
          if (text[j] !== '"') throw new LexError(`unterminated string at offset ${i}`);
          const tok: Tok = { t: 'str', v, pos: i };
          i = j + 1;
          return tok;
        }
        if (c === '<' && text[i + 1] === '<') {
          // heredoc: <<EOF / <<-EOF ... EOF
          const m = /^<<-?([A-Za-z_][A-Za-z0-9_]*)\r?\n/.exec(text.slice(i));
          if (!m) throw new LexError(`bad heredoc at offset ${i}`);
          const bodyStart = i + m[0].length;
          const endRe = new RegExp(`^[ \\t]*${m[1]}[ \\t]*$`, 'm');
          const rest = text.slice(bodyStart);
          const em = endRe.exec(rest);
          if (!em) throw new LexError(`unterminated heredoc ${m[1]}`);
          const tok: Tok = { t: 'str', v: rest.slice(0, em.index), pos: i };
          i = bodyStart + em.index + em[0].length;
          return tok;
        }
        if ('{}[]=,:'.includes(c)) {
          const tok: Tok = { t: 'punct', v: c, pos: i };
          i++;
          return tok;
        }
        for (const [t, re] of WORDS) {
          re.lastIndex = i;
          const m = re.exec(text);
          if (m) {
            const tok: Tok = { t, v: m[0], pos: i };
            i += m[0].length;
            return tok;
          }
        }
        throw new LexError(`unexpected character ${JSON.stringify(c)} at offset ${i}`);
      }
      return null;
    } finally {
      this.i = i;
    }
  }
}

type Value = string | number | boolean | Value[] | Entry[] | null;
interface Entry { key: string; labels: string[]; value: Value }

class Parser {
  constructor(private readonly lexer: Lexer) {}

  private peek(): Tok | undefined { return this.lexer.peek(); }
  private next(): Tok | undefined { return this.lexer.next(); }
  private isPunct(v: string): boolean { const t = this.peek(); return !!t && t.t === 'punct' && t.v === v; }
  private fail(msg: string): never { throw new Error(msg); }

  /** body := entry* until `}` or end. */
  body(untilBrace: boolean): Entry[] {
    const entries: Entry[] = [];
    while (this.peek() && !(untilBrace && this.isPunct('}'))) entries.push(this.entry());
    return entries;
  }

  /** More entries at the top level. */
  more(): boolean {
    return !!this.peek();
  }

  /** entry := key labels* ('=' value | '{' body '}') ','? */
  entry(): Entry {
    const k = this.next()!;
    if (k.t !== 'ident' && k.t !== 'str') this.fail(`expected a key at offset ${k.pos}, got ${JSON.stringify(k.v)}`);
    const labels: string[] = [];
    while (this.peek() && this.peek()!.t === 'str') labels.push(this.next()!.v);
    let entry: Entry;
    if (this.isPunct('=') || this.isPunct(':')) {
      this.next();
      entry = { key: k.v, labels, value: this.value() };
    } else if (this.isPunct('{')) {
      this.next();
      const inner = this.body(true);
      this.expect('}');
      entry = { key: k.v, labels, value: inner };
    } else {
      this.fail(`expected "=" or "{" after ${JSON.stringify(k.v)}`);
    }
    if (this.isPunct(',')) this.next();
    return entry;
  }

  private expect(v: string) {
    const t = this.next();
    if (!t || t.t !== 'punct' || t.v !== v) this.fail(`expected "${v}"${t ? ` at offset ${t.pos}` : ' before the end'}`);
  }

  private value(): Value {
    const t = this.next();
    if (!t) this.fail('expected a value before the end');
    if (t.t === 'str') return t.v;
    if (t.t === 'num') return Number(t.v);
    if (t.t === 'ident') return t.v === 'true' ? true : t.v === 'false' ? false : t.v === 'null' ? null : t.v;
    if (t.v === '[') {
      const items: Value[] = [];
      while (!this.isPunct(']')) {
        if (!this.peek()) this.fail('unterminated list');
        items.push(this.value());
        if (this.isPunct(',')) this.next();
      }
      this.next();
      return items;
    }
    if (t.v === '{') {
      const inner = this.body(true);
      this.expect('}');
      return inner;
    }
    return this.fail(`unexpected ${JSON.stringify(t.v)} at offset ${t.pos}`);
  }
}

function isEntries(v: Value): v is Entry[] {
  return Array.isArray(v) && (v.length === 0 || (typeof v[0] === 'object' && v[0] !== null && 'key' in (v[0] as any)));
}

const BLOCK_KEYS = new Set([
  'capabilities', 'policy', 'allowed_parameters', 'denied_parameters', 'required_parameters',
  'min_wrapping_ttl', 'max_wrapping_ttl', 'mfa_methods', 'control_group', 'subscribe_event_types',
]);

function rulesFromBlock(path: string, body: Entry[], errors: string[], out: AclRule[]) {
  let caps: string[] | undefined;
  for (const e of body) {
    if (!BLOCK_KEYS.has(e.key)) errors.push(`path ${JSON.stringify(path)}: unknown key ${JSON.stringify(e.key)}`);
    if (e.key === 'capabilities') {
      if (!Array.isArray(e.value) || isEntries(e.value) || e.value.some(v => typeof v !== 'string')) {
        errors.push(`path ${JSON.stringify(path)}: capabilities must be a list of strings`);
      } else {
        caps = [...(caps ?? []), ...(e.value as string[]).map(capability)];
      }
    } else if (e.key === 'policy') {
      const legacy = typeof e.value === 'string' ? LEGACY_POLICY[e.value.toLowerCase()] : undefined;
      if (!legacy) errors.push(`path ${JSON.stringify(path)}: legacy policy ${JSON.stringify(e.value)} is not read, write, deny or sudo`);
      else caps = [...(caps ?? []), ...legacy];
    }
  }
  if (!caps) errors.push(`path ${JSON.stringify(path)}: no capabilities`);
  out.push({ path, capabilities: caps ?? [] });
}

function parseJson(text: string): ParsedPolicy {
  const errors: string[] = [];
  const rules: AclRule[] = [];
  let doc: any;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { rules, errors: [`invalid JSON policy: ${(e as Error).message}`] };
  }
  for (const k of Object.keys(doc ?? {})) if (k !== 'path' && k !== 'name') errors.push(`unknown top-level key ${JSON.stringify(k)}`);
  const paths = doc?.path ?? {};
  for (const [path, block] of Object.entries<any>(paths)) {
    const entries: Entry[] = Object.entries<any>(block ?? {}).map(([key, value]) => ({ key, labels: [], value }));
    rulesFromBlock(path, entries, errors, rules);
  }
  return { rules, errors };
}

/** One top-level entry of an HCL policy: `name`, or a `path` block (in either of its two forms). */
function topLevel(e: Entry, errors: string[], rules: AclRule[]): void {
  if (e.key === 'name') return;
  if (e.key !== 'path') {
    errors.push(`unknown top-level key ${JSON.stringify(e.key)} (only "path" and "name" are allowed)`);
    return;
  }
  if (e.labels.length === 1 && isEntries(e.value)) {
    rulesFromBlock(e.labels[0], e.value, errors, rules);
  } else if (e.labels.length === 0 && isEntries(e.value)) {
    // path = { "pattern" = { ... } } / path { "pattern" { ... } }
    for (const inner of e.value) {
      const pattern = inner.labels.length ? inner.labels[0] : inner.key;
      if (isEntries(inner.value)) rulesFromBlock(pattern, inner.value, errors, rules);
      else errors.push(`path ${JSON.stringify(pattern)}: expected a block`);
    }
  } else {
    errors.push('a path block needs exactly one quoted pattern: path "kv/data/app/*" { ... }');
  }
}

/** Parses ACL policy text (HCL or JSON). Never throws: problems are returned in `errors`. */
export function parseHcl(text: string): ParsedPolicy {
  if (/^\s*\{/.test(text)) return parseJson(text);
  const errors: string[] = [];
  const rules: AclRule[] = [];
  const lexer = new Lexer(text);
  const parser = new Parser(lexer);
  // each top-level entry becomes rules as soon as it is read (a derived policy of 10 000 paths is never held
  // as a tree); a syntax error anywhere still refuses the whole document with that one error
  try {
    while (parser.more()) topLevel(parser.entry(), errors, rules);
  } catch (e) {
    // a lexing error anywhere in the text is what the document is refused for, even after a parse error
    if (!(e instanceof LexError)) {
      try {
        lexer.drain();
      } catch (lex) {
        if (lex instanceof LexError) return { rules: [], errors: [lex.message] };
        throw lex;
      }
    }
    return { rules: [], errors: [(e as Error).message] };
  }
  return { rules, errors };
}
