import { Construct } from 'constructs';
import { GeneratorBase } from './generator-base';
import { GeneratorKind } from './generator-kind';
import { IGenerator } from './generator-ref';
import { GeneratorSpec } from './generator-spec';
import { ResourceProps } from '../base/resource';
import { ImportedGenerator } from './private/generator-object';
import { checkProps, childPath } from '../base/private/prop-checks';

/** Props of a {@link UuidGenerator}. */
export interface UuidGeneratorProps extends ResourceProps {}

/**
 * A `UUID` generator: a new random (v4) UUID under the key `uuid` on every run. Like the Password
 * generator, an ExternalSecret fed by it should generate once (`refreshPolicy: CreatedOnce`).
 */
export class UuidGenerator extends GeneratorBase implements IGenerator {
  /** References a UUID generator made elsewhere (in the consumer's namespace). */
  public static fromUuidGeneratorName(scope: Construct, id: string, name: string): IGenerator {
    return new ImportedGenerator(scope, id, GeneratorKind.UUID, name, true);
  }

  constructor(scope: Construct, id: string, props: UuidGeneratorProps = {}) {
    checkProps(childPath(scope, id), props);
    super(scope, id, GeneratorSpec.uuid(), props.metadata);
  }
}
