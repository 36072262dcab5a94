import { ApiObject, Chart, Duration, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { FluxObjectProps } from './flux-object';
import { IFluxSource } from './flux-source';
import { FluxHealthCheckExpr, FluxObjectReference } from './health-check';
import { Resource } from '../base/resource';
import { FLUX_KUSTOMIZATION_API_VERSION, FLUX_SYSTEM_NAMESPACE } from '../model/flux-api';
import { toGoDuration } from '../model/go-duration';
import { EsoValidation } from '../synth/eso-validation';
import { sourceRefJson } from './private/render';
import { checkProps } from '../base/private/prop-checks';

/** A Flux Kustomization, made in this app or referenced by name. */
export interface IFluxKustomization {
  /** `metadata.name` of the Kustomization. */
  readonly kustomizationName: string;
  /** Namespace of the Kustomization. */
  readonly kustomizationNamespace: string;
}

/** A ConfigMap or Secret that post-build substitution reads variables from. */
export interface FluxSubstituteFrom {
  /** `ConfigMap` or `Secret`. */
  readonly kind: string;
  /** Name of the object (same namespace as the Kustomization). */
  readonly name: string;
  /**
   * Tolerate a missing object.
   * @default false
   */
  readonly optional?: boolean;
}

/** Options shared by `FluxKustomization` and Flux layers. */
export interface FluxKustomizationOptions {
  /**
   * How often Flux re-applies the manifests and corrects drift.
   * @default Duration.minutes(10)
   */
  readonly interval?: Duration;
  /**
   * How soon Flux retries a failed reconciliation.
   * @default - the interval
   */
  readonly retryInterval?: Duration;
  /**
   * Timeout of build, apply and health checks.
   * @default Duration.minutes(5)
   */
  readonly timeout?: Duration;
  /**
   * Delete objects that disappear from the source.
   * @default true
   */
  readonly prune?: boolean;
  /**
   * Health-check every applied object before the Kustomization turns Ready (so its dependants wait).
   * When true, `healthChecks` is ignored by Flux and not emitted.
   * @default false
   */
  readonly wait?: boolean;
  /**
   * Namespace set on every applied object. It must exist beforehand (Flux does not create it).
   * @default - each object keeps its own namespace
   */
  readonly targetNamespace?: string;
  /**
   * Objects to health-check when `wait` is false.
   * @default - none
   */
  readonly healthChecks?: FluxObjectReference[];
  /**
   * CEL health checks (Flux >= 2.5), evaluated for objects covered by `wait` or `healthChecks`.
   * @default - none
   */
  readonly healthCheckExprs?: FluxHealthCheckExpr[];
  /**
   * Post-build variable substitution: `${var}` in the manifests is replaced. Literal `${...}` in ESO
   * templates must then be escaped as `$${...}` (rule ESO-FLUX-SUBSTITUTE).
   * @default - no substitution
   */
  readonly substitute?: { [key: string]: string };
  /**
   * ConfigMaps/Secrets with substitution variables.
   * @default - none
   */
  readonly substituteFrom?: FluxSubstituteFrom[];
  /**
   * Decrypt SOPS-encrypted manifests with the keys in this Secret (same namespace).
   * @default - no decryption
   */
  readonly sopsSecretName?: string;
}

/** Properties of a `FluxKustomization`. */
export interface FluxKustomizationProps extends FluxKustomizationOptions, FluxObjectProps {
  /** The source that holds the manifests. */
  readonly source: IFluxSource;
  /** Folder inside the source, e.g. `./dist/apps`. */
  readonly path: string;
  /**
   * Kustomizations that must be Ready first.
   * @default - none
   */
  readonly dependsOn?: IFluxKustomization[];
}

/** Options of `FluxKustomization.fromKustomizationName()`. */
export interface FromKustomizationNameOptions {
  /**
   * Namespace of the Kustomization.
   * @default "flux-system"
   */
  readonly namespace?: string;
}

class ImportedKustomization extends Construct implements IFluxKustomization {
  constructor(scope: Construct, id: string, public readonly kustomizationName: string, public readonly kustomizationNamespace: string) {
    super(scope, id);
  }
}

/**
 * A Flux `Kustomization` (`kustomize.toolkit.fluxcd.io/v1`): applies one folder of the source, in order
 * after its `dependsOn`.
 */
export class FluxKustomization extends Resource implements IFluxKustomization {
  /**
   * Reference a Kustomization made elsewhere (e.g. the `flux-system` one of `flux bootstrap`).
   * @param name `metadata.name` of the Kustomization
   * @param options its namespace
   */
  public static fromKustomizationName(scope: Construct, id: string, name: string,
    options: FromKustomizationNameOptions = {}): IFluxKustomization {
    return new ImportedKustomization(scope, id, name, options.namespace ?? FLUX_SYSTEM_NAMESPACE);
  }

  public readonly kustomizationNamespace: string;
  /** Folder inside the source. */
  public readonly path: string;
  /** Whether every applied object is health-checked. */
  public readonly wait: boolean;
  /** Namespace set on every applied object, if any. */
  public readonly targetNamespace?: string;
  /**
   * The underlying ApiObject.
   * @deprecated use `ApiObject.of(kustomization)`
   */
  public readonly apiObject: ApiObject;
  private readonly dependencies: IFluxKustomization[];
  private readonly checks: FluxObjectReference[];
  private readonly exprs: FluxHealthCheckExpr[];
  private checksGiven: boolean;
  private exprsGiven: boolean;
  /**
   * Defaults computed at synth time when no health checks were given (FluxLayout derives them from the
   * layer's contents).
   * @internal
   */
  public _defaultHealth?: () => { checks: FluxObjectReference[]; exprs: FluxHealthCheckExpr[] };
  /**
   * Dependencies computed at synth time, before the ones given (FluxLayout's layer order).
   * @internal
   */
  public _layerDependsOn?: () => IFluxKustomization[];

  constructor(scope: Construct, id: string, props: FluxKustomizationProps) {
    super(scope, id);
    checkProps(this, props, ['source', 'path'], ['path']);
    EsoValidation.of(this);
    if (props.path.startsWith('/') || props.path.split('/').includes('..')) {
      throw new Error(`${this.node.path}: path "${props.path}" must be relative to the source root and stay inside it (e.g. ./dist/apps)`);
    }
    const subst = props.substitute ?? {};
    for (const key of Object.keys(subst)) {
      if (!/^[_a-zA-Z][_a-zA-Z0-9]*$/.test(key)) {
        throw new Error(`${this.node.path}: substitute variable "${key}" is not a valid Flux variable name (letters, digits, underscore)`);
      }
    }
    this.kustomizationNamespace = props.namespace ?? Chart.of(this).namespace ?? FLUX_SYSTEM_NAMESPACE;
    this.path = props.path;
    this.wait = props.wait ?? false;
    this.targetNamespace = props.targetNamespace || undefined;
    this.dependencies = [...(props.dependsOn ?? [])];
    this.checks = [...(props.healthChecks ?? [])];
    this.exprs = [...(props.healthCheckExprs ?? [])];
    this.checksGiven = props.healthChecks !== undefined;
    this.exprsGiven = props.healthCheckExprs !== undefined;
    const substituteFrom = props.substituteFrom ?? [];
    const postBuild = Object.keys(subst).length || substituteFrom.length
      ? {
        ...(Object.keys(subst).length ? { substitute: subst } : {}),
        ...(substituteFrom.length
          ? { substituteFrom: substituteFrom.map(s => ({ kind: s.kind, name: s.name, ...(s.optional ? { optional: true } : {}) })) }
          : {}),
      }
      : undefined;

    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: FLUX_KUSTOMIZATION_API_VERSION,
      kind: 'Kustomization',
      metadata: { name: props.name, namespace: this.kustomizationNamespace },
      spec: {
        dependsOn: Lazy.any({ produce: () => this.renderDependsOn() }),
        interval: toGoDuration(props.interval ?? Duration.minutes(10)),
        ...(props.retryInterval ? { retryInterval: toGoDuration(props.retryInterval) } : {}),
        timeout: toGoDuration(props.timeout ?? Duration.minutes(5)),
        path: props.path,
        prune: props.prune ?? true,
        sourceRef: sourceRefJson(props.source),
        ...(props.targetNamespace ? { targetNamespace: props.targetNamespace } : {}),
        wait: this.wait,
        // Flux ignores healthChecks when wait is true: emit them only where they count.
        healthChecks: Lazy.any({ produce: () => this.renderHealthChecks() }),
        healthCheckExprs: Lazy.any({ produce: () => this.renderHealthCheckExprs() }),
        ...(postBuild ? { postBuild } : {}),
        ...(props.sopsSecretName ? { decryption: { provider: 'sops', secretRef: { name: props.sopsSecretName } } } : {}),
      },
    });
  }

  /**
   * `metadata.name` of the Kustomization (the `IFluxKustomization` member).
   * @deprecated use `name`; `kustomizationName` stays the member of `IFluxKustomization`
   */
  public get kustomizationName(): string {
    return this.name;
  }

  /** The dependencies given (props and `addDependsOn`), without the computed ones. @internal */
  public _givenDependsOn(): IFluxKustomization[] {
    return [...this.dependencies];
  }

  /** Apply this Kustomization only after `kustomization` is Ready. */
  public addDependsOn(kustomization: IFluxKustomization): void {
    this.dependencies.push(kustomization);
  }

  /** Health-check one more object (only emitted when `wait` is false). */
  public addHealthCheck(reference: FluxObjectReference): void {
    this.checks.push(reference);
    this.checksGiven = true;
  }

  /** Add a CEL health check. */
  public addHealthCheckExpr(expr: FluxHealthCheckExpr): void {
    this.exprs.push(expr);
    this.exprsGiven = true;
  }

  private renderHealthChecks() {
    if (this.wait) return undefined;
    const checks = this.checksGiven ? this.checks : (this._defaultHealth?.().checks ?? []);
    return checks.length ? checks.map(c => ({ ...c })) : undefined;
  }

  private renderHealthCheckExprs() {
    const exprs = this.exprsGiven ? this.exprs : (this._defaultHealth?.().exprs ?? []);
    return exprs.length ? exprs.map(e => e.toJson()) : undefined;
  }

  private renderDependsOn() {
    const all = [...(this._layerDependsOn?.() ?? []), ...this.dependencies];
    const unique = all.filter((d, i) => all.findIndex(x => x.kustomizationName === d.kustomizationName
      && x.kustomizationNamespace === d.kustomizationNamespace) === i);
    if (!unique.length) return undefined;
    return unique.map(d => ({
      name: d.kustomizationName,
      ...(d.kustomizationNamespace !== this.kustomizationNamespace ? { namespace: d.kustomizationNamespace } : {}),
    }));
  }
}
