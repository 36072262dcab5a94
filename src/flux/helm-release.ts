import { ApiObject, Chart, Duration, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { IFluxHelmRepository } from './helm-repository';
import { checkProps } from '../base/private/prop-checks';
import { Resource } from '../base/resource';
import { FLUX_HELM_API_VERSION, FLUX_SYSTEM_NAMESPACE } from '../model/flux-api';
import { toGoDuration } from '../model/go-duration';
import { EsoValidation } from '../synth/eso-validation';

/** What Helm does with the chart's `crds/` folder on install and upgrade (`.spec.install.crds`). */
export enum HelmCrdPolicy {
  /** Leave CRDs alone. */
  SKIP = 'Skip',
  /** Create missing CRDs, never update them (Helm's default, so CRDs go stale on upgrade). */
  CREATE = 'Create',
  /** Create missing CRDs and replace existing ones, so upgrades update them. */
  CREATE_REPLACE = 'CreateReplace',
}

/** A Flux HelmRelease, made in this app. */
export interface IFluxHelmRelease {
  /** `metadata.name` of the HelmRelease. */
  readonly releaseObjectName: string;
  /** Namespace of the HelmRelease object. */
  readonly releaseObjectNamespace: string;
}

/** Properties of a `FluxHelmRelease`. */
export interface FluxHelmReleaseProps {
  /**
   * `metadata.name` of the HelmRelease.
   * @default - the chart name
   */
  readonly name?: string;
  /**
   * Namespace of the HelmRelease object (and, by default, of the release).
   * @default - the chart's namespace, else "flux-system"
   */
  readonly namespace?: string;
  /** Name of the chart in the repository. */
  readonly chart: string;
  /** Exact chart version: pin it, so an upgrade is a reviewed change. */
  readonly version: string;
  /** Where the chart comes from. */
  readonly repository: IFluxHelmRepository;
  /**
   * How often Flux reconciles the release (drift detection, remediation).
   * @default Duration.hours(1)
   */
  readonly interval?: Duration;
  /**
   * Timeout of each Helm action.
   * @default - Flux's default (5m)
   */
  readonly timeout?: Duration;
  /**
   * Namespace the chart is installed into.
   * @default - the HelmRelease's namespace
   */
  readonly targetNamespace?: string;
  /**
   * Helm release name.
   * @default - the HelmRelease name
   */
  readonly releaseName?: string;
  /**
   * Let Helm create the target namespace on install.
   * @default false
   */
  readonly createNamespace?: boolean;
  /**
   * What Helm does with the chart's CRDs on install and upgrade.
   * @default HelmCrdPolicy.CREATE_REPLACE
   */
  readonly crds?: HelmCrdPolicy;
  /**
   * Chart values.
   * @default - the chart's defaults
   */
  readonly values?: { [key: string]: any };
  /**
   * HelmReleases that must be Ready before this one is installed.
   * @default - none
   */
  readonly dependsOn?: IFluxHelmRelease[];
  /**
   * Retries of a failed install or upgrade before Flux gives up.
   * @default 3
   */
  readonly retries?: number;
}

/** A Flux `HelmRelease` (`helm.toolkit.fluxcd.io/v2`) of a chart from a HelmRepository. */
export class FluxHelmRelease extends Resource implements IFluxHelmRelease {
  public readonly releaseObjectNamespace: string;
  /** Chart name. */
  public readonly chart: string;
  /** Chart version. */
  public readonly version: string;
  /**
   * The underlying ApiObject.
   * @deprecated use `ApiObject.of(helmRelease)`
   */
  public readonly apiObject: ApiObject;
  private readonly dependencies: IFluxHelmRelease[];

  constructor(scope: Construct, id: string, props: FluxHelmReleaseProps) {
    super(scope, id);
    checkProps(this, props, ['chart', 'version', 'repository'], ['chart', 'releaseName']);
    EsoValidation.of(this);
    if (!props.version) throw new Error(`${this.node.path}: version must be set (pin the chart version)`);
    const retries = props.retries ?? 3;
    if (!Number.isInteger(retries) || retries < 0) throw new Error(`${this.node.path}: retries must be a whole number >= 0, got ${retries}`);
    this.chart = props.chart;
    this.version = props.version;
    this.dependencies = [...(props.dependsOn ?? [])];
    this.releaseObjectNamespace = props.namespace ?? Chart.of(this).namespace ?? FLUX_SYSTEM_NAMESPACE;
    const crds = props.crds ?? HelmCrdPolicy.CREATE_REPLACE;
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: FLUX_HELM_API_VERSION,
      kind: 'HelmRelease',
      metadata: { name: props.name ?? props.chart, namespace: this.releaseObjectNamespace },
      spec: {
        interval: toGoDuration(props.interval ?? Duration.hours(1)),
        ...(props.timeout ? { timeout: toGoDuration(props.timeout) } : {}),
        chart: {
          spec: {
            chart: props.chart,
            version: props.version,
            sourceRef: { kind: 'HelmRepository', name: props.repository.repositoryName, namespace: props.repository.repositoryNamespace },
          },
        },
        ...(props.releaseName ? { releaseName: props.releaseName } : {}),
        ...(props.targetNamespace ? { targetNamespace: props.targetNamespace } : {}),
        install: {
          crds,
          ...(props.createNamespace ? { createNamespace: true } : {}),
          remediation: { retries },
        },
        upgrade: { crds, remediation: { retries } },
        ...(props.values && Object.keys(props.values).length ? { values: props.values } : {}),
        dependsOn: Lazy.any({
          produce: () => this.dependencies.length
            ? this.dependencies.map(d => ({ name: d.releaseObjectName, namespace: d.releaseObjectNamespace }))
            : undefined,
        }),
      },
    });
  }

  /**
   * `metadata.name` of the HelmRelease (the `IFluxHelmRelease` member).
   * @deprecated use `name`; `releaseObjectName` stays the member of `IFluxHelmRelease`
   */
  public get releaseObjectName(): string {
    return this.name;
  }

  /** Install this release only after `release` is Ready. */
  public addDependsOn(release: IFluxHelmRelease): void {
    this.dependencies.push(release);
  }
}
