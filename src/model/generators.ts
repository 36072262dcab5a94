// Shared, internal helpers of the generator rules (not a rule; not re-exported from the package).
import { RANDOM_GENERATOR_KINDS } from './generator-kinds';
import { isObject } from './json';
import { ESO_GROUP, GENERATORS_GROUP, Manifest, displayName, parseApiVersion } from './manifest';
import { ManifestIndex } from './manifest-index';
import { addTo } from './multimap';

/** One `generatorRef` found in an ESO object. */
export interface GeneratorRefUse {
  readonly manifest: Manifest;
  readonly field: string;
  readonly ref: Record<string, any>;
  /** Namespace the ref resolves in (undefined for cluster-scoped consumers that fan out). */
  readonly namespace?: string;
  /** `ExternalSecret ns/name`, ... for messages. */
  readonly label: string;
  /** True for PushSecret / ClusterPushSecret selectors. */
  readonly push: boolean;
}

/** The generatorRefs of one ES / CES / PS / CPS manifest (run on every such object: allocates only for refs found). */
export function generatorRefsOf(m: Manifest): GeneratorRefUse[] {
  if (parseApiVersion(m.apiVersion).group !== ESO_GROUP) return [];
  const out: GeneratorRefUse[] = [];
  const ns = m.metadata?.namespace;
  switch (m.kind) {
    case 'ExternalSecret': fromEsSpec(out, m, m.spec, 'spec', ns); break;
    case 'ClusterExternalSecret': fromEsSpec(out, m, m.spec?.externalSecretSpec, 'spec.externalSecretSpec', undefined); break;
    case 'PushSecret': addRef(out, m, m.spec?.selector?.generatorRef, 'spec.selector.generatorRef', ns, true); break;
    case 'ClusterPushSecret': addRef(out, m, m.spec?.pushSecretSpec?.selector?.generatorRef, 'spec.pushSecretSpec.selector.generatorRef', undefined, true); break;
    default: break;
  }
  return out;
}

function fromEsSpec(out: GeneratorRefUse[], m: Manifest, spec: any, prefix: string, namespace: string | undefined): void {
  if (!isObject(spec) || !Array.isArray(spec.dataFrom)) return;
  for (let i = 0; i < spec.dataFrom.length; i++) {
    const ref = spec.dataFrom[i]?.sourceRef?.generatorRef;
    if (isObject(ref)) addRef(out, m, ref, `${prefix}.dataFrom[${i}].sourceRef.generatorRef`, namespace, false);
  }
}

function addRef(out: GeneratorRefUse[], m: Manifest, ref: unknown, field: string, namespace: string | undefined, push: boolean): void {
  if (isObject(ref)) out.push({ manifest: m, field, ref, namespace, label: `${m.kind} "${displayName(m)}"`, push });
}

/** Generators of the app by `namespace|name` (ClusterGenerators under `|name`), built once per run. */
export function generatorsByName(index: ManifestIndex): Map<string, Manifest[]> {
  return index.memo('generators:by-name', () => {
    const map = new Map<string, Manifest[]>();
    for (const item of index.items) {
      const g = item.manifest;
      if (parseApiVersion(g.apiVersion).group !== GENERATORS_GROUP || g.kind === 'GeneratorState') continue;
      const key = `${g.kind === 'ClusterGenerator' ? '' : (g.metadata?.namespace ?? '')}|${g.metadata?.name ?? ''}`;
      addTo(map, key, g);
    }
    return map;
  });
}

/** The generator a ref points at, if the app defines it. */
export function resolveGenerator(index: ManifestIndex, use: GeneratorRefUse): Manifest | undefined {
  const kind = use.ref.kind;
  const name = use.ref.name;
  if (typeof kind !== 'string' || typeof name !== 'string') return undefined;
  if (kind === 'ClusterGenerator') return index.get(GENERATORS_GROUP, 'ClusterGenerator', undefined, name);
  if (use.namespace === undefined) return undefined;
  return index.get(GENERATORS_GROUP, kind, use.namespace, name);
}

/**
 * The generator kind that actually runs: the ref's kind, or for a ClusterGenerator the kind it wraps
 * (when the app defines it; undefined otherwise).
 */
export function effectiveGeneratorKind(index: ManifestIndex, use: GeneratorRefUse): string | undefined {
  const kind = use.ref.kind;
  if (kind !== 'ClusterGenerator') return typeof kind === 'string' ? kind : undefined;
  const cg = resolveGenerator(index, use);
  return typeof cg?.spec?.kind === 'string' ? cg.spec.kind : undefined;
}

/** Password, UUID, SSHKey: every run yields a new random value. */
export function isRandomKind(kind: string | undefined): boolean {
  return kind !== undefined && RANDOM_GENERATOR_KINDS.includes(kind);
}
