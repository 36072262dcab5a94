import { CatalogEntry, SchemaError, isKnownGroup, lookupKind, partValidatorFor, validatorFor } from './catalog';
import { CelViolation, celRulesFor, evaluateCel } from './cel';
import { Manifest, parseApiVersion } from '../../model/manifest';
import { ManifestIndex } from '../../model/manifest-index';

/** What the API server's create path makes of an object of a pinned CRD kind (in its order). */
export interface Admission {
  readonly entry: CatalogEntry;
  /** The object after defaulting (a copy: the manifest is never changed). */
  readonly defaulted: Record<string, unknown>;
  /** OpenAPI errors (ajv), after defaulting. */
  readonly schemaErrors: readonly SchemaError[];
  /** metadata errors (apimachinery's ValidateObjectMetaAccessor for a custom resource: name, namespace). */
  readonly metaErrors: readonly MetaError[];
  /** CEL x-kubernetes-validations violations; undefined when CEL did not run (a blocking OpenAPI error came first). */
  readonly cel?: readonly CelViolation[];
}

export interface MetaError {
  readonly field: string;
  readonly message: string;
  readonly required?: boolean;
  /** The API server drops the malformed field silently (objectmeta DropMalformedFields) and the object works: a warning. */
  readonly dropped?: boolean;
}

// k8s.io/apimachinery/pkg/util/validation: IsDNS1123Subdomain (custom resource names) and IsDNS1123Label (namespaces)
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** apimachinery IsQualifiedName: `[prefix/]name`, prefix a DNS subdomain, name at most 63 characters. */
function qualifiedNameError(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return 'a qualified name must consist of an optional DNS subdomain prefix and "/" and a name';
  const name = parts[parts.length - 1];
  if (parts.length === 2 && (!parts[0] || parts[0].length > 253 || !DNS1123_SUBDOMAIN.test(parts[0]))) return 'prefix part must be a lowercase RFC 1123 subdomain';
  if (!name) return 'name part must be non-empty';
  if (name.length > 63) return 'name part must be no more than 63 characters';
  if (!QUALIFIED_NAME.test(name)) return 'name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character';
  return undefined;
}

/** Labels and annotations as ValidateObjectMeta checks them (string values; qualified-name keys; label values). */
function mapErrors(md: any, out: MetaError[], decodedByEso: boolean) {
  for (const where of ['labels', 'annotations'] as const) {
    const map = md[where];
    if (map === undefined || map === null) continue;
    if (typeof map !== 'object' || Array.isArray(map)) {
      out.push({ field: `metadata.${where}`, message: 'must be a map of strings' });
      continue;
    }
    let size = 0;
    for (const [k, v] of Object.entries(map)) {
      const field = `metadata.${where}[${JSON.stringify(k)}]`;
      const keyErr = qualifiedNameError(where === 'annotations' ? k.toLowerCase() : k);
      if (keyErr) out.push({ field, message: `key ${JSON.stringify(k)}: ${keyErr}` });
      if (typeof v !== 'string') {
        // ESO decodes its objects into Go types (webhook, controller), which fails; for other kinds the API server
        // drops the malformed map silently
        out.push(decodedByEso
          ? { field, message: `value ${JSON.stringify(v)} must be a string (quote it in YAML): ESO cannot decode the object` }
          : { field, message: `value ${JSON.stringify(v)} is not a string: the API server silently drops the ${where} (quote it in YAML)`, dropped: true });
        continue;
      }
      size += k.length + v.length;
      if (where === 'labels' && (v.length > 63 || !LABEL_VALUE.test(v))) {
        out.push({ field, message: `value ${JSON.stringify(v.slice(0, 70))}: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', start and end with an alphanumeric character, at most 63 characters` });
      }
    }
    if (where === 'annotations' && size > 256 * 1024) out.push({ field: 'metadata.annotations', message: 'annotations may not exceed 256 KiB in total' });
  }
}

/** What the API server's ValidateObjectMetaAccessor(obj, namespaced, NameIsDNSSubdomain) says about name and namespace. */
function metaErrorsOf(m: Manifest, namespaced: boolean, decodedByEso: boolean): MetaError[] {
  const out: MetaError[] = [];
  const md: any = m.metadata ?? {};
  const name = md.name;
  if (name === undefined || name === null || name === '') {
    if (!md.generateName) out.push({ field: 'metadata.name', message: 'name or generateName is required', required: true });
  } else if (typeof name === 'string') {
    if (name.length > 253) {out.push({ field: 'metadata.name', message: `${JSON.stringify(name.slice(0, 20))}…: must be no more than 253 characters` });} else if (!DNS1123_SUBDOMAIN.test(name)) {
      out.push({ field: 'metadata.name', message: `${JSON.stringify(name)}: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character` });
    }
  }
  mapErrors(md, out, decodedByEso);
  const ns = md.namespace;
  if (typeof ns === 'string' && ns !== '' && namespaced && (ns.length > 63 || !DNS1123_LABEL.test(ns))) {
    out.push({ field: 'metadata.namespace', message: `${JSON.stringify(ns)}: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', start and end with an alphanumeric character, and be at most 63 characters` });
  }
  return out;
}

// strategy.go hasBlockingErr: NotSupported (enum), Required, TooLong, TooMany, TypeInvalid stop CEL.
const BLOCKING = new Set(['enum', 'required', 'maxLength', 'maxItems', 'maxProperties', 'type']);

/** Where admissions are kept for reuse: a `WeakMap`, or the run's `admissions(index)`. */
export interface AdmissionCache {
  get(m: object): Admission | null | undefined;
  set(m: object, a: Admission | null): unknown;
}

/**
 * Defaults, validates (OpenAPI) and, when nothing blocking came first, evaluates the CEL rules, as
 * apiextensions-apiserver does on create. Undefined for objects of kinds the pinned CRDs do not serve.
 * One result per manifest object and `cache`.
 */
export function admit(m: Manifest, cache: AdmissionCache = new WeakMap()): Admission | undefined {
  const hit = cache.get(m);
  if (hit !== undefined) return hit ?? undefined;
  const result = compute(m);
  cache.set(m, result ?? null);
  return result;
}

/**
 * Keeps the last admission only. ESO-SCHEMA and ESO-SCHEMA-CEL are object rules, which the engine runs one
 * object at a time, so the second reuses the first's admission and each defaulted copy is garbage as soon as
 * the engine moves to the next object (holding every copy for the run added ~10 MB at 10 000 objects).
 */
class LastAdmission implements AdmissionCache {
  private key?: object;
  private value?: Admission | null;

  public get(m: object): Admission | null | undefined {
    return m === this.key ? this.value : undefined;
  }

  public set(m: object, a: Admission | null): void {
    this.key = m;
    this.value = a;
  }
}

/** The admissions of one validation run (one per index): ESO-SCHEMA and ESO-SCHEMA-CEL share them. */
export function admissions(index: ManifestIndex): AdmissionCache {
  return index.memo('admissions', () => new LastAdmission());
}

/**
 * A copy of a JSON value without the object fields whose value is null (list items stay: a null item is a type
 * error upstream too). One walk instead of structuredClone plus a second pass: manifests are plain JSON.
 */
function copyWithoutNullFields(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = copyWithoutNullFields(v[i]);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k in v as Record<string, unknown>) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
    const x = (v as Record<string, unknown>)[k];
    if (x === null) continue;
    if (k === '__proto__') Object.defineProperty(out, k, { value: copyWithoutNullFields(x), enumerable: true, writable: true, configurable: true });
    else out[k] = copyWithoutNullFields(x);
  }
  return out;
}

function compute(m: Manifest): Admission | undefined {
  const { group, version } = parseApiVersion(m.apiVersion);
  if (!group || !m.kind || !isKnownGroup(group)) return undefined;
  const entry = lookupKind(group, version, m.kind);
  if (!entry?.served) return undefined;
  const validate = validatorFor(entry);
  if (!validate) return undefined;
  // validators fill CRD defaults in (defaulting runs before validation in the API server): check a copy,
  // without the nulls the API server prunes first (PruneNonNullableNullsWithoutDefaults: a field set to null
  // is absent, then defaulted)
  const copy = copyWithoutNullFields(m) as Record<string, unknown>;
  const errors: SchemaError[] = validate(copy) ? [] : [...(validate.errors ?? [])];
  if (entry.parts) {
    // Each alternative present (e.g. spec.provider.vault) is checked by its own validator.
    let holder: any = copy;
    for (const seg of entry.parts.pointer.split('/').slice(1)) holder = holder && typeof holder === 'object' ? holder[seg] : undefined;
    if (holder && typeof holder === 'object' && !Array.isArray(holder)) {
      for (const [alt, value] of Object.entries(holder)) {
        const part = partValidatorFor(entry, alt);
        if (part && !part(value)) {
          for (const e of part.errors ?? []) errors.push({ ...e, instancePath: `${entry.parts.pointer}/${alt}${e.instancePath}` });
        }
      }
    }
  }
  const metaErrors = metaErrorsOf(m, entry.scope === 'Namespaced', entry.group.endsWith('external-secrets.io'));
  const blocked = errors.some(e => BLOCKING.has(e.keyword)) || metaErrors.some(e => e.required);
  const rules = celRulesFor(`${entry.group}/${entry.version}/${entry.kind}`);
  const cel = blocked ? undefined : evaluateCel(rules, copy);
  return { entry, defaulted: copy, schemaErrors: errors, metaErrors, cel };
}
