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

function load() {
  if (!catalog) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    catalog = require(path.join(SCHEMA_DIR, 'catalog.json')) as { kinds: Record<string, CatalogEntry> };
    for (const e of Object.values(catalog.kinds)) groups.add(e.group);
  }
  return catalog;
}

/** The pinned CRDs know this API group (ESO, generators, vault-config-operator, provider-vault). */
export function isKnownGroup(group: string): boolean {
  load();
  return groups.has(group);
}

/** Catalog entry for a group/version/kind, if the pinned CRDs define it. */
export function lookupKind(group: string, version: string, kind: string): CatalogEntry | undefined {
  return load().kinds[`${group}/${version}/${kind}`];
}

/** Every version the pinned CRDs define for a group/kind. */
export function versionsOf(group: string, kind: string): CatalogEntry[] {
  return Object.values(load().kinds).filter(e => e.group === group && e.kind === kind);
}

/** The precompiled validator of a served kind, loaded on first use (each is a plain `require`). */
export function validatorFor(entry: CatalogEntry): Validator | undefined {
  if (!entry.validator) return undefined;
  let v = validators.get(entry.validator);
  if (!v) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(SCHEMA_DIR, entry.validator));
    v = (mod.default ?? mod) as Validator;
    validators.set(entry.validator, v);
  }
  return v;
}
