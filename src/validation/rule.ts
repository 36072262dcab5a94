import { Severity } from './diagnostic';
import { Manifest, NonManifestDocument } from '../model/manifest';
import type { ManifestIndex } from '../model/manifest-index';

/** What a rule reports: the engine adds rule id, object, construct path/file. */
export interface Finding {
  /** JSON path of the field, e.g. `spec.provider.vault.path`. '' for the whole object. */
  readonly field: string;
  readonly message: string;
  readonly fix: string;
  /** Overrides the rule's default severity (e.g. a rule that is W in one case and E in another). */
  readonly severity?: Severity;
  /** App rules only: the object the finding is about (defaults to the object under check for object rules). */
  readonly target?: Manifest;
}

export interface RuleContext {
  /** Every manifest of the app (synth) or of all files given to the CLI. */
  readonly index: ManifestIndex;
  /** CLI only: documents of the given files that are not Kubernetes objects (empty at synth). */
  readonly nonManifests?: readonly NonManifestDocument[];
  /** The previous output (last synth of a FluxLayout, CLI `--previous DIR`), when known; never reported on. */
  readonly previous?: ManifestIndex;
  /**
   * Repository mode: charts the repository installs before Flux runs (a bootstrap helmfile), e.g.
   * `external-secrets`: their CRDs exist before any Kustomization is applied.
   */
  readonly installedBeforeFlux?: readonly string[];
  /**
   * Repository mode: some Flux Kustomizations were not read (they apply another source, or nothing applies
   * them), so an object the rules do not see may still exist in the cluster. Rules that conclude from an
   * object's absence use `absence(ctx)`.
   */
  readonly incomplete?: boolean;
}

/**
 * A validation rule: a pure function over one manifest (`checkObject`) or over the whole app (`checkApp`).
 * One rule per file; register it in the domain's `rules/<domain>/index.ts`.
 */
export interface Rule {
  /** Stable id, e.g. `ESO-VAULT-KV-PATH`. */
  readonly id: string;
  /** Default severity. */
  readonly severity: Severity;
  /** One line: what it catches (docs/rules.md). */
  readonly description: string;
  /** A short bad example (docs/rules.md). */
  readonly example?: string;
  /** Pitfall ids from ../shared/reference/pitfalls.md this rule implements, e.g. ['P02']. */
  readonly pitfalls?: readonly string[];
  /** Object rules: kinds this rule looks at (all kinds when omitted). */
  readonly kinds?: readonly string[];
  /** Object rules: API groups this rule looks at (all groups when omitted). */
  readonly groups?: readonly string[];
  /**
   * Object rules: also run on objects whose apiVersion the pinned CRDs do not serve (v1beta1). Off by
   * default: such an object cannot be applied at all, and ESO-API-VERSION says so; more findings are noise.
   */
  readonly checksUnservedVersions?: boolean;
  /**
   * The rule is about values only the cluster knows (e.g. that a SOPS-encrypted object can be decrypted), so its
   * findings on them stand. Off by default: a finding whose field holds a Flux variable from the cluster or SOPS
   * ciphertext is dropped ("unknown is not wrong").
   */
  readonly judgesUnknown?: boolean;
  /**
   * The rule restates refusals other rules explain better (the CRD's CEL rules): its finding is dropped when
   * another rule reports an error on the same object and field.
   */
  readonly yieldsOnSameField?: boolean;
  /**
   * The generic ignore annotation (`cdk8s-external-secrets.io/ignore`) does not silence this rule: it has an
   * opt-in of its own that names the object (the plaintext guard's `allow-plaintext: <own name>`).
   */
  readonly notSilenceable?: boolean;
  /**
   * A deliberate lint: the rule refuses objects that upstream (the API server, ESO's webhook and controller)
   * accepts and runs, because they would not do what their author meant. Says why, for docs/rules.md's
   * "stricter than upstream, because …" column; the differential test (npm run conformance) counts a
   * disagreement as documented only when the rule has it.
   */
  readonly stricterThanUpstream?: string;
  checkObject?(manifest: Manifest, ctx: RuleContext): Finding[];
  /** Cross-resource rules: look at the index once, return findings with `target` set. */
  checkApp?(ctx: RuleContext): Finding[];
}

/** Shorthand for building a finding. */
export function finding(field: string, message: string, fix: string, extra: Partial<Finding> = {}): Finding {
  return { field, message, fix, ...extra };
}

/**
 * For a finding that rests on an object being absent from the manifests (a store only in another namespace, a
 * name of the wrong kind): an error when the manifests are the whole deployment, a warning saying so when some
 * Kustomizations were not read (the missing object may be there).
 */
export function absence(ctx: RuleContext, message: string): { message: string; severity?: Severity } {
  if (!ctx.incomplete) return { message };
  return { message: `${message} (unless a Kustomization that was not checked defines it)`, severity: Severity.WARNING };
}
