import * as kplus from 'cdk8s-plus-28';
import { IGenerator } from '../generators/generator-ref';
import { labelSelectorJson } from './private/render';

/**
 * What a PushSecret pushes (`spec.selector`): a Kubernetes Secret of its own namespace, Secrets chosen
 * by label, or the output of a generator.
 */
export class PushSource {
  /** A Secret of the PushSecret's namespace, e.g. `externalSecret.targetSecret`. */
  public static secret(secret: kplus.ISecret): PushSource {
    return new PushSource(() => ({ secret: { name: secret.name } }), secret.name);
  }

  /** A Secret of the PushSecret's namespace, by name. */
  public static secretName(name: string): PushSource {
    return new PushSource(() => ({ secret: { name } }), name);
  }

  /** Every Secret of the PushSecret's namespace matching the selector. */
  public static secretsMatching(selector: kplus.LabelSelector): PushSource {
    return new PushSource(() => ({ secret: { selector: labelSelectorJson(selector) } }));
  }

  /**
   * The output of a generator, produced anew on every refresh: the remote value ROTATES every
   * `refreshInterval` (use `Duration.seconds(0)` to push once).
   */
  public static generator(generator: IGenerator): PushSource {
    return new PushSource(() => ({ generatorRef: { ...generator.toGeneratorRef() } }), undefined, generator);
  }

  private constructor(
    private readonly render: () => any,
    /**
     * Name of the source Secret.
     * @default - not a single named Secret
     */
    public readonly sourceSecretName?: string,
    /**
     * The source generator.
     * @default - not a generator
     */
    public readonly sourceGenerator?: IGenerator,
  ) {}

  /** @internal */
  public _toJson(): any {
    return this.render();
  }
}
