#!/usr/bin/env node
import { parseArgs } from 'util';
import { validateCommand } from './validate-command';

const USAGE = `usage: cdk8s-eso validate [--strict] [--each] [--raw] [--source KIND/NAME] [--previous DIR] PATH...

Validates ESO, generator and Vault-operator manifests with the same rules as cdk8s synth. Prints one line
per finding and a summary. Exit codes: 0 clean, 1 findings with errors, 2 usage or I/O error.

A folder that holds Flux Kustomizations or kustomization.yaml files is read as a GitOps repository, the way
Flux builds it: the Kustomizations of the source (GitRepository/flux-system by default) are built with
kustomize and Flux's own overlays and post-build substitution, and the objects they apply are validated.
Values only the cluster knows (Flux variables from substituteFrom, SOPS ciphertext) are never reported.
  --raw      read the YAML files one by one instead (rendered output, e.g. cdk8s synth's dist/)
  --source KIND/NAME
             the source that is this repository (default GitRepository/flux-system); Kustomizations of
             other sources are listed as "not checked"
  -          read rendered YAML from stdin (kustomize build DIR | cdk8s-eso validate -)
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
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        strict: { type: 'boolean' },
        each: { type: 'boolean' },
        raw: { type: 'boolean' },
        source: { type: 'string' },
        previous: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e: any) {
    process.stderr.write(`${e.message}\n${USAGE}\n`);
    return 2;
  }
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (parsed.positionals.length === 0) {
    process.stderr.write(`validate needs at least one PATH\n${USAGE}\n`);
    return 2;
  }
  if (v.source !== undefined && !/^[^/]+\/([^/]+\/)?[^/]+$/.test(v.source)) {
    process.stderr.write(`--source ${v.source}: expected KIND/NAME or KIND/NAMESPACE/NAME, e.g. GitRepository/flux-system\n`);
    return 2;
  }
  return validateCommand(parsed.positionals, { strict: !!v.strict, each: !!v.each, raw: !!v.raw, source: v.source, previous: v.previous });
}

process.exitCode = main(process.argv.slice(2));
