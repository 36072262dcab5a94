// Internal: the L1 ApiObject every generator construct wraps (not re-exported from the package index).
import { ApiObject, ApiObjectMetadata, JsonPatch, Lazy } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { GENERATORS_API_VERSION, RANDOM_GENERATOR_KINDS } from '../../model/generator-kinds';
import { GeneratorRef, IGenerator } from '../generator-ref';

/** Creates the `Resource` ApiObject of a generator; `spec` is produced lazily at synth. */
export function createGeneratorObject(scope: Construct, kind: string, spec: () => any, metadata: ApiObjectMetadata | undefined,
  clusterScoped = false): ApiObject {
  const obj = new ApiObject(scope, 'Resource', {
    apiVersion: GENERATORS_API_VERSION,
    kind,
    metadata,
    spec: Lazy.any({ produce: spec }),
  });
  // cdk8s puts the chart's namespace on every object: a cluster-scoped object must not carry one.
  if (clusterScoped && obj.metadata.namespace) {
    obj.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
  }
  return obj;
}

/** A generator made elsewhere, referenced by kind and name. */
export class ImportedGenerator extends Construct implements IGenerator {
  public readonly regeneratesOnRefresh: boolean;
  constructor(scope: Construct, id: string, public readonly generatorKind: string, public readonly generatorName: string,
    regenerates?: boolean) {
    super(scope, id);
    this.regeneratesOnRefresh = regenerates ?? RANDOM_GENERATOR_KINDS.includes(generatorKind);
  }
  public toGeneratorRef(): GeneratorRef {
    return generatorRefOf(this);
  }
}

/** The `generatorRef` of a generator (apiVersion always set). */
export function generatorRefOf(g: IGenerator): GeneratorRef {
  return { apiVersion: GENERATORS_API_VERSION, kind: g.generatorKind, name: g.generatorName };
}

/** True if `x` is an IGenerator (duck-typed: jsii objects cross language boundaries). */
export function isGenerator(x: IConstruct | undefined): x is IGenerator {
  return !!x && typeof (x as any).toGeneratorRef === 'function' && typeof (x as any).generatorKind === 'string';
}

/** Drops `undefined` values (shallow) so no junk reaches the YAML. */
export function compact<T extends Record<string, any>>(o: T): T {
  const out: Record<string, any> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}
