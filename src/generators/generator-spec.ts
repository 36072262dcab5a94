import { GeneratorKind } from './generator-kind';
import type { PasswordGeneratorOptions } from './password-generator';
import { RANDOM_GENERATOR_KINDS, clusterGeneratorSpecField } from './private/generator-util';

/**
 * The spec of a generator, independent of where it lives: the same spec renders as a namespaced
 * generator (`PasswordGenerator`, ...) or inside a cluster-scoped {@link ClusterGenerator}.
 */
export class GeneratorSpec {
  /** A Password spec (see {@link PasswordGeneratorOptions} for the arithmetic ESO enforces at runtime). */
  public static password(options: PasswordGeneratorOptions = {}): GeneratorSpec {
    return new GeneratorSpec(GeneratorKind.PASSWORD, () => renderPassword(options));
  }

  /** A UUID spec (empty: a random v4 UUID under the key `uuid`). */
  public static uuid(): GeneratorSpec {
    return new GeneratorSpec(GeneratorKind.UUID, () => ({}));
  }

  /**
   * Escape hatch for the kinds without a dedicated class (ACRAccessToken, ECRAuthorizationToken,
   * SSHKey, Webhook, ...): the spec as written in the CRD. It is checked against the pinned CRD schema
   * at synth (rule `ESO-SCHEMA`), like every other object.
   *
   * @param kind the generator kind
   * @param spec the `spec` object, exactly as in YAML
   */
  public static custom(kind: GeneratorKind, spec: { [key: string]: any }): GeneratorSpec {
    const copy = JSON.parse(JSON.stringify(spec ?? {}));
    return new GeneratorSpec(kind, () => copy);
  }

  /** @internal */
  public static _of(kind: GeneratorKind, render: () => any): GeneratorSpec {
    return new GeneratorSpec(kind, render);
  }

  /** True for kinds whose every run yields a new random value (Password, UUID, SSHKey). */
  public readonly regeneratesOnRefresh: boolean;
  /** Field of a ClusterGenerator's `spec.generator` that holds this spec, e.g. `passwordSpec`. */
  public readonly clusterGeneratorField: string;

  private constructor(
    /** The generator kind. */
    public readonly kind: GeneratorKind,
    private readonly render: () => any,
  ) {
    this.regeneratesOnRefresh = RANDOM_GENERATOR_KINDS.includes(kind);
    this.clusterGeneratorField = clusterGeneratorSpecField(kind);
  }

  /** The `spec` object as emitted. */
  public toJson(): any {
    return this.render();
  }
}

function renderPassword(o: PasswordGeneratorOptions): any {
  const out: Record<string, any> = {
    // Required by the CRD (defaulted by the API server, but offline validators do not apply defaults).
    length: o.length ?? 24,
    noUpper: o.noUpper ?? false,
    allowRepeat: o.allowRepeat ?? false,
  };
  if (o.digits !== undefined) out.digits = o.digits;
  if (o.symbols !== undefined) out.symbols = o.symbols;
  if (o.symbolCharacters !== undefined) out.symbolCharacters = o.symbolCharacters;
  if (o.secretKeys !== undefined) out.secretKeys = [...o.secretKeys];
  if (o.encoding !== undefined) out.encoding = o.encoding;
  return out;
}
