/** Kinds of Flux source a Kustomization can build from. */
export enum FluxSourceKind {
  /** `source.toolkit.fluxcd.io` GitRepository (what `flux bootstrap` creates as `flux-system`). */
  GIT_REPOSITORY = 'GitRepository',
  /** `source.toolkit.fluxcd.io` OCIRepository. */
  OCI_REPOSITORY = 'OCIRepository',
  /** `source.toolkit.fluxcd.io` Bucket. */
  BUCKET = 'Bucket',
}

/**
 * A Flux source that holds the synthesized manifests (usually the Git repository they are committed to).
 * Made with `FluxSource.gitRepository('flux-system')`, or a `FluxGitRepository` created in the app.
 */
export interface IFluxSource {
  /** Kind of the source object. */
  readonly sourceKind: FluxSourceKind;
  /** `metadata.name` of the source object. */
  readonly sourceName: string;
  /**
   * Namespace of the source object.
   * @default - the namespace of the Kustomization that references it
   */
  readonly sourceNamespace?: string;
}

/** Options of a source referenced by name. */
export interface FluxSourceOptions {
  /**
   * Namespace of the source, when it differs from the namespace of the Flux Kustomizations.
   * @default - the Kustomization's namespace
   */
  readonly namespace?: string;
}

/**
 * A Flux source that exists already (created by `flux bootstrap` or elsewhere), referenced by name.
 */
export class FluxSource implements IFluxSource {
  /** The GitRepository named `name` (e.g. `flux-system`, made by `flux bootstrap`). */
  public static gitRepository(name: string, options: FluxSourceOptions = {}): FluxSource {
    return new FluxSource(FluxSourceKind.GIT_REPOSITORY, name, options);
  }

  /** The OCIRepository named `name`. */
  public static ociRepository(name: string, options: FluxSourceOptions = {}): FluxSource {
    return new FluxSource(FluxSourceKind.OCI_REPOSITORY, name, options);
  }

  /** The Bucket named `name`. */
  public static bucket(name: string, options: FluxSourceOptions = {}): FluxSource {
    return new FluxSource(FluxSourceKind.BUCKET, name, options);
  }

  public readonly sourceKind: FluxSourceKind;
  public readonly sourceName: string;
  public readonly sourceNamespace?: string;

  private constructor(kind: FluxSourceKind, name: string, options: FluxSourceOptions) {
    if (!name) throw new Error('FluxSource: name must not be empty (e.g. FluxSource.gitRepository(\'flux-system\'))');
    this.sourceKind = kind;
    this.sourceName = name;
    this.sourceNamespace = options.namespace;
  }
}
