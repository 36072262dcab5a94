'use strict';
/**
 * The YAML reader's limits (issue 13): with the per-file byte cap raised, a 50 MB file and a file of 100 000
 * documents are read and validated (what `cdk8s-eso validate` does: loadManifests + the rule engine) in one
 * process each, and its peak RSS must stay under 1 GB. With the default cap (20 MB) the 50 MB file is one
 * diagnostic and is not read.
 *
 *   npx projen compile && node bench/limits.js            # writes the files to a temp folder, prints a table
 *   node bench/limits.js --keep                            # keeps the generated files
 *
 * Exit code 1 when a run goes over 1 GB, or an outcome is not the expected one.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const LIB = path.resolve(process.env.CDK8S_ESO_BENCH_LIB || path.join(__dirname, '..', 'lib'));
const LIMIT_MB = 1024;

if (process.argv[2] === 'child') {
  const [file, maxBytes] = process.argv.slice(3);
  const { loadManifests } = require(path.join(LIB, 'io', 'load-manifests'));
  const { validateManifests } = require(path.join(LIB, 'validation', 'engine'));
  const started = Date.now();
  const loaded = loadManifests([file], maxBytes === 'default' ? {} : { maxBytes: Number(maxBytes) });
  const readMs = Date.now() - started;
  const report = validateManifests(loaded.items);
  process.stdout.write(JSON.stringify({
    documents: loaded.items.length,
    problems: loaded.problems.map(p => `${p.ruleId}: ${p.message}`),
    diagnostics: report.diagnostics.length,
    readMs,
    totalMs: Date.now() - started,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }) + '\n');
  process.exit(0);
}

/** Writes `count` documents made by `doc(i)` to `file`, streaming (the generator never holds the file). */
function writeDocs(file, count, doc) {
  const fd = fs.openSync(file, 'w');
  try {
    for (let i = 0; i < count; i++) fs.writeSync(fd, (i ? '---\n' : '') + doc(i));
  } finally {
    fs.closeSync(fd);
  }
  return fs.statSync(file).size;
}

const store = 'apiVersion: external-secrets.io/v1\nkind: ClusterSecretStore\nmetadata:\n  name: vault\nspec:\n  provider:\n    vault:\n'
  + '      server: https://vault.example.internal:8200\n      path: secret\n      version: v2\n      auth:\n        kubernetes:\n'
  + '          mountPath: kubernetes\n          role: external-secrets\n';
const externalSecret = i => {
  if (i === 0) return store;
  const ns = `team-${String(i % 100).padStart(3, '0')}`;
  return `apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: app-${i}\n  namespace: ${ns}\nspec:\n  refreshInterval: 1h\n`
    + '  secretStoreRef:\n    name: vault\n    kind: ClusterSecretStore\n'
    + `  target:\n    name: app-${i}\n    creationPolicy: Owner\n  data:\n`
    + `  - secretKey: username\n    remoteRef:\n      key: apps/${ns}/app-${i}\n      property: username\n`
    + `  - secretKey: password\n    remoteRef:\n      key: apps/${ns}/app-${i}\n      property: password\n`;
};
// ~10 KB per ConfigMap: 5 100 of them make a 50 MB file (plain settings, nothing secret-looking)
const line = 'log.level=info feature.flags=a,b,c region=eu-central-1 timeout=30s retries=3 ';
const configMap = i => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings-${i}\n  namespace: apps\ndata:\n`
  + `  settings.properties: |\n${Array.from({ length: 125 }, () => `    ${line}`).join('\n')}\n`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eso-limits-'));
const docsFile = path.join(dir, 'documents-100000.yaml');
const bigFile = path.join(dir, 'file-50mb.yaml');
const docsBytes = writeDocs(docsFile, 100_000, externalSecret);
const bigBytes = writeDocs(bigFile, 5_100, configMap);
const mb = n => (n / 1024 / 1024).toFixed(1);

const runs = [
  { name: '100 000 documents', file: docsFile, bytes: docsBytes, cap: 64 * 1024 * 1024, expect: r => r.documents === 100_000 && r.problems.length === 0 },
  { name: '50 MB file', file: bigFile, bytes: bigBytes, cap: 64 * 1024 * 1024, expect: r => r.documents === 5_100 && r.problems.length === 0 },
  { name: '50 MB file, default cap', file: bigFile, bytes: bigBytes, cap: 'default', expect: r => r.documents === 0 && r.problems.length === 1 && /over the 20 MB limit/.test(r.problems[0]) },
];
const rows = [];
let failed = false;
for (const run of runs) {
  const out = execFileSync(process.execPath, [__filename, 'child', run.file, String(run.cap)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const r = JSON.parse(out);
  const ok = run.expect(r) && r.maxRssMb < LIMIT_MB;
  if (!ok) failed = true;
  rows.push(`| ${run.name} | ${mb(run.bytes)} | ${run.cap === 'default' ? '20 MB (default)' : `${mb(run.cap)} MB`} | ${r.documents} | ${r.problems[0] ?? '-'} | ${r.readMs} | ${r.totalMs} | ${r.maxRssMb} | ${ok ? 'ok' : 'FAILED'} |`);
}
console.log(`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, limit ${LIMIT_MB} MB peak RSS per run\n`);
console.log('| input | size (MB) | byte cap | documents read | reader diagnostic | read + parse (ms) | + validation (ms) | peak RSS (MB) | |');
console.log('| --- | ---: | --- | ---: | --- | ---: | ---: | ---: | --- |');
for (const r of rows) console.log(r);
if (!process.argv.includes('--keep')) fs.rmSync(dir, { recursive: true, force: true });
else console.log(`\nfiles kept in ${dir}`);
process.exit(failed ? 1 : 0);
