import { ApiObject, Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { FluxObjectProps } from './flux-object';
import { FluxSourceKind, IFluxSource } from './flux-source';
import { checkProps } from '../base/private/prop-checks';
import { Resource } from '../base/resource';
import { FLUX_SOURCE_API_VERSION, FLUX_SYSTEM_NAMESPACE } from '../model/flux-api';
import { toGoDuration } from '../model/go-duration';
import { EsoValidation } from '../synth/eso-validation';

/** Which revision of the Git repository Flux checks out (`.spec.ref`). */
export class GitRef {
  /** The head of a branch. */
  public static branch(name: string): GitRef {
    return new GitRef('branch', name);
  }

  /** A tag. */
  public static tag(name: string): GitRef {
    return new GitRef('tag', name);
  }

  /** The newest tag matching a semver range, e.g. `>=1.0.0 <2.0.0`. */
  public static semver(semverRange: string): GitRef {
    return new GitRef('semver', semverRange);
  }

  /** One commit SHA. */
  public static commit(sha: string): GitRef {
    return new GitRef('commit', sha);
  }

  /** A full Git reference name, e.g. `refs/pull/42/head`. */
  public static refName(name: string): GitRef {
    return new GitRef('name', name);
  }

  private constructor(private readonly field: string, private readonly value: string) {
    if (!value) throw new Error(`GitRef.${field === 'name' ? 'refName' : field}: value must not be empty`);
  }

  /** Renders `.spec.ref` (library-internal). */
  public toJson(): Record<string, string> {
    return { [this.field]: this.value };
  }
}

/** Properties of a `FluxGitRepository`. */
export interface FluxGitRepositoryProps extends FluxObjectProps {
  /** Repository URL (`https://`, `ssh://` or `http://`). */
  readonly url: string;
  /**
   * The revision to check out.
   * @default GitRef.branch('main')
   */
  readonly ref?: GitRef;
  /**
   * How often Flux fetches the repository.
   * @default Duration.minutes(1)
   */
  readonly interval?: Duration;
  /**
   * Timeout of Git operations.
   * @default - Flux's default (60s)
   */
  readonly timeout?: Duration;
  /**
   * Name of a Secret (same namespace) with the Git credentials.
   * @default - public repository, no credentials
   */
  readonly secretName?: string;
  /**
   * `.sourceignore`-style patterns of files to leave out of the artifact.
   * @default - Flux's default ignore list
   */
  readonly ignore?: string;
}

/**
 * A Flux `GitRepository` (`source.toolkit.fluxcd.io/v1`). Most platforms reuse the `flux-system` one made
 * by `flux bootstrap` (`FluxSource.gitRepository('flux-system')`); use this to let Flux fetch another repo.
 */
export class FluxGitRepository extends Resource implements IFluxSource {
  public readonly sourceKind = FluxSourceKind.GIT_REPOSITORY;
  public readonly sourceNamespace?: string;
  /**
   * The underlying ApiObject.
   * @deprecated use `ApiObject.of(gitRepository)`
   */
  public readonly apiObject: ApiObject;

  constructor(scope: Construct, id: string, props: FluxGitRepositoryProps) {
    super(scope, id);
    checkProps(this, props, ['url'], ['url', 'secretName', 'ignore']);
    EsoValidation.of(this);
    if (!/^(https?|ssh):\/\//.test(props.url)) {
      throw new Error(`${this.node.path}: url "${props.url}" must start with https://, http:// or ssh:// (Flux GitRepository)`);
    }
    const namespace = props.namespace ?? Chart.of(this).namespace ?? FLUX_SYSTEM_NAMESPACE;
    this.sourceNamespace = namespace;
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: FLUX_SOURCE_API_VERSION,
      kind: 'GitRepository',
      metadata: { name: props.name, namespace },
      spec: {
        interval: toGoDuration(props.interval ?? Duration.minutes(1)),
        ...(props.timeout ? { timeout: toGoDuration(props.timeout) } : {}),
        url: props.url,
        ref: (props.ref ?? GitRef.branch('main')).toJson(),
        ...(props.secretName ? { secretRef: { name: props.secretName } } : {}),
        ...(props.ignore ? { ignore: props.ignore } : {}),
      },
    });
  }

  /**
   * `metadata.name` of the GitRepository (the `IFluxSource` member).
   * @deprecated use `name`; `sourceName` stays the member of `IFluxSource`
   */
  public get sourceName(): string {
    return this.name;
  }
}
