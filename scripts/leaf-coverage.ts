/**
 * Dev script (never run in CI): how many `spec` leaves of the kinds the library claims are reachable by a
 * typed construct prop.
 *
 *   npx ts-node --transpile-only scripts/leaf-coverage.ts [--json]
 *
 * Reads the pinned CRDs (../shared/eso/bundle.yaml, ../shared/vault-crds/*.yaml), lists every `spec` leaf
 * path of each claimed kind (objects descended, arrays as `[]`, maps as `{}`, stopping at
 * x-kubernetes-preserve-unknown-fields; stores: only spec.provider.vault / spec.provider.openBao and the
 * non-provider fields), then builds "maximal" apps with the typed constructs (no raw overrides) and
 * collects the leaf paths of their YAML. Prints, per kind, reached/total and the unreached leaves
 * (deprecated ones marked).
 */
import * as fs from 'fs';
import * as path from 'path';
import { ApiObject } from 'cdk8s';
import * as YAML from 'yaml';
import { buildMaximalApps } from './leaf-coverage-apps';

type Schema = Record<string, any>;
interface Leaf { readonly path: string; readonly deprecated: boolean }

const SHARED = path.join(__dirname, '..', '..', 'shared');

function crds(): Schema[] {
  const files = [path.join(SHARED, 'eso', 'bundle.yaml'),
    ...fs.readdirSync(path.join(SHARED, 'vault-crds')).filter(f => f.startsWith('vault-config-operator_')).map(f => path.join(SHARED, 'vault-crds', f))];
  return files.flatMap(f => YAML.parseAllDocuments(fs.readFileSync(f, 'utf8')).map(d => d.toJS()))
    .filter(d => d?.kind === 'CustomResourceDefinition');
}

const isDeprecated = (s: Schema) => typeof s.description === 'string' && s.description.includes('Deprecated');

/** Every leaf path below `s` (at `p`). */
function leaves(s: Schema, p: string, dep: boolean, out: Leaf[]): void {
  const d = dep || isDeprecated(s);
  if (s['x-kubernetes-preserve-unknown-fields']) { out.push({ path: p, deprecated: d }); return; }
  if (s.type === 'array' && s.items) { leaves(s.items, `${p}[]`, d, out); return; }
  if (s.properties && Object.keys(s.properties).length > 0) {
    for (const [k, v] of Object.entries<Schema>(s.properties)) leaves(v, `${p}.${k}`, d, out);
    return;
  }
  if (s.additionalProperties && typeof s.additionalProperties === 'object') {
    leaves(s.additionalProperties, `${p}.{}`, d, out); return;
  }
  out.push({ path: p, deprecated: d });
}

/** The leaf paths a value reaches, read against its schema (so map keys become `{}`). */
function reached(v: unknown, s: Schema | undefined, p: string, out: Set<string>): void {
  if (!s) { out.add(`${p} (NOT IN SCHEMA)`); return; }
  if (s['x-kubernetes-preserve-unknown-fields']) { out.add(p); return; }
  if (Array.isArray(v)) { for (const e of v) reached(e, s.items, `${p}[]`, out); return; }
  if (v !== null && typeof v === 'object') {
    if (s.properties && Object.keys(s.properties).length > 0) {
      for (const [k, e] of Object.entries(v)) reached(e, s.properties[k], `${p}.${k}`, out);
    } else if (s.additionalProperties && typeof s.additionalProperties === 'object') {
      for (const e of Object.values(v)) reached(e, s.additionalProperties, `${p}.{}`, out);
    } else {
      out.add(p);
    }
    return;
  }
  out.add(p);
}

/** Claimed kinds, with the version the library writes and a filter for the paths it claims. */
const STORE_FILTER = (p: string) => !p.startsWith('spec.provider.') || p.startsWith('spec.provider.vault.') || p.startsWith('spec.provider.openBao.');
const GEN_SPECS = ['passwordSpec', 'uuidSpec', 'vaultDynamicSecretSpec'];
const CLAIMED: Record<string, (p: string) => boolean> = {
  'external-secrets.io/ExternalSecret': () => true,
  'external-secrets.io/ClusterExternalSecret': () => true,
  'external-secrets.io/SecretStore': STORE_FILTER,
  'external-secrets.io/ClusterSecretStore': STORE_FILTER,
  'external-secrets.io/PushSecret': () => true,
  'external-secrets.io/ClusterPushSecret': () => true,
  'generators.external-secrets.io/Password': () => true,
  'generators.external-secrets.io/UUID': () => true,
  'generators.external-secrets.io/VaultDynamicSecret': () => true,
  'generators.external-secrets.io/ClusterGenerator': p => !p.startsWith('spec.generator.') || GEN_SPECS.some(g => p === `spec.generator.${g}` || p.startsWith(`spec.generator.${g}.`)),
  'redhatcop.redhat.io/Policy': () => true,
  'redhatcop.redhat.io/KubernetesAuthEngineRole': () => true,
  'redhatcop.redhat.io/KubernetesAuthEngineConfig': () => true,
  'redhatcop.redhat.io/SecretEngineMount': () => true,
  'redhatcop.redhat.io/AuthEngineMount': () => true,
};

function main(): void {
  const json = process.argv.includes('--json');
  const schemas = new Map<string, { version: string; spec: Schema }>();
  for (const crd of crds()) {
    const key = `${crd.spec.group}/${crd.spec.names.kind}`;
    if (!CLAIMED[key]) continue;
    for (const v of crd.spec.versions) {
      schemas.set(`${key}@${v.name}`, { version: v.name, spec: v.schema.openAPIV3Schema.properties.spec });
      if (v.storage) schemas.set(key, { version: v.name, spec: v.schema.openAPIV3Schema.properties.spec });
    }
  }

  const got = new Map<string, Set<string>>();
  for (const [name, app] of Object.entries(buildMaximalApps())) {
    // the YAML the app writes (app.synthYaml() runs the library's validation: a maximal app must be a valid one);
    // if the validation refuses it, each object is rendered on its own and the refusal is printed
    let manifests: any[];
    try {
      manifests = YAML.parseAllDocuments(String(app.synthYaml())).map(d => d.toJS()).filter(m => m);
    } catch (e) {
      console.error(`leaf-coverage: ${name}: the validation refuses the app, leaves are counted without it:\n${(e as Error).message}`);
      manifests = app.node.findAll().filter(ApiObject.isApiObject).map(o => o.toJson());
    }
    for (const m of manifests) {
      const [group, version] = String(m.apiVersion).split('/');
      const key = `${group}/${m.kind}`;
      if (!CLAIMED[key]) continue;
      const s = schemas.get(`${key}@${version}`) ?? schemas.get(key)!;
      const set = got.get(key) ?? new Set<string>();
      got.set(key, set);
      reached(m.spec, s.spec, 'spec', set);
    }
  }

  const result: any[] = [];
  let allReached = 0; let allTotal = 0; let allNonDep = 0; let allNonDepReached = 0;
  for (const key of Object.keys(CLAIMED)) {
    const s = schemas.get(key);
    if (!s) throw new Error(`no CRD for ${key}`);
    const all: Leaf[] = [];
    leaves(s.spec, 'spec', false, all);
    const claimed = all.filter(l => CLAIMED[key](l.path));
    const set = got.get(key) ?? new Set<string>();
    const hit = claimed.filter(l => set.has(l.path));
    const missed = claimed.filter(l => !set.has(l.path));
    const extra = [...set].filter(p => !claimed.some(l => l.path === p));
    const nonDep = claimed.filter(l => !l.deprecated);
    allReached += hit.length; allTotal += claimed.length;
    allNonDep += nonDep.length; allNonDepReached += nonDep.filter(l => set.has(l.path)).length;
    result.push({
      kind: key,
      version: s.version,
      reached: hit.length,
      total: claimed.length,
      unreached: missed.filter(l => !l.deprecated).map(l => l.path),
      unreachedDeprecated: missed.filter(l => l.deprecated).map(l => l.path),
      outsideClaim: extra,
    });
  }
  if (json) { console.log(JSON.stringify(result, null, 2)); return; }
  for (const r of result) {
    console.log(`\n${r.kind} (${r.version}): ${r.reached}/${r.total}`);
    for (const p of r.unreached) console.log(`  - ${p}`);
    for (const p of r.unreachedDeprecated) console.log(`  - ${p}  (deprecated)`);
    for (const p of r.outsideClaim) console.log(`  ! written but outside the claim: ${p}`);
  }
  console.log(`\ntotal: ${allReached}/${allTotal} leaves reached; non-deprecated ${allNonDepReached}/${allNonDep}`);
}

main();
