// Terminal conventions of the CLI: printable file names, colours only for people, quiet broken pipes.

/**
 * A file name (or any text taken from the input) made safe to print: control characters (a newline, an ESC
 * that would start a terminal escape sequence, DEL, C1 controls) become `\n`, `\t`, `\xNN` or `\u{NNNN}`, so a
 * crafted name cannot forge a finding line or rewrite the terminal.
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

/** ANSI styles, or the identity when colour is off. */
export interface Style {
  readonly enabled: boolean;
  red(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

const sgr = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

/** Colours on (`true`) or off. */
export function style(enabled: boolean): Style {
  const id = (s: string) => s;
  return enabled
    ? { enabled, red: sgr(31, 39), yellow: sgr(33, 39), dim: sgr(2, 22), bold: sgr(1, 22), underline: sgr(4, 24) }
    : { enabled, red: id, yellow: id, dim: id, bold: id, underline: id };
}

/**
 * Colour for people: the stream is a terminal, `NO_COLOR` (https://no-color.org) is not set to a non-empty
 * value and `TERM` is not `dumb`.
 */
export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return !!stream.isTTY;
}

/**
 * A reader that goes away (`cdk8s-eso validate … | head`) ends the process quietly: no stack trace, and the exit
 * code the run would have had (POSIX tools die of SIGPIPE; Node gets EPIPE instead).
 */
export function quietOnBrokenPipe(stream: NodeJS.WriteStream, exit: (code?: number) => never = process.exit): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') exit(process.exitCode === undefined ? 0 : Number(process.exitCode));
    throw e;
  });
}
