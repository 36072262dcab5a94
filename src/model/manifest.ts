/** A plain Kubernetes manifest as synthesized or read from YAML. Internal to the engine. */
export interface Manifest {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: {
    readonly name?: string;
    readonly namespace?: string;
    readonly labels?: Record<string, string>;
    readonly annotations?: Record<string, string>;
    readonly [key: string]: any;
  };
  readonly [key: string]: any;
}

/** A manifest plus where it came from, so diagnostics can point at the construct or the file. */
export interface SourcedManifest {
  readonly manifest: Manifest;
  /** Construct path (synth). */
  readonly constructPath?: string;
  /** File (CLI). */
  readonly file?: string;
  /** 1-based line of the document in the file (CLI). */
  readonly line?: number;
  /**
   * Repository mode: `namespace/name` of the Flux Kustomization that applies the object (layer rules use it
   * instead of guessing from folders).
   */
  readonly appliedBy?: string;
}

/**
 * A YAML document the CLI read but could not use as a Kubernetes object (no apiVersion/kind, a list, a
 * scalar). Rules that know where Flux applies files (e.g. a layer folder) turn it into a finding.
 */
export interface NonManifestDocument {
  readonly file: string;
  /** 1-based line of the document. */
  readonly line?: number;
}

/** Splits `group/version` (or `v1`) into its parts. */
export function parseApiVersion(apiVersion: string | undefined): { readonly group: string; readonly version: string } {
  if (typeof apiVersion !== 'string' || !apiVersion) return NO_API_VERSION;
  let parsed = API_VERSIONS.get(apiVersion);
  if (!parsed) {
    const slash = apiVersion.lastIndexOf('/');
    parsed = Object.freeze(slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) });
    // an app has a handful of distinct apiVersions, read by every rule: parsed once each (bounded for odd input)
    if (API_VERSIONS.size < 1000) API_VERSIONS.set(apiVersion, parsed);
  }
  return parsed;
}

const NO_API_VERSION = Object.freeze({ group: '', version: '' });
const API_VERSIONS = new Map<string, { readonly group: string; readonly version: string }>();

export { ESO_GROUP, GENERATORS_GROUP } from './api';

/** `namespace/name` or `name`, as printed in diagnostics. */
export function displayName(m: Manifest): string {
  const ns = m.metadata?.namespace;
  const name = m.metadata?.name ?? '<unnamed>';
  return ns ? `${ns}/${name}` : name;
}
