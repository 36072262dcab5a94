import { ApiObject, ApiObjectMetadata } from 'cdk8s';
import { Construct } from 'constructs';
import { GeneratorRef, IGenerator } from './generator-ref';
import { GeneratorSpec } from './generator-spec';
import { Resource } from '../base/resource';
import { EsoValidation } from '../synth/eso-validation';
import { createGeneratorObject, generatorRefOf } from './private/generator-object';

/**
 * What the namespaced generator constructs share: the `generators.external-secrets.io/v1alpha1` object
 * rendered from a `GeneratorSpec`. Use one of the subclasses (`PasswordGenerator`, `UuidGenerator`,
 * `VaultDynamicSecret`, `CustomGenerator`).
 */
export abstract class GeneratorBase extends Resource implements IGenerator {
  public readonly generatorKind: string;
  public readonly regeneratesOnRefresh: boolean;
  /** The spec, reusable in a {@link ClusterGenerator}. */
  public readonly spec: GeneratorSpec;
  /**
   * The underlying L1 object.
   * @deprecated use `ApiObject.of(generator)`
   */
  public readonly apiObject: ApiObject;

  /**
   * @param spec kind and spec of the generator
   * @param metadata metadata of the generator object
   */
  protected constructor(scope: Construct, id: string, spec: GeneratorSpec, metadata?: ApiObjectMetadata) {
    super(scope, id);
    EsoValidation.of(this);
    this.spec = spec;
    this.generatorKind = spec.kind;
    this.regeneratesOnRefresh = spec.regeneratesOnRefresh;
    this.apiObject = createGeneratorObject(this, spec.kind, () => this.spec.toJson(), metadata);
  }

  /**
   * `metadata.name` of the generator (the `IGenerator` member).
   * @deprecated use `name` on a generator construct; `generatorName` stays the member of `IGenerator`
   */
  public get generatorName(): string {
    return this.name;
  }

  public toGeneratorRef(): GeneratorRef {
    return generatorRefOf(this);
  }
}
