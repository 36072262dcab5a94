/**
 * Text taken from the input (a file name, an object name, a key) made safe to print: control characters (a
 * newline, an ESC that would start a terminal escape sequence, DEL, C1 controls, Unicode line separators) become
 * `\n`, `\t`, `\xNN` or `\u{NNNN}`, so a crafted name cannot forge a line of a report or drive the terminal.
 */
export function printable(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, c => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

/** A URL without its userinfo (`https://user:password@host` → `https://***@host`): never print a password. */
export function withoutUserinfo(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1***@');
}
