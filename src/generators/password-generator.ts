import { Construct } from 'constructs';
import { GeneratorBase } from './generator-base';
import { GeneratorKind } from './generator-kind';
import { IGenerator } from './generator-ref';
import { GeneratorSpec } from './generator-spec';
import { ResourceProps } from '../base/resource';
import { ImportedGenerator } from './private/generator-object';
import { checkCount, checkProps, checkString, checkStringList, childPath } from '../base/private/prop-checks';

/** How the Password generator encodes each generated password (`spec.encoding`). */
export enum PasswordEncoding {
  /** The password as generated. */
  RAW = 'raw',
  /** Standard base64. */
  BASE64 = 'base64',
  /** URL-safe base64. */
  BASE64URL = 'base64url',
  /** base32. */
  BASE32 = 'base32',
  /** Hexadecimal. */
  HEX = 'hex',
}

/**
 * The spec of a Password generator. ESO fills unset counts with 25 % of `length` each and checks the
 * arithmetic only at runtime (the generator then fails every reconcile): the library's
 * `ESO-GEN-PASSWORD-ARITHMETIC` rule computes it at synth instead.
 *
 * With `allowRepeat: false` (ESO's default) every character must be distinct, so a password can hold at
 * most 52 letters (26 with `noUpper`), 10 digits and `symbolCharacters.length` symbols. With the default
 * 25 % ratios, `length >= 44` therefore fails (44 × 0.25 = 11 digits > 10): set `allowRepeat: true` or
 * explicit `digits`/`symbols`.
 */
export interface PasswordGeneratorOptions {
  /**
   * Number of characters.
   * @default 24
   */
  readonly length?: number;
  /**
   * Number of digits.
   * @default - ESO uses 25 % of `length`, rounded down
   */
  readonly digits?: number;
  /**
   * Number of symbols.
   * @default - ESO uses 25 % of `length`, rounded down
   */
  readonly symbols?: number;
  /**
   * The symbols to draw from. An empty string does NOT disable symbols (the underlying library falls back
   * to its own set): set `symbols: 0` instead.
   * @default - ESO's 30 symbols ``~!@#$%^&*()_+`-={}|[]\:"<>?,./``
   */
  readonly symbolCharacters?: string;
  /**
   * Only lower-case letters.
   * @default false
   */
  readonly noUpper?: boolean;
  /**
   * Characters may repeat. Needed for long passwords (see the class docs).
   * @default false
   */
  readonly allowRepeat?: boolean;
  /**
   * Output keys: each gets its own password. Must be non-empty and unique.
   * @default - one key, `password`
   */
  readonly secretKeys?: string[];
  /**
   * Encoding of the generated passwords.
   * @default - raw (ESO's default, not emitted)
   */
  readonly encoding?: PasswordEncoding;
}

/** Props of a {@link PasswordGenerator}. */
export interface PasswordGeneratorProps extends PasswordGeneratorOptions, ResourceProps {
}

/** Longest password the generator is asked for (ESO generates it in memory on every refresh). */
const MAX_PASSWORD_LENGTH = 4096;

function checkedPasswordProps(where: string, props: PasswordGeneratorProps): PasswordGeneratorProps {
  checkProps(where, props);
  checkCount(where, 'length', props.length, 1, MAX_PASSWORD_LENGTH);
  const length = props.length ?? 24;
  checkCount(where, 'digits', props.digits, 0, length);
  checkCount(where, 'symbols', props.symbols, 0, length);
  if (props.symbolCharacters !== undefined && typeof props.symbolCharacters !== 'string') checkString(where, 'symbolCharacters', props.symbolCharacters);
  checkStringList(where, 'secretKeys', props.secretKeys, { fix: 'pass the keys of the generated Secret, e.g. ["password"]' });
  return props;
}

/**
 * A `Password` generator (`generators.external-secrets.io/v1alpha1`): a new random password on every run.
 *
 * Feed it to an ExternalSecret (`dataFrom[].sourceRef.generatorRef`) to materialize the password in a
 * Kubernetes Secret, then push it to Vault with a PushSecret. `length`, `noUpper` and `allowRepeat` are
 * always emitted: the CRD marks them required, and offline validators do not apply CRD defaults.
 *
 * Generate once vs rotate: an ExternalSecret regenerates the password on every `refreshInterval`
 * (ESO #2377). The library's ExternalSecret defaults to `refreshPolicy: CreatedOnce` when fed by a
 * Password or UUID generator; opt into rotation with `refreshPolicy: Periodic` and the rotation period as
 * `refreshInterval` (rule `ESO-GEN-REFRESH` catches hand-written YAML that forgets either). A rotation table
 * for a typical platform:
 *
 * | secret             | rotation      | ExternalSecret props                                                      | emitted                |
 * |--------------------|---------------|---------------------------------------------------------------------------|------------------------|
 * | database passwords | 90 days       | `refreshPolicy: RefreshPolicy.PERIODIC, refreshInterval: Duration.days(90)` | `refreshInterval: 2160h` |
 * | JWT signing keys   | 30 days       | `refreshPolicy: RefreshPolicy.PERIODIC, refreshInterval: Duration.days(30)` | `refreshInterval: 720h`  |
 * | API keys           | on compromise | (default) `refreshPolicy: CreatedOnce`; rotate by deleting the target Secret's data or recreating the ExternalSecret | `refreshPolicy: CreatedOnce` |
 *
 * A PushSecret that pushes the generated Secret (refreshInterval 1h by default) then carries each new
 * value to Vault within the hour. Keep rotating ExternalSecrets generator-only: store values in the same
 * ExternalSecret would be polled at the rotation period, and every poll regenerates the password.
 */
export class PasswordGenerator extends GeneratorBase implements IGenerator {
  /** References a Password generator made elsewhere (in the consumer's namespace). */
  public static fromPasswordGeneratorName(scope: Construct, id: string, name: string): IGenerator {
    return new ImportedGenerator(scope, id, GeneratorKind.PASSWORD, name, true);
  }

  constructor(scope: Construct, id: string, props: PasswordGeneratorProps = {}) {
    super(scope, id, GeneratorSpec.password(checkedPasswordProps(childPath(scope, id), props)), props.metadata);
  }
}
