// Go RE2 → JavaScript translation, good enough to tell whether Go's regexp.Compile accepts a pattern.

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/** Letters Go accepts after a backslash (anything else is "invalid escape sequence"). */
const GO_ESCAPE_LETTERS = new Set('afnrtvxAbBzdDsSwWpPQE'.split(''));

export interface GoRegexResult {
  /** The compiled JS equivalent (undefined when the pattern does not compile in Go). */
  readonly regex?: RegExp;
  /** Why Go would reject it. */
  readonly error?: string;
}

/** Translates a Go (RE2) pattern to a JS RegExp, or says why Go's `regexp.Compile` rejects it. */
export function compileGoRegex(pattern: string): GoRegexResult {
  let s = pattern;
  let flags = '';

  // \Q...\E: a literal run.
  s = s.replace(/\\Q([\s\S]*?)(?:\\E|$)/g, (_m, lit: string) => lit.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));

  // Escapes Go does not have (backreferences, unknown letters).
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\') continue;
    const c = s[i + 1];
    if (c === undefined) return { error: 'trailing backslash' };
    if (/[1-9]/.test(c) && !/[0-7]/.test(s[i + 2] ?? '')) return { error: `backreference \\${c} is not supported by Go regexp (RE2)` };
    if (/[A-Za-z]/.test(c) && !GO_ESCAPE_LETTERS.has(c)) return { error: `invalid escape sequence \\${c}` };
    i++;
  }
  if (/\(\?[=!]|\(\?<[=!]/.test(s)) return { error: 'lookahead/lookbehind assertions are not supported by Go regexp (RE2)' };
  if (/\(\?P=/.test(s)) return { error: 'named backreferences are not supported by Go regexp (RE2)' };
  for (const m of s.matchAll(/\{(\d+)(?:,(\d*))?\}/g)) {
    if (Number(m[1]) > 1000 || (m[2] && Number(m[2]) > 1000)) return { error: `invalid repeat count ${m[0]} (Go allows at most 1000)` };
    if (m[2] && Number(m[2]) < Number(m[1])) return { error: `invalid repeat count ${m[0]}` };
  }

  // Leading flag group applies to the whole pattern.
  const lead = /^\(\?([imsU]+)\)/.exec(s);
  if (lead) {
    for (const f of lead[1]) if ('ims'.includes(f) && !flags.includes(f)) flags += f;
    s = s.slice(lead[0].length);
  }
  // Other inline flags: JS (Node 20) has none; keep the grouping so the structure is still checked.
  s = s.replace(/\(\?[imsU-]+:/g, '(?:').replace(/\(\?[imsU-]+\)/g, '');
  s = s.replace(/\(\?P<([A-Za-z_]\w*)>/g, '(?<$1>');
  s = s.replace(/\\A/g, '^').replace(/\\z/g, '$');
  s = s.replace(/\[:(\^?)([a-z]+):\]/g, (m, neg: string, name: string) => {
    if (!POSIX[name]) return m;
    return neg ? m : POSIX[name];
  });
  if (/\[:\^?([a-z]+):\]/.test(s)) {
    const bad = /\[:\^?([a-z]+):\]/.exec(s)!;
    if (!POSIX[bad[1]]) return { error: `invalid character class range [:${bad[1]}:]` };
    return { regex: undefined }; // negated POSIX class: valid in Go, not translatable here
  }
  if (/\\[pP]|\\x\{/.test(s)) {
    s = s.replace(/\\([pP])([A-Za-z])/g, '\\$1{$2}').replace(/\\x\{([0-9A-Fa-f]+)\}/g, '\\u{$1}');
    flags += 'u';
  }
  try {
    return { regex: new RegExp(s, flags) };
  } catch (e) {
    return { error: (e as Error).message.replace(/^Invalid regular expression: /, '') };
  }
}

/** Whether a Go pattern is anchored at both ends (and has no top-level alternation escaping the anchors). */
export function anchoring(pattern: string): { start: boolean; end: boolean; topLevelAlternation: boolean } {
  const body = pattern.replace(/^\(\?[imsU]+\)/, '');
  const start = body.startsWith('^') || body.startsWith('\\A');
  const endsWithDollar = /\$$/.test(body) && !/(^|[^\\])(\\\\)*\\\$$/.test(body);
  const end = endsWithDollar || /\\z$/.test(body);
  let depth = 0;
  let inClass = false;
  let alt = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) alt = true;
  }
  return { start, end, topLevelAlternation: alt };
}
