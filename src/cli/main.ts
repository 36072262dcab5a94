#!/usr/bin/env node
import { ParseArgsConfig, parseArgs } from 'util';
import { GRAPH_FORMATS, GraphFormat, graphCommand } from './graph-command';
import { INVENTORY_FORMATS, InventoryFormat, inventoryCommand } from './inventory-command';
import { REPORT_FORMATS, ReportFormat } from './report-formats';
import { printable, quietOnBrokenPipe, wantsColor } from './terminal';
import { toolInfo, validateCommand } from './validate-command';

const EXIT_CODES = 'Exit codes: 0 clean (warnings allowed), 1 findings with errors (or warnings with --strict), 2 usage or I/O error.';

const READING = `A folder that holds Flux Kustomizations or kustomization.yaml files is read as a GitOps repository, the way
Flux builds it: the Kustomizations of the source (GitRepository/flux-system by default) are built with
kustomize and Flux's own overlays and post-build substitution, and the objects they apply are read.
Values only the cluster knows (Flux variables from substituteFrom, SOPS ciphertext) are never reported.
  --raw      read the YAML files one by one instead (rendered output, e.g. cdk8s synth's dist/)
  --source KIND/NAME
             the source that is this repository (default GitRepository/flux-system); Kustomizations of
             other sources are listed as "not checked"
  -          read rendered YAML from stdin (kustomize build DIR | cdk8s-eso validate -)`;

const USAGE = `usage: cdk8s-eso <command> [options] PATH...

Commands:
  validate   check ESO, generator, Vault-operator and Flux manifests with the rules of cdk8s synth
  inventory  the Secrets an app materializes: Markdown tables (or JSON, CSV), never a value
  graph      the secret flow: generators, Secrets, PushSecrets, stores, ExternalSecrets, workloads (Mermaid, DOT, JSON)

Run "cdk8s-eso <command> --help" for the options of a command.
  -h, --help     this help
  -V, --version  the version of cdk8s-external-secrets

${EXIT_CODES}`;

const VALIDATE_USAGE = `usage: cdk8s-eso validate [--format text|json|sarif|github|junit] [--strict] [--each] [--raw] [--source KIND/NAME] [--previous DIR] [--max-file-size MB] PATH...

Validates ESO, generator and Vault-operator manifests with the same rules as cdk8s synth. Prints one line
per finding (grouped by file; coloured on a terminal unless NO_COLOR is set) and a summary.
${EXIT_CODES}

${READING}
  --format FORMAT
             text (default), json (one object: diagnostics and summary), sarif (SARIF 2.1.0, GitHub code
             scanning), github (workflow commands: annotations on the pull request), junit (GitLab and other
             CI test reports)
  --strict   warnings count as errors
  --each     validate each PATH as its own app (one folder per cluster); a summary line per PATH
  --previous DIR
             the output before this change (e.g. a checkout of the main branch): warns when an Owner
             ExternalSecret is renamed or moved to another Flux Kustomization (prune deletes its Secret)
  --max-file-size MB
             read files (and stdin) up to this size; a larger one is one diagnostic (default 20)`;

const INVENTORY_USAGE = `usage: cdk8s-eso inventory [--format markdown|json|csv] [--by namespace|layer] [--raw] [--source KIND/NAME] PATH...

The Secrets the ExternalSecrets of an app write, one table per namespace (or Flux Kustomization): output Secret, keys, store, remote
key and property (or generator), refresh, template type and files, creation policy, the Flux Kustomization that
applies it and the PushSecrets that write it back. Never prints a value; values only the cluster knows are
shown as "(from the cluster)". Exit codes: 0 printed, 2 usage or I/O error.

${READING}
  --format FORMAT  markdown (default), json, csv
  --by GROUP       namespace (default): a table per namespace; layer: a table per Flux Kustomization`;

const GRAPH_USAGE = `usage: cdk8s-eso graph [--format mermaid|dot|json] [--max-nodes N] [--by namespace|layer] [--focus NAME] [--raw] [--source KIND/NAME] PATH...

The secret flow of an app: generators -generate-> Secrets -source-> PushSecrets -push-> remote paths in stores
(server, mount) -read-> ExternalSecrets -sync-> Secrets -env/mount-> workloads; Vault policies -grant-> auth
roles -auth-> stores. Never prints a value. Exit codes: 0 printed, 2 usage or I/O error.

${READING}
  --format FORMAT  mermaid (default; renders on GitHub as it is), dot (Graphviz), json
  --max-nodes N    above N nodes (default 150) each namespace collapses into one node
  --by GROUP       what collapses into one node: namespace (default) or layer (a Flux Kustomization)
  --focus NAME     with a collapsed graph: keep this namespace (or Flux Kustomization) expanded`;

const SHARED_OPTIONS = {
  raw: { type: 'boolean' },
  source: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

type Io = { out: (s: string) => void; err: (s: string) => void };

function parse<O extends ParseArgsConfig['options']>(args: string[], options: O, usage: string, io: Io) {
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options });
  } catch (e: any) {
    io.err(`${e.message}\n${usage}`);
    return undefined;
  }
}

function checkCommon(v: { source?: string | boolean; format?: string | boolean }, formats: readonly string[], usage: string, io: Io): boolean {
  if (typeof v.source === 'string' && !/^[^/]+\/([^/]+\/)?[^/]+$/.test(v.source)) {
    io.err(`--source ${printable(v.source)}: expected KIND/NAME or KIND/NAMESPACE/NAME, e.g. GitRepository/flux-system`);
    return false;
  }
  if (typeof v.format === 'string' && !formats.includes(v.format)) {
    io.err(`--format ${printable(v.format)}: unknown format; use one of ${formats.join(', ')}\n${usage}`);
    return false;
  }
  return true;
}

/** The CLI: returns the exit code. */
export function main(argv: string[], io: Io = {
  out: s => process.stdout.write(s + '\n'),
  err: s => process.stderr.write(s + '\n'),
}): number {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-V' || command === 'version') {
    io.out(toolInfo().version);
    return 0;
  }
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    if (command === 'help' && rest[0]) return main([rest[0], '--help'], io);
    (command ? io.out : io.err)(USAGE);
    return command ? 0 : 2;
  }
  const positionals = (p: string[], usage: string) => {
    if (p.length) return true;
    io.err(`${command} needs at least one PATH (or - for stdin)\n${usage}`);
    return false;
  };
  switch (command) {
    case 'validate': {
      const parsed = parse(rest, {
        ...SHARED_OPTIONS, 'strict': { type: 'boolean' }, 'each': { type: 'boolean' }, 'previous': { type: 'string' }, 'max-file-size': { type: 'string' },
      }, VALIDATE_USAGE, io);
      if (!parsed) return 2;
      const v = parsed.values;
      if (v.help) {
        io.out(VALIDATE_USAGE);
        return 0;
      }
      if (!checkCommon(v, REPORT_FORMATS, VALIDATE_USAGE, io) || !positionals(parsed.positionals, VALIDATE_USAGE)) return 2;
      const maxMb = v['max-file-size'] === undefined ? undefined : Number(v['max-file-size']);
      if (maxMb !== undefined && !(maxMb > 0)) {
        io.err(`--max-file-size ${v['max-file-size']}: give the limit in MB, e.g. --max-file-size 64\n${VALIDATE_USAGE}`);
        return 2;
      }
      return validateCommand(parsed.positionals, {
        ...(maxMb !== undefined ? { maxBytes: Math.floor(maxMb * 1024 * 1024) } : {}),
        strict: !!v.strict,
        each: !!v.each,
        raw: !!v.raw,
        source: v.source,
        previous: v.previous,
        format: (v.format ?? 'text') as ReportFormat,
        color: wantsColor(process.stdout),
        out: io.out,
        err: io.err,
      });
    }
    case 'inventory': {
      const parsed = parse(rest, { ...SHARED_OPTIONS, by: { type: 'string' } }, INVENTORY_USAGE, io);
      if (!parsed) return 2;
      const v = parsed.values;
      if (v.help) {
        io.out(INVENTORY_USAGE);
        return 0;
      }
      if (!checkCommon(v, INVENTORY_FORMATS, INVENTORY_USAGE, io) || !positionals(parsed.positionals, INVENTORY_USAGE)) return 2;
      if (v.by !== undefined && v.by !== 'namespace' && v.by !== 'layer') {
        io.err(`--by ${printable(v.by)}: expected namespace or layer`);
        return 2;
      }
      return inventoryCommand(parsed.positionals, {
        raw: !!v.raw, source: v.source, format: (v.format ?? 'markdown') as InventoryFormat, groupBy: v.by as 'namespace' | 'layer' | undefined, out: io.out, err: io.err,
      });
    }
    case 'graph': {
      const parsed = parse(rest, { ...SHARED_OPTIONS, 'focus': { type: 'string' }, 'max-nodes': { type: 'string' }, 'by': { type: 'string' } }, GRAPH_USAGE, io);
      if (!parsed) return 2;
      const v = parsed.values;
      if (v.help) {
        io.out(GRAPH_USAGE);
        return 0;
      }
      if (!checkCommon(v, GRAPH_FORMATS, GRAPH_USAGE, io) || !positionals(parsed.positionals, GRAPH_USAGE)) return 2;
      const maxNodes = v['max-nodes'] === undefined ? undefined : Number(v['max-nodes']);
      if (maxNodes !== undefined && (!Number.isInteger(maxNodes) || maxNodes < 1)) {
        io.err(`--max-nodes ${printable(String(v['max-nodes']))}: expected a whole number above 0, e.g. --max-nodes 150`);
        return 2;
      }
      if (v.by !== undefined && v.by !== 'namespace' && v.by !== 'layer') {
        io.err(`--by ${printable(v.by)}: expected namespace or layer`);
        return 2;
      }
      return graphCommand(parsed.positionals, {
        raw: !!v.raw,
        source: v.source,
        format: (v.format ?? 'mermaid') as GraphFormat,
        focus: v.focus,
        maxNodes,
        collapseBy: v.by as 'namespace' | 'layer' | undefined,
        out: io.out,
        err: io.err,
      });
    }
    default:
      io.err(`unknown command "${printable(command)}"\n${USAGE}`);
      return 2;
  }
}

if (require.main === module) {
  quietOnBrokenPipe(process.stdout);
  quietOnBrokenPipe(process.stderr);
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e: any) {
    // an I/O error nobody reported as a diagnostic: one line, exit code 2, no stack trace
    if (e?.code === 'EPIPE') process.exit(Number(process.exitCode ?? 0));
    process.stderr.write(`cdk8s-eso: ${printable(String(e?.message ?? e))}\n`);
    process.exitCode = 2;
  }
}
