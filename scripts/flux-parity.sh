#!/usr/bin/env bash
# Regenerates test/fixtures/flux-repos/<fixture>/expected-objects.json with the REAL tools:
#   flux build kustomization NAME --path <spec.path> --kustomization-file FILE --dry-run --namespace NS
# for every Flux Kustomization (kustomize.toolkit.fluxcd.io) that the fixture's root Kustomization reaches
# and whose sourceRef is this repository, plus `kustomize build <spec.path>` when that folder has a
# kustomization file (plain kustomize: strict top-level file, root-only load restrictions).
#
# Usage: scripts/flux-parity.sh [FIXTURE_NAME...]      (default: every folder of test/fixtures/flux-repos)
#   FLUX_PARITY_DUMP=DIR also writes each build's output to DIR/<fixture>/<namespace>_<name>.yaml.
# Needs: `flux` (v2.9.x) and `kustomize` (v5.8.1) on PATH, node, and the repo's node_modules (`npm ci`).
#   GOBIN=/some/dir go install sigs.k8s.io/kustomize/kustomize/v5@v5.8.1
#   flux2's go.mod has a replace directive, so `go install ...flux@v2.9.4` refuses; build it from the module:
#     go mod download -json github.com/fluxcd/flux2/v2@v2.9.4   # prints "Dir"; copy that folder, chmod -R u+w,
#     mkdir -p cmd/flux/manifests && (a placeholder YAML there: only `flux install` embeds them)
#     CGO_ENABLED=0 go build -ldflags="-X main.VERSION=2.9.4" -o /some/dir/flux ./cmd/flux
#
# How the Kustomizations are found (as kustomize-controller does): the root is the Kustomization named like
# the source (default GitRepository/flux-system, or fixture.json "source"), taken from the file that holds it.
# Every Kustomization object in a build's OUTPUT is built next, from a temp file holding the object exactly
# as the parent emitted it (the parent's namespace, patches and substitutions applied: what the controller
# applies). Its sourceRef namespace defaults to its own namespace. Kustomizations of another source are
# listed under "otherSources" and not built. Each build runs on a fresh temp copy of the fixture (flux build
# writes a generated kustomization.yaml into --path), and temp paths are removed from error messages.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v flux >/dev/null || { echo "flux not on PATH" >&2; exit 2; }
command -v kustomize >/dev/null || { echo "kustomize not on PATH" >&2; exit 2; }
node -e 'require.resolve("yaml", { paths: [process.cwd()] })' 2>/dev/null || [ -n "${NODE_PATH:-}" ] || { echo "the yaml package is missing: run npm ci" >&2; exit 2; }

node - "$@" <<'JS'
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const YAML = require('yaml');

const ROOT = path.resolve('test/fixtures/flux-repos');
const names = process.argv.slice(2).length ? process.argv.slice(2) : fs.readdirSync(ROOT).filter(n => fs.statSync(path.join(ROOT, n)).isDirectory()).sort();
const run = (cmd, args, cwd) => spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
const fluxVersion = (run('flux', ['version', '--client']).stdout.match(/v?\d+\.\d+\.\d+\S*/) || ['unknown'])[0].replace(/^v?/, 'v');
const kustomizeVersion = run('kustomize', ['version']).stdout.trim();

const isFluxKs = o => o && typeof o.apiVersion === 'string' && o.apiVersion.startsWith('kustomize.toolkit.fluxcd.io/') && o.kind === 'Kustomization';
const docs = text => YAML.parseAllDocuments(text).map(d => d.toJS()).filter(o => o && typeof o === 'object');
const yamlFiles = dir => {
  const out = [];
  const walk = d => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && /\.ya?ml$/.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
};
const objId = o => `${o.apiVersion}|${o.kind}|${(o.metadata && o.metadata.namespace) || ''}|${(o.metadata && o.metadata.name) || ''}`;

function freshCopy(fixtureDir) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'flux-parity-'));
  const repo = path.join(tmp, 'repo');
  fs.cpSync(fixtureDir, repo, { recursive: true, verbatimSymlinks: true });
  return { tmp, repo };
}
function clean(msg, tmp) {
  for (const t of [fs.realpathSync(tmp), tmp]) msg = msg.split(t + '/repo/').join('').split(t + '/repo').join('.').split(t + '/').join('');
  return msg.replace(/\s+$/, '');
}

for (const name of names) {
  const dir = path.join(ROOT, name);
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'fixture.json'), 'utf8'));
  const [srcKind, srcName] = (meta.source || 'GitRepository/flux-system').split('/');
  // The source object and the root Kustomization, as written in the repository.
  let srcNs = 'flux-system';
  let root;
  const definedIn = new Map(); // Kustomization name -> files defining one of that name
  for (const f of yamlFiles(dir)) {
    let ds;
    try { ds = docs(fs.readFileSync(f, 'utf8')); } catch { continue; }
    for (const o of ds) {
      if (isFluxKs(o) && o.metadata && o.metadata.name) (definedIn.get(o.metadata.name) || definedIn.set(o.metadata.name, []).get(o.metadata.name)).push(path.relative(dir, f));
      if (o.kind === srcKind && o.apiVersion && o.apiVersion.startsWith('source.toolkit.fluxcd.io/') && o.metadata && o.metadata.name === srcName) srcNs = o.metadata.namespace || srcNs;
      if (!root && isFluxKs(o) && o.metadata && o.metadata.name === srcName && o.spec && o.spec.sourceRef && o.spec.sourceRef.name === srcName) root = { obj: o, file: path.relative(dir, f) };
    }
  }
  if (!root) { console.error(`${name}: no root Kustomization named ${srcName}`); process.exitCode = 1; continue; }
  const sourceKey = `${srcKind}/${srcNs}/${srcName}`;
  const result = { tool: `flux ${fluxVersion} build --dry-run`, kustomizeTool: `kustomize ${kustomizeVersion} build`, source: sourceKey, kustomizations: {}, otherSources: {} };
  const queue = [{ obj: root.obj, file: root.file }];
  const seen = new Set();
  while (queue.length) {
    const { obj, file } = queue.shift();
    const ns = obj.metadata.namespace || srcNs;
    const key = `${ns}/${obj.metadata.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const ref = obj.spec.sourceRef || {};
    const refKey = `${ref.kind}/${ref.namespace || ns}/${ref.name}`;
    if (refKey !== sourceKey) { result.otherSources[key] = refKey; continue; }
    const entry = {
      file: file || (definedIn.get(obj.metadata.name) || ['?']).join(', '),
      kustomizationFile: file ? 'as written' : 'as emitted by the parent build',
      path: obj.spec.path || './',
    };
    const { tmp, repo } = freshCopy(dir);
    try {
      let ksFile;
      if (file) ksFile = path.join(repo, file);
      else { ksFile = path.join(tmp, 'kustomization.flux.yaml'); fs.writeFileSync(ksFile, YAML.stringify(obj)); }
      const buildDir = path.join(repo, obj.spec.path || '.');
      const r = run('flux', ['build', 'kustomization', obj.metadata.name, '--path', buildDir, '--kustomization-file', ksFile, '--dry-run', '--namespace', ns], repo);
      if (r.status !== 0) {
        entry.objects = [];
        entry.error = clean((r.stderr || r.stdout).replace(/^✗\s*/gm, ''), tmp);
      } else {
        if (process.env.FLUX_PARITY_DUMP) { // optional: keep the rendered objects, e.g. to validate them
          const d = path.join(process.env.FLUX_PARITY_DUMP, name);
          fs.mkdirSync(d, { recursive: true });
          fs.writeFileSync(path.join(d, key.replace('/', '_') + '.yaml'), r.stdout);
        }
        const out = docs(r.stdout);
        entry.objects = out.map(objId).sort();
        for (const o of out) if (isFluxKs(o)) queue.push({ obj: o });
      }
      // Plain kustomize on the same folder, when it has a kustomization file of its own.
      if (['kustomization.yaml', 'kustomization.yml', 'Kustomization'].some(k => fs.existsSync(path.join(buildDir, k)))) {
        const { tmp: t2, repo: r2 } = freshCopy(dir);
        const k = run('kustomize', ['build', path.join(r2, obj.spec.path || '.')], r2);
        entry.plainKustomize = k.status === 0 ? { objects: docs(k.stdout).length } : { error: clean(k.stderr, t2) };
        fs.rmSync(t2, { recursive: true, force: true });
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    result.kustomizations[key] = entry;
  }
  const sorted = o => Object.fromEntries(Object.keys(o).sort().map(k => [k, o[k]]));
  result.kustomizations = sorted(result.kustomizations);
  result.otherSources = sorted(result.otherSources);
  if (!Object.keys(result.otherSources).length) delete result.otherSources;
  fs.writeFileSync(path.join(dir, 'expected-objects.json'), JSON.stringify(result, null, 2) + '\n');
  const errs = Object.values(result.kustomizations).filter(e => e.error).length;
  console.log(`${name}: ${Object.keys(result.kustomizations).length} Kustomization(s) built, ${errs} failed`);
}
JS
