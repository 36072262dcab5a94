import * as path from 'path';

/** One group/version/kind of the pinned CRDs (generated/schemas/catalog.json). */
export interface CatalogEntry {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly plural: string;
  readonly scope: 'Namespaced' | 'Cluster';
  readonly served: boolean;
  readonly deprecated: boolean;
  readonly validator?: string;
  /** A "one of many" map (store providers, ClusterGenerator specs) whose alternatives have their own validators. */
  readonly parts?: { readonly pointer: string; readonly validators: Record<string, string> };
  readonly source: string;
}

export interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Record<string, any>;
  readonly message?: string;
}

type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

/** generated/ sits at the package root, two levels above both src/validation/schema and lib/validation/schema. */
const SCHEMA_DIR = path.join(__dirname, '..', '..', '..', 'generated', 'schemas');

let catalog: { kinds: Record<string, CatalogEntry> } | undefined;
const groups = new Set<string>();
const validators = new Map<string, Validator>();

function loadCatalog() {
  if (!catalog) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    catalog = require(path.join(SCHEMA_DIR, 'catalog.json')) as { kinds: Record<string, CatalogEntry> };
    for (const e of Object.values(catalog.kinds)) groups.add(e.group);
  }
  return catalog;
}

/** The pinned CRDs know this API group (ESO, generators, vault-config-operator, provider-vault). */
export function isKnownGroup(group: string): boolean {
  loadCatalog();
  return groups.has(group);
}

/** Catalog entry for a group/version/kind, if the pinned CRDs define it. */
export function lookupKind(group: string, version: string, kind: string): CatalogEntry | undefined {
  return loadCatalog().kinds[`${group}/${version}/${kind}`];
}

/** Every version the pinned CRDs define for a group/kind. */
export function versionsOf(group: string, kind: string): CatalogEntry[] {
  return Object.values(loadCatalog().kinds).filter(e => e.group === group && e.kind === kind);
}

function load(file: string): Validator {
  let v = validators.get(file);
  if (!v) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(SCHEMA_DIR, file));
    v = (mod.default ?? mod) as Validator;
    validators.set(file, v);
  }
  return v;
}

/** The precompiled validator of a served kind, loaded on first use (each is a plain `require`). */
export function validatorFor(entry: CatalogEntry): Validator | undefined {
  return entry.validator ? load(entry.validator) : undefined;
}

/** The validator of one alternative of a split kind (e.g. the `vault` provider of a store). */
export function partValidatorFor(entry: CatalogEntry, alternative: string): Validator | undefined {
  const file = entry.parts?.validators[alternative];
  return file ? load(file) : undefined;
}
