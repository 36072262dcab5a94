// Terminal conventions of the CLI: printable file names, colours only for people, quiet broken pipes.

export { printable } from '../model/printable';

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
