// Shared, internal helpers of the generator rules (not a rule; not re-exported from the package).
import { isObject } from './json';
import { GENERATORS_GROUP, Manifest, parseApiVersion } from './manifest';

/** ESO's default symbol set (`generators/v1/password/password.go` defaultSymbolChars): 30 characters. */
export const DEFAULT_SYMBOL_CHARACTERS = '~!@#$%^&*()_+`-={}|[]\\:"<>?,./';
export const DEFAULT_PASSWORD_LENGTH = 24;
/** Digits and symbols each default to `int(length * 0.25)`. */
export const DEFAULT_RATIO = 0.25;

/** A Password spec found in a manifest: a `Password` or a `ClusterGenerator` wrapping one. */
export interface PasswordSpecAt {
  readonly spec: Record<string, any>;
  /** Field path of the spec, `spec` or `spec.generator.passwordSpec`. */
  readonly prefix: string;
}

/** The Password spec of a generator manifest, if any. */
export function passwordSpecOf(m: Manifest): PasswordSpecAt | undefined {
  if (parseApiVersion(m.apiVersion).group !== GENERATORS_GROUP) return undefined;
  if (m.kind === 'Password' && isObject(m.spec)) return { spec: m.spec, prefix: 'spec' };
  if (m.kind === 'ClusterGenerator' && isObject(m.spec?.generator?.passwordSpec)) {
    return { spec: m.spec.generator.passwordSpec, prefix: 'spec.generator.passwordSpec' };
  }
  return undefined;
}

/** The values ESO's password generator actually uses, with where each came from. */
export interface EffectivePassword {
  readonly length: number;
  readonly digits: number;
  readonly digitsDefaulted: boolean;
  readonly symbols: number;
  readonly symbolsDefaulted: boolean;
  /** Undefined when `symbolCharacters` is an explicit empty string (go-password then uses its own set). */
  readonly symbolCharacters?: string;
  readonly symbolCharactersDefaulted: boolean;
  readonly noUpper: boolean;
  readonly allowRepeat: boolean;
}

function int(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? Math.trunc(x) : undefined;
}

/**
 * Mirrors ESO's `extractPasswordConfig`: length ≤ 0 or unset → 24; digits/symbols unset →
 * `int(float32(length) * 0.25)`; symbolCharacters unset → the 30 default symbols.
 */
export function effectivePassword(spec: Record<string, any>): EffectivePassword {
  const rawLength = int(spec.length);
  const length = rawLength !== undefined && rawLength > 0 ? rawLength : DEFAULT_PASSWORD_LENGTH;
  const d = int(spec.digits);
  const s = int(spec.symbols);
  const chars = typeof spec.symbolCharacters === 'string' ? spec.symbolCharacters : undefined;
  return {
    length,
    digits: d ?? Math.floor(length * DEFAULT_RATIO),
    digitsDefaulted: d === undefined,
    symbols: s ?? Math.floor(length * DEFAULT_RATIO),
    symbolsDefaulted: s === undefined,
    symbolCharacters: chars === undefined ? DEFAULT_SYMBOL_CHARACTERS : (chars === '' ? undefined : chars),
    symbolCharactersDefaulted: chars === undefined,
    noUpper: spec.noUpper === true,
    allowRepeat: spec.allowRepeat === true,
  };
}

/** Distinct characters of a string (go-password counts bytes of its set; ASCII sets make that equal). */
export function distinct(s: string): number {
  return new Set([...s]).size;
}
