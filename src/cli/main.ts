#!/usr/bin/env node
import { validateCommand } from './validate-command';

const USAGE = `usage: cdk8s-eso validate [--strict] [--each] [--previous DIR] PATH...

Validates ESO, generator and Vault-operator manifests (YAML files or folders, recursively) with the
same rules as cdk8s synth. Prints one line per finding and a summary; exits 1 on any error.
  --strict   warnings count as errors
  --each     validate each PATH as its own app (one folder per cluster); a summary line per PATH
  --previous DIR
             the output before this change (e.g. a checkout of the main branch): warns when an Owner
             ExternalSecret is renamed or moved to another Flux Kustomization (prune deletes its Secret)`;

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
  let previous: string | undefined;
  const args: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--previous' || a.startsWith('--previous=')) {
      const value = a === '--previous' ? rest[++i] : a.slice('--previous='.length);
      if (!value || value.startsWith('-')) {
        process.stderr.write(`--previous needs a DIR\n${USAGE}\n`);
        return 2;
      }
      previous = value;
    } else {
      args.push(a);
    }
  }
  const strict = args.includes('--strict');
  const each = args.includes('--each');
  const unknown = args.filter(a => a.startsWith('-') && a !== '--strict' && a !== '--each');
  if (unknown.length) {
    process.stderr.write(`unknown option ${unknown.join(', ')}\n${USAGE}\n`);
    return 2;
  }
  const paths = args.filter(a => !a.startsWith('-'));
  if (paths.length === 0) {
    process.stderr.write(`validate needs at least one PATH\n${USAGE}\n`);
    return 2;
  }
  return validateCommand(paths, { strict, each, previous });
}

process.exitCode = main(process.argv.slice(2));
