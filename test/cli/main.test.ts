import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { VAULT_CLUSTER_STORE } from '../support/repo-files';

const MAIN = path.join(__dirname, '..', '..', 'src', 'cli', 'main.ts');
const NODE = [process.execPath, '-r', 'ts-node/register/transpile-only', MAIN];

function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { out: s => out.push(s), err: s => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const BAD_ES = (i: number) => `apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: db-${i}
  namespace: shop
spec:
  refreshInterval: 1d
  secretStoreRef:
    kind: ClusterSecretStore
    name: vault
  target:
    name: db-${i}
  data:
    - secretKey: password
      remoteRef:
        key: shop/db
        property: password
`;

describe('cdk8s-eso arguments', () => {
  test('--help for the tool and for every command, on stdout, exit 0', () => {
    const top = cli(['--help']);
    expect(top.code).toBe(0);
    expect(top.out).toMatch(/^usage: cdk8s-eso <command>/);
    expect(top.out).toContain('Exit codes: 0 clean (warnings allowed), 1 findings with errors (or warnings with --strict), 2 usage or I/O error.');
    for (const [command, first] of [['validate', 'usage: cdk8s-eso validate [--format text|json|sarif|github|junit]'], ['inventory', 'usage: cdk8s-eso inventory'], ['graph', 'usage: cdk8s-eso graph']]) {
      for (const flag of ['--help', '-h']) {
        const r = cli([command, flag]);
        expect(r.code).toBe(0);
        expect(r.out.startsWith(first)).toBe(true);
      }
      expect(cli(['help', command]).out.startsWith(first)).toBe(true);
    }
    // every option of validate is still documented
    const v = cli(['validate', '--help']).out;
    for (const o of ['--raw', '--source KIND/NAME', '--each', '--previous DIR', '--strict', '--format', '  -  ']) expect(v).toContain(o);
  });

  test('--version prints the package version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    for (const flag of ['--version', '-V']) expect(cli([flag])).toEqual({ code: 0, out: pkg.version ?? '0.0.0', err: '' });
  });

  test('usage errors: exit 2, a message naming the problem on stderr', () => {
    expect(cli([])).toMatchObject({ code: 2, out: '' });
    expect(cli(['frobnicate']).err).toMatch(/^unknown command "frobnicate"/);
    expect(cli(['validate', '--format', 'xml', '.']).err).toMatch(/^--format xml: unknown format; use one of text, json, sarif, github, junit/);
    expect(cli(['inventory', '--format', 'mermaid', '.']).err).toMatch(/^--format mermaid: unknown format; use one of markdown, json, csv/);
    expect(cli(['graph', '--max-nodes', 'ten', '.']).err).toBe('--max-nodes ten: expected a whole number above 0, e.g. --max-nodes 150');
    expect(cli(['graph', '--source', 'flux-system', '.']).err).toMatch(/^--source flux-system: expected KIND\/NAME/);
    expect(cli(['inventory', '--by', 'team', '.']).err).toBe('--by team: expected namespace or layer');
    expect(cli(['graph', '--by', 'team', '.']).err).toBe('--by team: expected namespace or layer');
    expect(cli(['inventory']).err).toMatch(/^inventory needs at least one PATH \(or - for stdin\)/);
    expect(cli(['validate', '--bogus', '.']).code).toBe(2);
    expect(cli(['frobnicate\u001b[2J']).err).toMatch(/^unknown command "frobnicate\\x1b\[2J"/);
  });
});

describe('the bin: stdin and pipes', () => {
  test('- reads stdin, in every command', () => {
    const store = VAULT_CLUSTER_STORE;
    const input = `${store}---\n${BAD_ES(1)}`;
    const v = spawnSync(NODE[0], [...NODE.slice(1), 'validate', '--format', 'github', '-'], { input, encoding: 'utf8' });
    expect(v.status).toBe(1);
    expect(v.stdout.split('\n')[0]).toBe('::error file=<stdin>,line=16,title=ESO-ES-REFRESH-INTERVAL::ExternalSecret shop/db-1: spec.refreshInterval: refreshInterval "1d" is not a Go duration (units ns, us, ms, s, m, h; there is no d or w) (fix: use "24h")');
    const inv = spawnSync(NODE[0], [...NODE.slice(1), 'inventory', '--format', 'csv', '-'], { input, encoding: 'utf8' });
    expect(inv.status).toBe(0);
    expect(inv.stdout.split('\r\n')[1]).toBe('shop,db-1,password,true,ClusterSecretStore/vault,shop/db (password),Periodic,1d,,,Owner,,,ExternalSecret shop/db-1,<stdin>,16');
    const g = spawnSync(NODE[0], [...NODE.slice(1), 'graph', '-'], { input, encoding: 'utf8' });
    expect(g.status).toBe(0);
    expect(g.stdout).toContain('-->|read|');
  });

  test('EPIPE: validate | head exits quietly (no stack trace), with the exit code of the run', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eso-pipe-'));
    // ~3000 findings (>> the 64 KiB pipe buffer), so writes go on after head has gone
    fs.writeFileSync(path.join(dir, 'many.yaml'), Array.from({ length: 3000 }, (_, i) => BAD_ES(i)).join('---\n'));
    const script = `${NODE.map(a => `'${a}'`).join(' ')} validate --raw '${dir}' 2>'${dir}/stderr' | head -n 1; echo "status=\${PIPESTATUS[0]}"`;
    const r = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/many\.yaml:1: ExternalSecret shop\/db-0: /);
    expect(lines[1]).toMatch(/^status=[01]$/);
    expect(fs.readFileSync(path.join(dir, 'stderr'), 'utf8')).toBe('');
  });
});
