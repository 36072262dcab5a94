import * as fs from 'fs';
import * as path from 'path';
import { Diagnostic, Severity } from '../validation/diagnostic';

/**
 * Finding the YAML files under the paths a reader is given. Its own module (no YAML parser loaded): the synth
 * lists the folders of a layout with it too.
 */

const YAML_FILE = /\.ya?ml$/i;

/** A diagnostic about a file (no object): unreadable, malformed, too big. */
export function problem(file: string, line: number | undefined, ruleId: string, message: string, fix: string, severity = Severity.ERROR): Diagnostic {
  return { severity, ruleId, object: {}, file, line, field: '', message, fix };
}

/** What a non-regular file is, for messages. */
export function kindOf(st: fs.Stats): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/**
 * YAML files under the given paths (folders recursively, sorted for deterministic output). Only regular
 * files are read: a FIFO, socket or device (also given explicitly, like /dev/zero) is one diagnostic.
 * Symlinks are followed, and each real file and folder is visited once: a link back to a folder being
 * walked (a loop) is one warning, a second name of a file already read is skipped.
 */
export function collectFiles(paths: readonly string[], problems: Diagnostic[]): string[] {
  const out: string[] = [];
  const seenFiles = new Set<string>();
  const walking = new Set<string>();
  const walked = new Set<string>();
  const walk = (p: string, explicit: boolean) => {
    let st: fs.Stats;
    let real: string;
    try {
      st = fs.statSync(p);
      real = fs.realpathSync(p);
    } catch (e: any) {
      const code = e.code ?? e.message;
      const dangling = code === 'ENOENT' && (() => { try { return fs.lstatSync(p).isSymbolicLink(); } catch { return false; } })();
      if (code === 'ELOOP') {
        problems.push(problem(p, undefined, 'CLI-READ', 'symlink loop: the link resolves to itself', 'remove or fix the symlink', Severity.WARNING));
      } else if (dangling) {
        problems.push(problem(p, undefined, 'CLI-READ', 'dangling symlink: its target does not exist', 'remove the symlink or restore its target', Severity.WARNING));
      } else {
        problems.push(problem(p, undefined, 'CLI-READ', `cannot read: ${code}`, 'check the path exists and is readable'));
      }
      return;
    }
    if (st.isDirectory()) {
      if (walking.has(real)) {
        problems.push(problem(p, undefined, 'CLI-READ', `symlink loop: this folder is ${real === p ? 'itself' : `"${real}"`}, which is being read already; not read again`, 'remove the symlink that points back into its own folder tree', Severity.WARNING));
        return;
      }
      if (walked.has(real)) return; // the same folder under a second name: read once
      let entries: string[];
      try {
        entries = fs.readdirSync(p).sort();
      } catch (e: any) {
        problems.push(problem(p, undefined, 'CLI-READ', `cannot list folder: ${e.code ?? e.message}`, 'check the folder permissions'));
        return;
      }
      walking.add(real);
      for (const e of entries) {
        if (e === 'node_modules' || e.startsWith('.')) continue;
        walk(path.join(p, e), false);
      }
      walking.delete(real);
      walked.add(real);
    } else if (explicit || YAML_FILE.test(p)) {
      if (!st.isFile()) {
        problems.push(problem(p, undefined, 'CLI-READ', `${kindOf(st)}, not a regular file: not read`, 'pass regular YAML files or folders (for a pipe, use "-" to read standard input)'));
        return;
      }
      if (seenFiles.has(real)) return; // a second name (symlink) of a file already read
      seenFiles.add(real);
      out.push(p);
    }
  };
  for (const p of paths) walk(p, true);
  return out;
}

