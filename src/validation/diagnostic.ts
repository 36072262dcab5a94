/**
 * How bad a finding is. Errors fail `cdk8s synth` and `cdk8s-eso validate`; warnings are printed and
 * only fail in strict mode.
 */
export enum Severity {
  /** Fails the synth / the CLI run. */
  ERROR = 'error',
  /** Printed; fails only in strict mode. */
  WARNING = 'warning',
}

/** The object a diagnostic is about. */
export interface ObjectReference {
  /** apiVersion of the object. @default - unknown */
  readonly apiVersion?: string;
  /** Kind of the object. @default - unknown */
  readonly kind?: string;
  /** Namespace of the object. @default - cluster-scoped or not set */
  readonly namespace?: string;
  /** Name of the object. @default - not set */
  readonly name?: string;
}

/** One finding of the validation engine. */
export interface Diagnostic {
  /** Error or warning. */
  readonly severity: Severity;
  /** Stable rule identifier, e.g. `ESO-VAULT-KV-PATH`. */
  readonly ruleId: string;
  /** The object the finding is about. */
  readonly object: ObjectReference;
  /** Path of the construct that produced the object (synth only). @default - not known (CLI) */
  readonly constructPath?: string;
  /** File the object was read from (CLI only). @default - not read from a file */
  readonly file?: string;
  /** 1-based line of the document in `file`. @default - unknown */
  readonly line?: number;
  /** JSON path of the offending field, e.g. `spec.data[0].remoteRef.key`. Empty for the whole object. */
  readonly field: string;
  /** What is wrong. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
}
