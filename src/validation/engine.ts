import { Diagnostic, Severity } from './diagnostic';
import { Finding, Rule, RuleContext } from './rule';
import { ALL_RULES } from './rules';
import { Manifest, NonManifestDocument, SourcedManifest, parseApiVersion } from '../model/manifest';
import { ManifestIndex } from '../model/manifest-index';
import { containsUnknown, countUnknown, isSopsEncrypted, isUnknownString, valueAt } from '../model/unknown';
import { isKnownGroup, lookupKind } from './schema/catalog';

/** Annotation that silences rules on one object: a comma-separated list of rule ids. */
export { IGNORE_ANNOTATION } from '../model/api';
import { IGNORE_ANNOTATION } from '../model/api';
import { addTo } from '../model/multimap';

export interface EngineOptions {
  /** Warnings count as errors. */
  readonly strict?: boolean;
  /** The rules to run (default: every registered rule). */
  readonly rules?: readonly Rule[];
  /** Documents of the input files that are not Kubernetes objects (CLI), for rules that check folders. */
  readonly nonManifests?: readonly NonManifestDocument[];
  /**
   * The previous output (what the last synth wrote, or `--previous DIR`), for rules that check what a change
   * does to the running cluster (e.g. a moved ExternalSecret). Absent: those rules stay silent.
   */
  readonly previous?: readonly SourcedManifest[];
  /**
   * An index over (mostly) the same manifests built earlier in the same pass (the synth's derivations): read
   * models memoized there are reused where their kinds hold the same manifests.
   */
  readonly reuse?: ManifestIndex;
  /**
   * Count the values that come from the cluster (Flux variables, SOPS ciphertext) for the summary.
   * Findings on such values are never reported, with or without this option.
   * @default false
   */
  readonly countUnknown?: boolean;
  /**
   * Charts installed before Flux runs (repository mode: a bootstrap helmfile installs them).
   * @default - none
   */
  readonly installedBeforeFlux?: readonly string[];
  /**
   * Some of the deployment was not read (repository mode: Kustomizations of another source, or that nothing
   * applies): conclusions from an object's absence become warnings.
   * @default false
   */
  readonly incomplete?: boolean;
}

export interface ValidationReport {
  readonly diagnostics: Diagnostic[];
  readonly errors: number;
  readonly warnings: number;
  /** Findings dropped by the ignore annotation. */
  readonly silenced: number;
  /** Objects looked at. */
  readonly objects: number;
  /** Values only the cluster knows (Flux variables, SOPS ciphertext), with `countUnknown`; never reported on. */
  readonly unknownValues?: number;
}

/** Dispatch table: which object rules apply to a kind, computed once per rule set. */
function dispatch(rules: readonly Rule[]) {
  const byKind = new Map<string, Rule[]>();
  const anyKind: Rule[] = [];
  for (const r of rules) {
    if (!r.checkObject) continue;
    if (!r.kinds) anyKind.push(r);
    else for (const k of r.kinds) addTo(byKind, k, r);
  }
  const lists = new Map<string, Rule[]>();
  return (kind: string) => {
    let list = lists.get(kind);
    if (!list) lists.set(kind, (list = (byKind.get(kind) ?? []).concat(anyKind)));
    return list;
  };
}

/**
 * A rule that throws on an input it did not expect (a string where an object should be, say) must not
 * take the whole run down: the input is reported as malformed and the other rules go on.
 */
function guarded(rule: Rule, m: Manifest, run: () => Finding[]): Finding[] {
  try {
    return run();
  } catch (e: any) {
    return malformed(rule, m, e);
  }
}

/** The one finding for an input a rule threw on. */
function malformed(rule: Rule, m: Manifest, e: any): Finding[] {
  return [{
    field: '',
    message: `could not be checked by rule ${rule.id} (${e?.message ?? e}); the object is probably malformed`,
    fix: 'fix the ESO-SCHEMA findings of this object first; if there are none, report this as a bug of cdk8s-external-secrets',
    severity: Severity.ERROR,
    target: m,
  }];
}

function ignoredRules(m: Manifest): Set<string> | undefined {
  const v = m.metadata?.annotations?.[IGNORE_ANNOTATION];
  if (typeof v !== 'string' || !v.trim()) return undefined;
  return new Set(v.split(/[,\s]+/).filter(Boolean));
}

/**
 * One refusal, one finding: a rule that `yieldsOnSameField` (the CRD's CEL rules) gives way to another rule's
 * error on the same object and field (a rule of ours that explains it in this library's terms).
 */
function dropRestated(diagnostics: Diagnostic[], rules: readonly Rule[]): void {
  const yielding = new Set(rules.filter(r => r.yieldsOnSameField).map(r => r.id));
  if (!yielding.size) return;
  const key = (d: Diagnostic) => `${d.object.apiVersion}|${d.object.kind}|${d.object.namespace}|${d.object.name}|${d.file}|${d.constructPath}|${d.field}`;
  const explained = new Set(diagnostics.filter(d => !yielding.has(d.ruleId) && d.severity === Severity.ERROR).map(key));
  if (!explained.size) return;
  for (let i = diagnostics.length - 1; i >= 0; i--) {
    if (yielding.has(diagnostics[i].ruleId) && explained.has(key(diagnostics[i]))) diagnostics.splice(i, 1);
  }
}

/**
 * Runs every rule over the manifests: object rules per manifest, app rules once over the index.
 * Pure: no I/O, same input → same output (sorted).
 */
export function validateManifests(items: readonly SourcedManifest[], options: EngineOptions = {}): ValidationReport {
  const rules = options.rules ?? ALL_RULES;
  // An object of an unserved version (v1beta1) cannot be applied at all: ESO-API-VERSION reports it, and
  // neither other object rules nor cross-resource rules see it (it does not exist for them).
  const unserved = new Set<Manifest>();
  const sources = new Map<Manifest, SourcedManifest>();
  for (const item of items) {
    sources.set(item.manifest, item);
    const { group, version } = parseApiVersion(item.manifest.apiVersion);
    const kind = typeof item.manifest.kind === 'string' ? item.manifest.kind : '';
    if (group !== '' && isKnownGroup(group) && !lookupKind(group, version, kind)?.served) unserved.add(item.manifest);
  }
  const index = new ManifestIndex(unserved.size ? items.filter(i => !unserved.has(i.manifest)) : items, options.reuse);
  const ctx: RuleContext = {
    index,
    nonManifests: options.nonManifests ?? [],
    ...(options.previous ? { previous: new ManifestIndex(options.previous) } : {}),
    ...(options.installedBeforeFlux ? { installedBeforeFlux: options.installedBeforeFlux } : {}),
    ...(options.incomplete ? { incomplete: true } : {}),
  };
  const rulesFor = dispatch(rules);
  const diagnostics: Diagnostic[] = [];
  let silenced = 0;

  const emit = (rule: Rule, target: Manifest, f: Finding) => {
    if (!rule.notSilenceable && ignoredRules(target)?.has(rule.id)) {
      silenced++;
      return;
    }
    // unknown is not wrong: a value only the cluster knows is never reported on
    if (!rule.judgesUnknown && (isUnknownString(f.message) || containsUnknown(valueAt(target, f.field))
      || (f.field.startsWith('sops.') && isSopsEncrypted(target)))) return;
    const src = sources.get(target);
    let severity = f.severity ?? rule.severity;
    if (options.strict && severity === Severity.WARNING) severity = Severity.ERROR;
    diagnostics.push({
      severity,
      ruleId: rule.id,
      object: {
        apiVersion: typeof target.apiVersion === 'string' ? target.apiVersion : undefined,
        kind: typeof target.kind === 'string' ? target.kind : undefined,
        namespace: typeof target.metadata?.namespace === 'string' ? target.metadata.namespace : undefined,
        name: typeof target.metadata?.name === 'string' ? target.metadata.name : undefined,
      },
      constructPath: src?.constructPath,
      file: src?.file,
      line: src?.line,
      field: f.field,
      message: f.message,
      fix: f.fix,
    });
  };

  for (const item of items) {
    const m = item.manifest;
    const group = parseApiVersion(m.apiVersion).group;
    const skipMost = unserved.has(m);
    for (const rule of rulesFor(typeof m.kind === 'string' ? m.kind : '')) {
      if (rule.groups && !rule.groups.includes(group)) continue;
      if (skipMost && !rule.checksUnservedVersions) continue;
      let findings: Finding[];
      try {
        findings = rule.checkObject!(m, ctx);
      } catch (e: any) {
        findings = malformed(rule, m, e);
      }
      for (let i = 0; i < findings.length; i++) emit(rule, findings[i].target ?? m, findings[i]);
    }
  }
  const anchor = items[0]?.manifest ?? {};
  for (const rule of rules) {
    if (!rule.checkApp) continue;
    for (const f of guarded(rule, anchor, () => rule.checkApp!(ctx))) {
      if (!f.target) throw new Error(`rule ${rule.id}: app findings must name their target object`);
      emit(rule, f.target, f);
    }
  }

  dropRestated(diagnostics, rules);
  diagnostics.sort(compareDiagnostics);
  const errors = diagnostics.filter(d => d.severity === Severity.ERROR).length;
  const unknownValues = options.countUnknown ? items.reduce((n, i) => n + countUnknown(i.manifest), 0) : undefined;
  return { diagnostics, errors, warnings: diagnostics.length - errors, silenced, objects: items.length, ...(unknownValues ? { unknownValues } : {}) };
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const ka = [a.file ?? '', String(a.line ?? 0).padStart(8, '0'), a.constructPath ?? '', a.object.kind ?? '', a.object.namespace ?? '', a.object.name ?? '', a.field, a.ruleId, a.message];
  const kb = [b.file ?? '', String(b.line ?? 0).padStart(8, '0'), b.constructPath ?? '', b.object.kind ?? '', b.object.namespace ?? '', b.object.name ?? '', b.field, b.ruleId, b.message];
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
  }
  return 0;
}

/** `KIND NAMESPACE/NAME` as printed in reports. */
export function describeObject(d: Diagnostic): string {
  const o = d.object;
  const name = o.namespace ? `${o.namespace}/${o.name ?? '<unnamed>'}` : (o.name ?? '<unnamed>');
  return `${o.kind ?? '<no kind>'} ${name}`;
}

/** `1 error, 0 warnings in 7 objects` (+ `, 2 silenced`). */
export function summaryLine(r: ValidationReport): string {
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${plural(r.errors, 'error')}, ${plural(r.warnings, 'warning')} in ${plural(r.objects, 'object')}` +
    (r.silenced ? `, ${r.silenced} silenced by ${IGNORE_ANNOTATION}` : '') +
    (r.unknownValues ? `; ${plural(r.unknownValues, 'value')} not checked (come from the cluster)` : '');
}

/** What reports need to know about a rule (SARIF rule metadata): the registry's id, severity, description, example. */
export interface RuleInfo {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  readonly example?: string;
}

/** Every registered rule's metadata, sorted by id (front ends may not import the rules themselves). */
export function ruleCatalog(): RuleInfo[] {
  return ALL_RULES.map(r => ({ id: r.id, severity: r.severity, description: r.description, example: r.example }))
    .sort((a, b) => a.id.localeCompare(b.id));
}
