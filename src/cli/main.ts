#!/usr/bin/env node
import { validateCommand } from './validate-command';

const USAGE = `usage: cdk8s-eso validate [--strict] [--each] PATH...

Validates ESO, generator and Vault-operator manifests (YAML files or folders, recursively) with the
same rules as cdk8s synth. Prints one line per finding and a summary; exits 1 on any error.
  --strict   warnings count as errors
  --each     validate each PATH as its own app (one folder per cluster); a summary line per PATH`;

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  if (command !== 'validate') {
    process.stderr.write(`unknown command "${command}"\n${USAGE}\n`);
    return 2;
  }
  const strict = rest.includes('--strict');
  const each = rest.includes('--each');
  const unknown = rest.filter(a => a.startsWith('-') && a !== '--strict' && a !== '--each');
  if (unknown.length) {
    process.stderr.write(`unknown option ${unknown.join(', ')}\n${USAGE}\n`);
    return 2;
  }
  const paths = rest.filter(a => !a.startsWith('-'));
  if (paths.length === 0) {
    process.stderr.write(`validate needs at least one PATH\n${USAGE}\n`);
    return 2;
  }
  return validateCommand(paths, { strict, each });
}

process.exitCode = main(process.argv.slice(2));
