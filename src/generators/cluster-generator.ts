import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { GeneratorKind } from './generator-kind';
import { GeneratorRef, IGenerator } from './generator-ref';
import { GeneratorSpec } from './generator-spec';
import { checkObject, checkProps } from '../base/private/prop-checks';
import { Resource, ResourceProps } from '../base/resource';
import { EsoValidation } from '../synth/eso-validation';
import { ImportedGenerator, createGeneratorObject, generatorRefOf } from './private/generator-object';
import { RANDOM_GENERATOR_KINDS } from '../model/generator-kinds';

/** Props of a {@link ClusterGenerator}. */
export interface ClusterGeneratorProps extends ResourceProps {
  /**
   * The wrapped generator: `GeneratorSpec.password({...})`, `GeneratorSpec.uuid()`,
   * `GeneratorSpec.vaultDynamicSecret({...})`, `GeneratorSpec.custom(kind, spec)`, or the `spec` of an
   * existing generator construct (`passwordGenerator.spec`).
   */
  readonly generator: GeneratorSpec;
}

/** Options of `ClusterGenerator.fromClusterGeneratorName()`. */
export interface FromClusterGeneratorNameOptions {
  /**
   * The kind the ClusterGenerator wraps (its `spec.kind`). Give it for a Password, UUID or SSHKey generator,
   * so ExternalSecrets fed by it default to `refreshPolicy: CreatedOnce` and generate once.
   * @default - not known: treated as a generator that does not make a new value on every run
   */
  readonly wrappedKind?: GeneratorKind;
}

/**
 * A cluster-scoped `ClusterGenerator`: one generator definition usable from every namespace
 * (`generatorRef.kind: ClusterGenerator`). It still runs in the consumer's namespace: Secret and
 * ServiceAccount references of the wrapped spec resolve there.
 *
 * `spec.kind` and the populated `spec.generator.<kind>Spec` always match (ESO fails with
 * "when kind is X, XSpec must be set" otherwise; rule `ESO-GEN-CLUSTER-KIND` checks hand-written YAML).
 */
export class ClusterGenerator extends Resource implements IGenerator {
  /**
   * References a ClusterGenerator made elsewhere.
   * @param name `metadata.name` of the ClusterGenerator
   * @param options the kind it wraps
   */
  public static fromClusterGeneratorName(scope: Construct, id: string, name: string,
    options: FromClusterGeneratorNameOptions = {}): IGenerator {
    const kind = options.wrappedKind;
    return new ImportedGenerator(scope, id, 'ClusterGenerator', name, kind ? RANDOM_GENERATOR_KINDS.includes(kind) : false);
  }

  public readonly generatorKind: string = 'ClusterGenerator';
  public readonly regeneratesOnRefresh: boolean;
  /** The kind of the wrapped generator. */
  public readonly wrappedKind: GeneratorKind;
  /**
   * The underlying L1 object.
   * @deprecated use `ApiObject.of(clusterGenerator)`
   */
  public readonly apiObject: ApiObject;

  constructor(scope: Construct, id: string, props: ClusterGeneratorProps) {
    super(scope, id);
    checkProps(this, props, ['generator']);
    checkObject(this.node.path, 'generator', props.generator, 'a GeneratorSpec', 'use GeneratorSpec.password(...), GeneratorSpec.uuid(), GeneratorSpec.vaultDynamicSecret(...) or GeneratorSpec.custom(...)',
      g => typeof g.kind === 'string' && typeof g.toJson === 'function');
    EsoValidation.of(this);
    const spec = props.generator;
    this.wrappedKind = spec.kind;
    this.regeneratesOnRefresh = spec.regeneratesOnRefresh;
    this.apiObject = createGeneratorObject(this, 'ClusterGenerator',
      () => ({ kind: spec.kind, generator: { [spec.clusterGeneratorField]: spec.toJson() } }), props.metadata, true);
  }

  /**
   * `metadata.name` of the ClusterGenerator (the `IGenerator` member).
   * @deprecated use `name`; `generatorName` stays the member of `IGenerator`
   */
  public get generatorName(): string {
    return this.name;
  }

  public toGeneratorRef(): GeneratorRef {
    return generatorRefOf(this);
  }
}
