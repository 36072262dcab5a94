import { Construct } from 'constructs';
import { GeneratorBase } from './generator-base';
import { GeneratorKind } from './generator-kind';
import { IGenerator } from './generator-ref';
import { GeneratorSpec } from './generator-spec';
import { ResourceProps } from '../base/resource';
import { ImportedGenerator } from './private/generator-object';
import { checked, childPath } from '../base/private/prop-checks';

/** Props of a {@link CustomGenerator}. */
export interface CustomGeneratorProps extends ResourceProps {
  /** The generator kind, e.g. `GeneratorKind.SSH_KEY` or `GeneratorKind.ECR_AUTHORIZATION_TOKEN`. */
  readonly kind: GeneratorKind;
  /**
   * The `spec`, exactly as in YAML. Checked against the pinned CRD schema at synth (`ESO-SCHEMA`):
   * unknown fields, missing required fields and bad enum values fail the synth.
   * @default - an empty spec
   */
  readonly spec?: { [key: string]: any };
}

/** Options of `CustomGenerator.fromGeneratorName()`. */
export interface FromGeneratorNameOptions {
  /** The generator kind (`generatorRef.kind`), e.g. `GeneratorKind.SSH_KEY`. */
  readonly kind: GeneratorKind;
}

/**
 * Escape hatch for the generator kinds without a dedicated class (ACRAccessToken, CloudsmithAccessToken,
 * ECRAuthorizationToken, Fake, GCRAccessToken, GithubAccessToken, GitlabDeployToken, Grafana, MFA,
 * QuayAccessToken, SSHKey, STSSessionToken, Webhook, BeyondtrustWorkloadCredentialsDynamicSecret).
 * The spec is schema-checked at synth like every object of the app.
 */
export class CustomGenerator extends GeneratorBase implements IGenerator {
  /**
   * References a generator of any kind made elsewhere (in the consumer's namespace).
   * @param name `metadata.name` of the generator
   * @param options its kind
   */
  public static fromGeneratorName(scope: Construct, id: string, name: string, options: FromGeneratorNameOptions): IGenerator {
    return new ImportedGenerator(scope, id, options.kind, name);
  }

  constructor(scope: Construct, id: string, props: CustomGeneratorProps) {
    super(scope, id, GeneratorSpec.custom(checked(childPath(scope, id), props, ['kind']).kind, props.spec ?? {}), props.metadata);
  }
}
