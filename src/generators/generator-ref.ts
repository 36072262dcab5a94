import { IConstruct } from 'constructs';

/** `generatorRef` as emitted into ExternalSecret `dataFrom[].sourceRef` and PushSecret `selector`. */
export interface GeneratorRef {
  /** @default generators.external-secrets.io/v1alpha1 */
  readonly apiVersion: string;
  /** Generator kind, e.g. `Password` or `ClusterGenerator`. */
  readonly kind: string;
  /** Name of the generator object. */
  readonly name: string;
}

/** A generator (Password, UUID, VaultDynamicSecret, ClusterGenerator, …) made here or referenced by name. */
export interface IGenerator extends IConstruct {
  /** Generator kind, e.g. `Password`. */
  readonly generatorKind: string;
  /** `metadata.name` of the generator. */
  readonly generatorName: string;
  /**
   * True when every run produces a new random value (Password, UUID, SSHKey): ExternalSecrets fed by
   * it default to `refreshPolicy: CreatedOnce` so the value is generated once.
   */
  readonly regeneratesOnRefresh: boolean;
  /** The `generatorRef` that points at this generator. */
  toGeneratorRef(): GeneratorRef;
}
