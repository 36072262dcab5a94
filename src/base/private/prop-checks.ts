import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';

/**
 * Construct input checks shared by every construct of the library: a bad prop is an Error that names the
 * construct path (or the factory), the field, what is wrong and the fix, never a raw TypeError later and
 * never silently written. Internal.
 */

/** Props whose value must be a cdk8s Duration (by name: a string such as '1h' is the usual mistake). */
const DURATION_PROP = /(^|[a-z])(interval|Interval|timeout|Timeout|refreshTime|duration|Duration|ttl|Ttl|TTL)$/;
/** Props that hold free-form maps, passed through as written. */
const FREE_FORM = new Set(['parameters', 'values', 'spec', 'substitute', 'headers', 'extraArgs', 'patches', 'data', 'stringData']);
/** Top-level props that are lists in every construct that has them. */
const LIST_PROPS = new Set(['data', 'dataFrom', 'stores', 'storeSelectors', 'dataTo', 'rules', 'namespaces', 'namespaceSelectors', 'serviceAccounts',
  'policies', 'audiences', 'secretKeys', 'dependsOn', 'healthChecks', 'components', 'boundServiceAccountNames', 'boundServiceAccountNamespaces', 'additionalPolicies']);
/** RFC 1123 label (a namespace). */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** RFC 1123 subdomain (an object name). */
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** The name part of a label/annotation key and a label value. */
const QUALIFIED_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
/** Longest string a prop may hold (a whole manifest is not a prop). */
const MAX_STRING = 1024 * 1024;

const show = (v: unknown) => {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v) + (v.length > 60 ? ` (${v.length} characters)` : '');
  if (typeof v === 'number') return String(v);
  return v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v;
};

function fieldOf(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : /^[A-Za-z_$][\w$]*$/.test(seg) ? (out ? `.${seg}` : seg) : `[${JSON.stringify(seg)}]`;
  return out;
}

/**
 * Where a prop is checked: a construct (its path is computed only for an error: every construct runs these
 * checks on every prop) or a text (a factory's name, a path given by the caller).
 */
export type Where = string | IConstruct;

/** A prop error: `<where>: <field> <problem>; <fix>`. */
export function propError(where: Where, field: string, problem: string, fix: string): Error {
  return new Error(`${typeof where === 'string' ? where : where.node.path}: ${field} ${problem}; ${fix}`);
}

/** True for a cdk8s Duration (also one from another copy of cdk8s). */
function isDuration(v: unknown): v is Duration {
  return v instanceof Duration || (!!v && typeof v === 'object' && typeof (v as any).toMilliseconds === 'function' && typeof (v as any).toSeconds === 'function');
}

/** Checks one Duration: a whole, non-negative, finite number of milliseconds. */
export function checkDuration(where: Where, field: string, d: unknown): void {
  if (d === undefined) return;
  if (!isDuration(d)) {
    throw propError(where, field, `must be a Duration, got ${show(d)}`, 'write it as Duration.hours(1), Duration.minutes(10), ... (import { Duration } from \'cdk8s\')');
  }
  let ms: number;
  try {
    ms = d.toMilliseconds();
  } catch (e: any) {
    throw propError(where, field, `is not a valid Duration (${e?.message ?? e})`, 'use a whole, non-negative amount, e.g. Duration.seconds(30)');
  }
  if (!Number.isFinite(ms) || ms < 0 || !Number.isInteger(ms)) {
    throw propError(where, field, `is ${ms}ms, not a whole non-negative number of milliseconds`, 'use a finite, non-negative amount, e.g. Duration.seconds(30)');
  }
}

/** Checks a count: an integer in [min, max]. */
export function checkCount(where: Where, field: string, n: unknown, min: number, max: number): void {
  if (n === undefined) return;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    throw propError(where, field, `must be a whole number from ${min} to ${max}, got ${show(n)}`, `pass an integer between ${min} and ${max}`);
  }
}

/** Checks a required or optional string: not empty (when given), not absurdly long, no control characters. */
export function checkString(where: Where, field: string, s: unknown, opts: { required?: boolean; fix?: string } = {}): void {
  if (s === undefined && !opts.required) return;
  const fix = opts.fix ?? 'give a non-empty value';
  if (typeof s !== 'string') throw propError(where, field, `must be a string, got ${show(s)}`, fix);
  if (s.trim() === '') throw propError(where, field, 'must not be empty', fix);
  if (s.length > MAX_STRING) throw propError(where, field, `is ${s.length} characters long`, 'keep props under 1 MB');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s)) throw propError(where, field, `contains a control character (${show(s)})`, 'remove it');
}

/** A reference prop that must be an object of a given shape (`store: {}` is the usual mistake). */
export function checkObject(where: Where, field: string, v: unknown, shape: string, fix: string, test: (v: any) => boolean = () => true): void {
  if (v === null || v === undefined || typeof v !== 'object' || !test(v)) {
    throw propError(where, field, `must be ${shape}, got ${v === undefined ? 'nothing' : show(v)}`, fix);
  }
}

/** A label or annotation key: `[prefix/]name`, prefix a DNS subdomain (≤ 253), name ≤ 63 characters. */
function keyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) return 'its prefix (before "/") must be a lower-case DNS subdomain';
  if (name.length === 0 || name.length > 63 || !QUALIFIED_NAME.test(name)) return 'its name must be 1-63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit';
  return undefined;
}

/** Checks Kubernetes metadata-like maps: labels (keys and values), annotations (keys), name, namespace. */
export function checkMetadata(where: Where, base: string, md: any): void {
  if (md === undefined) return;
  if (md === null || typeof md !== 'object') throw propError(where, base, `must be an object, got ${show(md)}`, 'pass { name, namespace, labels, annotations } or omit it');
  if (md.name !== undefined && (typeof md.name !== 'string' || md.name.length > 253 || !DNS_SUBDOMAIN.test(md.name))) {
    throw propError(where, `${base}.name`, `must be a valid object name, got ${show(md.name)}`, 'use lower-case letters, digits, "-" and "." (at most 253 characters, starting and ending with a letter or digit)');
  }
  if (md.namespace !== undefined) checkNamespace(where, `${base}.namespace`, md.namespace);
  checkLabels(where, `${base}.labels`, md.labels);
  checkAnnotations(where, `${base}.annotations`, md.annotations);
}

/** A namespace name (RFC 1123 label). */
export function checkNamespace(where: Where, field: string, ns: unknown): void {
  if (ns === undefined) return;
  if (typeof ns !== 'string' || ns.length > 63 || !DNS_LABEL.test(ns)) {
    throw propError(where, field, `must be a valid namespace, got ${show(ns)}`, 'use at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit');
  }
}

/** Label keys and values. */
export function checkLabels(where: Where, field: string, labels: unknown): void {
  if (labels === undefined) return;
  if (labels === null || typeof labels !== 'object' || Array.isArray(labels)) throw propError(where, field, `must be a map of strings, got ${show(labels)}`, 'pass { key: "value" }');
  for (const [k, v] of Object.entries(labels)) {
    const kp = keyProblem(k);
    if (kp) throw propError(where, `${field}[${JSON.stringify(k)}]`, `is not a valid label key: ${kp}`, 'fix the key');
    if (typeof v !== 'string' || (v !== '' && (v.length > 63 || !QUALIFIED_NAME.test(v)))) {
      throw propError(where, `${field}[${JSON.stringify(k)}]`, `has the value ${show(v)}, which is not a valid label value`, 'use at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit (or "")');
    }
  }
}

/** Annotation keys (values are free text, but must be strings). */
export function checkAnnotations(where: Where, field: string, annotations: unknown): void {
  if (annotations === undefined) return;
  if (annotations === null || typeof annotations !== 'object' || Array.isArray(annotations)) throw propError(where, field, `must be a map of strings, got ${show(annotations)}`, 'pass { key: "value" }');
  for (const [k, v] of Object.entries(annotations)) {
    const kp = keyProblem(k);
    if (kp) throw propError(where, `${field}[${JSON.stringify(k)}]`, `is not a valid annotation key: ${kp}`, 'fix the key');
    if (typeof v !== 'string') throw propError(where, `${field}[${JSON.stringify(k)}]`, `must be a string, got ${show(v)}`, 'quote the value');
  }
}

const isPlain = (v: unknown): v is Record<string, unknown> => {
  if (!v || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * The checks every construct runs on its props first: required props present; no `null` anywhere in plain
 * props; numbers finite; Duration props real, whole and non-negative Durations; strings without control
 * characters; `metadata`, `labels`/`secretLabels`, `annotations`/`secretAnnotations` valid for Kubernetes.
 * Class instances (constructs, references, factories' results) are not walked: their factories check them.
 */
export function checkProps(scope: IConstruct | string, props: unknown, required: readonly string[] = [], strings: readonly string[] = []): void {
  const where: Where = scope;
  if (props === null || (props !== undefined && typeof props !== 'object')) {
    throw propError(where, 'props', `must be an object, got ${show(props)}`, 'pass the props object');
  }
  const p = (props ?? {}) as Record<string, unknown>;
  for (const r of required) {
    if (p[r] === undefined || p[r] === null) throw propError(where, r, p[r] === null ? 'is null' : 'is required', `set ${r}`);
  }
  for (const k of strings) checkString(where, k, p[k], { required: required.includes(k) });
  // one path, pushed and popped as the walk goes (fieldOf builds the field text only for an error)
  const path: Array<string | number> = [];
  const walk = (v: unknown, depth: number) => {
    if (depth > 12) return;
    const key = path[path.length - 1];
    if (v === null) throw propError(where, fieldOf(path), 'is null', 'omit it or give a value');
    if (typeof v === 'number' && !Number.isFinite(v)) throw propError(where, fieldOf(path), `is ${v}`, 'give a finite number');
    if (typeof key === 'string' && DURATION_PROP.test(key) && (!isPlain(v) || Object.keys(v).length === 0)) {
      checkDuration(where, fieldOf(path), v);
      return;
    }
    if (typeof v === 'string') {
      if (v.length > MAX_STRING) throw propError(where, fieldOf(path), `is ${v.length} characters long`, 'keep props under 1 MB');
      return;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        walk(v[i], depth + 1);
        path.pop();
      }
      return;
    }
    if (!isPlain(v)) return;
    // free-form maps (Vault API parameters, Helm values, a CRD spec, substitutions, headers): not ours to judge
    if (typeof key === 'string' && FREE_FORM.has(key)) return;
    if (key === 'metadata') {
      checkMetadata(where, fieldOf(path), v);
    } else if (key === 'labels' || key === 'secretLabels' || key === 'externalSecretLabels' || key === 'namespaceSelectorLabels') {
      checkLabels(where, fieldOf(path), v);
    } else if (key === 'annotations' || key === 'secretAnnotations' || key === 'externalSecretAnnotations') {
      checkAnnotations(where, fieldOf(path), v);
    }
    for (const k of Object.keys(v)) {
      const x = v[k];
      if (x === undefined) continue;
      path.push(k);
      walk(x, depth + 1);
      path.pop();
    }
  };
  for (const k of Object.keys(p)) {
    const x = p[k];
    if (x === undefined) continue;
    if (LIST_PROPS.has(k) && !Array.isArray(x)) throw propError(where, k, `must be a list, got ${show(x)}`, `pass [ ... ] (or omit ${k})`);
    path.push(k);
    walk(x, 0);
    path.pop();
  }
  // a construct's own namespace prop is a Kubernetes namespace (a provider's `namespace` is Vault's, a path)
  if (typeof scope !== 'string' && typeof p.namespace === 'string') checkNamespace(where, 'namespace', p.namespace);
  if (Array.isArray(p.namespaces)) p.namespaces.forEach((n, i) => checkNamespace(where, `namespaces[${i}]`, n));
  if (typeof scope !== 'string' && typeof p.targetNamespace === 'string') checkNamespace(where, 'targetNamespace', p.targetNamespace);
  // a construct's own `name` prop is its object's metadata.name (the Flux objects)
  if (typeof scope !== 'string' && p.name !== undefined && (typeof p.name !== 'string' || p.name.length > 253 || !DNS_SUBDOMAIN.test(p.name))) {
    throw propError(where, 'name', `must be a valid object name, got ${show(p.name)}`, 'use lower-case letters, digits, "-" and "." (at most 253 characters, starting and ending with a letter or digit)');
  }
}

/** A store reference: a SecretStore/ClusterSecretStore construct or a `fromXxxName` reference (`store: {}` is refused). */
export function checkStoreRef(scope: IConstruct, field: string, store: unknown, required = false): void {
  if (store === undefined && !required) return;
  checkObject(scope, field, store, 'a SecretStore or ClusterSecretStore', 'pass the store construct, or SecretStore.fromSecretStoreName(scope, id, name) / ClusterSecretStore.fromClusterSecretStoreName(...)',
    s => typeof s.storeName === 'string' && s.storeName !== '' && typeof s.storeKind === 'string');
}

/** The path a construct `id` under `scope` will have (for checks before `super()`). */
export function childPath(scope: IConstruct, id: string): string {
  return scope.node.path ? `${scope.node.path}/${id}` : id;
}

/** `checkProps` that returns the props (for checks inside a `super(...)` call). */
export function checked<T>(where: Where, props: T, required: readonly string[] = []): T {
  checkProps(where, props, required);
  return props;
}

/** A list of strings (each checked with `checkString`). */
export function checkStringList(where: Where, field: string, v: unknown, opts: { required?: boolean; fix?: string } = {}): void {
  if (v === undefined && !opts.required) return;
  if (!Array.isArray(v)) throw propError(where, field, `must be a list of strings, got ${show(v)}`, opts.fix ?? 'pass ["a", "b"]');
  v.forEach((x, i) => checkString(where, `${field}[${i}]`, x, { required: true, fix: opts.fix }));
}

/** The items of a list prop are instances of a library class (`data: [{}]` is refused, naming the item). */
export function checkItems(scope: IConstruct, field: string, list: unknown, shape: string, fix: string): void {
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    if (x === null || typeof x !== 'object' || typeof x._toJson !== 'function') checkObject(scope, `${field}[${i}]`, x, shape, fix, o => typeof o._toJson === 'function');
  }
}
