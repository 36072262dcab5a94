import { ApiObject, Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { FluxObjectProps } from './flux-object';
import { checkProps } from '../base/private/prop-checks';
import { Resource } from '../base/resource';
import { FLUX_SOURCE_API_VERSION, FLUX_SYSTEM_NAMESPACE } from '../model/flux-api';
import { toGoDuration } from '../model/go-duration';
import { EsoValidation } from '../synth/eso-validation';

/** `.spec.type` of a HelmRepository. */
export enum HelmRepositoryType {
  /** A classic Helm HTTP/S repository with an `index.yaml`. */
  DEFAULT = 'default',
  /** An OCI registry (`oci://...`). */
  OCI = 'oci',
}

/** A Flux HelmRepository, made in this app or referenced by name. */
export interface IFluxHelmRepository {
  /** `metadata.name` of the HelmRepository. */
  readonly repositoryName: string;
  /** Namespace of the HelmRepository. */
  readonly repositoryNamespace: string;
}

/** Properties of a `FluxHelmRepository`. */
export interface FluxHelmRepositoryProps extends FluxObjectProps {
  /** `https://` URL of the repository index, or `oci://` URL of the registry. */
  readonly url: string;
  /**
   * Repository type.
   * @default - HelmRepositoryType.OCI for an `oci://` URL, else HelmRepositoryType.DEFAULT
   */
  readonly type?: HelmRepositoryType;
  /**
   * How often Flux fetches the index (ignored for OCI).
   * @default Duration.hours(1)
   */
  readonly interval?: Duration;
}

/** Options of `FluxHelmRepository.fromHelmRepositoryName()`. */
export interface FromHelmRepositoryNameOptions {
  /**
   * Namespace of the HelmRepository.
   * @default "flux-system"
   */
  readonly namespace?: string;
}

class ImportedHelmRepository extends Construct implements IFluxHelmRepository {
  constructor(scope: Construct, id: string, public readonly repositoryName: string, public readonly repositoryNamespace: string) {
    super(scope, id);
  }
}

/** A Flux `HelmRepository` (`source.toolkit.fluxcd.io/v1`): where HelmReleases fetch their charts. */
export class FluxHelmRepository extends Resource implements IFluxHelmRepository {
  /**
   * Reference a HelmRepository made elsewhere.
   * @param name `metadata.name` of the HelmRepository
   * @param options its namespace
   */
  public static fromHelmRepositoryName(scope: Construct, id: string, name: string,
    options: FromHelmRepositoryNameOptions = {}): IFluxHelmRepository {
    return new ImportedHelmRepository(scope, id, name, options.namespace ?? FLUX_SYSTEM_NAMESPACE);
  }

  public readonly repositoryNamespace: string;
  /** The URL of the repository. */
  public readonly url: string;
  /**
   * The underlying ApiObject.
   * @deprecated use `ApiObject.of(helmRepository)`
   */
  public readonly apiObject: ApiObject;

  constructor(scope: Construct, id: string, props: FluxHelmRepositoryProps) {
    super(scope, id);
    checkProps(this, props, ['url'], ['url']);
    EsoValidation.of(this);
    const type = props.type ?? (props.url.startsWith('oci://') ? HelmRepositoryType.OCI : HelmRepositoryType.DEFAULT);
    if (type === HelmRepositoryType.OCI ? !props.url.startsWith('oci://') : !/^https?:\/\//.test(props.url)) {
      throw new Error(`${this.node.path}: url "${props.url}" does not fit type ${type}: ` +
        (type === HelmRepositoryType.OCI ? 'an OCI repository URL starts with oci://' : 'a Helm repository URL starts with https://'));
    }
    this.url = props.url;
    this.repositoryNamespace = props.namespace ?? Chart.of(this).namespace ?? FLUX_SYSTEM_NAMESPACE;
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: FLUX_SOURCE_API_VERSION,
      kind: 'HelmRepository',
      metadata: { name: props.name, namespace: this.repositoryNamespace },
      spec: {
        ...(type === HelmRepositoryType.OCI ? { type } : { interval: toGoDuration(props.interval ?? Duration.hours(1)) }),
        url: props.url,
      },
    });
  }

  /**
   * `metadata.name` of the HelmRepository (the `IFluxHelmRepository` member).
   * @deprecated use `name`; `repositoryName` stays the member of `IFluxHelmRepository`
   */
  public get repositoryName(): string {
    return this.name;
  }
}
