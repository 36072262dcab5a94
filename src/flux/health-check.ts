import { ESO_READY_KINDS } from '../model/flux-api';

/** An object a Flux Kustomization health-checks (`.spec.healthChecks[]`): only used when `wait` is false. */
export interface FluxObjectReference {
  /** apiVersion of the object, e.g. `helm.toolkit.fluxcd.io/v2`. */
  readonly apiVersion: string;
  /** Kind of the object. */
  readonly kind: string;
  /** Name of the object. */
  readonly name: string;
  /**
   * Namespace of the object.
   * @default - cluster-scoped
   */
  readonly namespace?: string;
}

/** Options of a custom CEL health check. */
export interface FluxHealthCheckExprOptions {
  /** apiVersion of the kind (Flux matches on the API group). */
  readonly apiVersion: string;
  /** Kind the expressions apply to. */
  readonly kind: string;
  /** CEL expression that is true when the object is healthy. */
  readonly current: string;
  /**
   * CEL expression that is true when the object failed (fails the Kustomization at once).
   * @default - none: a failing object keeps the Kustomization waiting until its timeout
   */
  readonly failed?: string;
  /**
   * CEL expression that is true while the object is still reconciling.
   * @default - none
   */
  readonly inProgress?: string;
}

const READY_FAILED = "status.conditions.filter(e, e.type == 'Ready').all(e, e.status == 'False')";
const READY_CURRENT = "status.conditions.filter(e, e.type == 'Ready').all(e, e.status == 'True')";


/**
 * A Flux CEL health check (`.spec.healthCheckExprs[]`, Flux >= 2.5).
 *
 * ESO objects have no `observedGeneration` and only a `Ready` condition, so Flux's default health check
 * treats `Ready=False` as "InProgress" (the Kustomization waits for its whole timeout, without ESO's reason)
 * and an object without status as healthy. These expressions fail fast on `Ready=False` and wait for
 * `Ready=True`.
 */
export class FluxHealthCheckExpr {
  /** Any CEL health check. */
  public static custom(options: FluxHealthCheckExprOptions): FluxHealthCheckExpr {
    return new FluxHealthCheckExpr(options);
  }

  /** `failed` when the `Ready` condition is False, `current` when it is True. */
  public static readyCondition(apiVersion: string, kind: string): FluxHealthCheckExpr {
    return new FluxHealthCheckExpr({ apiVersion, kind, failed: READY_FAILED, current: READY_CURRENT });
  }

  /**
   * Ready-condition checks for ExternalSecret, SecretStore, ClusterSecretStore, PushSecret, ClusterExternalSecret
   * and ClusterPushSecret. A ClusterExternalSecret (ClusterPushSecret) is Ready once its ExternalSecrets
   * (PushSecrets) exist in every selected namespace; each of those reports its own sync.
   */
  public static externalSecrets(): FluxHealthCheckExpr[] {
    return ESO_READY_KINDS.map(k => FluxHealthCheckExpr.readyCondition(k.apiVersion, k.kind));
  }

  /** apiVersion of the kind. */
  public readonly apiVersion: string;
  /** The kind. */
  public readonly kind: string;
  /** The `current` expression. */
  public readonly current: string;
  /** The `failed` expression. */
  public readonly failed?: string;
  /** The `inProgress` expression. */
  public readonly inProgress?: string;

  private constructor(options: FluxHealthCheckExprOptions) {
    if (!options.apiVersion || !options.kind || !options.current) {
      throw new Error('FluxHealthCheckExpr: apiVersion, kind and current are required');
    }
    this.apiVersion = options.apiVersion;
    this.kind = options.kind;
    this.current = options.current;
    this.failed = options.failed;
    this.inProgress = options.inProgress;
  }

  /** Renders the `.spec.healthCheckExprs[]` entry (library-internal). */
  public toJson(): { [key: string]: string } {
    return {
      apiVersion: this.apiVersion,
      kind: this.kind,
      ...(this.inProgress ? { inProgress: this.inProgress } : {}),
      ...(this.failed ? { failed: this.failed } : {}),
      current: this.current,
    };
  }
}
