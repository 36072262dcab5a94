import { ApiObject, Chart, Duration, JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';
import { FluxHelmRelease, HelmCrdPolicy } from './helm-release';
import { FluxHelmRepository } from './helm-repository';
import { checkProps } from '../base/private/prop-checks';
import { EsoValidation } from '../synth/eso-validation';

/** Properties shared by the operator releases. */
export interface OperatorReleaseOptions {
  /**
   * Namespace of the operator (and of its HelmRepository and HelmRelease).
   * @default - the operator's usual namespace
   */
  readonly namespace?: string;
  /**
   * Emit the Namespace object (Flux applies Namespaces first within a Kustomization).
   * @default true
   */
  readonly createNamespace?: boolean;
  /**
   * Chart version.
   * @default - the version this library is tested with
   */
  readonly version?: string;
  /**
   * Helm repository URL.
   * @default - the project's official repository
   */
  readonly repositoryUrl?: string;
  /**
   * Reconcile interval of the HelmRelease.
   * @default Duration.hours(1)
   */
  readonly interval?: Duration;
  /**
   * Extra chart values (merged over the defaults this construct sets).
   * @default - none
   */
  readonly values?: { [key: string]: any };
}

/** Properties of `ExternalSecretsOperatorRelease`. */
export interface ExternalSecretsOperatorReleaseProps extends OperatorReleaseOptions {
  /**
   * Install the CRDs with the chart (`installCRDs`). Set false only when another Kustomization applies
   * ESO's CRDs (rule ESO-FLUX-HELM-CRDS warns when both do).
   * @default true
   */
  readonly installCrds?: boolean;
}

/** The chart an operator release installs, and the defaults of its options. */
interface OperatorChart {
  /** Default namespace, and name of the HelmRepository and HelmRelease. */
  readonly name: string;
  readonly repositoryUrl: string;
  readonly chart: string;
  readonly version: string;
  /** The values this construct sets (`options.values` is merged over them). */
  readonly values: { [key: string]: any };
}

/** Namespace (optional), HelmRepository and HelmRelease of an operator chart, CRDs installed with it. */
function installOperator(scope: Construct, options: OperatorReleaseOptions, chart: OperatorChart) {
  EsoValidation.of(scope);
  const namespaceName = options.namespace ?? chart.name;
  if (options.createNamespace ?? true) namespaceObject(scope, namespaceName);
  const helmRepository = new FluxHelmRepository(scope, 'Repository', {
    name: chart.name,
    namespace: namespaceName,
    url: options.repositoryUrl ?? chart.repositoryUrl,
  });
  const helmRelease = new FluxHelmRelease(scope, 'Release', {
    name: chart.name,
    namespace: namespaceName,
    chart: chart.chart,
    version: options.version ?? chart.version,
    repository: helmRepository,
    interval: options.interval,
    crds: HelmCrdPolicy.CREATE_REPLACE,
    values: { ...chart.values, ...(options.values ?? {}) },
  });
  return { namespaceName, helmRepository, helmRelease };
}

function namespaceObject(scope: Construct, name: string): ApiObject {
  const ns = new ApiObject(scope, 'Namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  // Cluster-scoped: drop the namespace a namespaced chart would stamp on it.
  if (Chart.of(scope).namespace) ns.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
  return ns;
}

/**
 * External Secrets Operator installed by Flux: HelmRepository + HelmRelease of chart `external-secrets`
 * pinned to 2.9.0 (the CRD schemas this library validates against), CRDs installed and upgraded with the
 * chart (`installCRDs: true`, CRD policy CreateReplace). Put it in the first Flux layer, which must `wait`.
 */
export class ExternalSecretsOperatorRelease extends Construct {
  /** The chart version the library's schemas and rules are pinned to. */
  public static readonly CHART_VERSION = '2.9.0';
  /** The official chart repository. */
  public static readonly REPOSITORY_URL = 'https://charts.external-secrets.io';
  /** The chart name. */
  public static readonly CHART_NAME = 'external-secrets';

  /** Namespace ESO runs in. */
  public readonly namespaceName: string;
  /** The HelmRepository. */
  public readonly helmRepository: FluxHelmRepository;
  /** The HelmRelease. */
  public readonly helmRelease: FluxHelmRelease;

  constructor(scope: Construct, id: string, props: ExternalSecretsOperatorReleaseProps = {}) {
    super(scope, id);
    checkProps(this, props, []);
    const installed = installOperator(this, props, {
      name: 'external-secrets',
      repositoryUrl: ExternalSecretsOperatorRelease.REPOSITORY_URL,
      chart: ExternalSecretsOperatorRelease.CHART_NAME,
      version: ExternalSecretsOperatorRelease.CHART_VERSION,
      values: { installCRDs: props.installCrds ?? true },
    });
    this.namespaceName = installed.namespaceName;
    this.helmRepository = installed.helmRepository;
    this.helmRelease = installed.helmRelease;
  }
}

/** Properties of `VaultConfigOperatorRelease`. */
export interface VaultConfigOperatorReleaseProps extends OperatorReleaseOptions {
  /**
   * Let cert-manager issue the webhook and metrics certificates (needed on plain Kubernetes; OpenShift's
   * service-ca does it otherwise). Requires cert-manager in the cluster.
   * @default true
   */
  readonly enableCertManager?: boolean;
  /**
   * Vault address for every CR (`VAULT_ADDR` on the operator).
   * @default - none: every CR then needs `spec.connection.address` (`VaultConfigOperator.authenticateAs(role, { address })`); with neither, rule ESO-VAULT-CONNECTION-ADDRESS fails the synth
   */
  readonly vaultAddress?: string;
}

/**
 * redhat-cop vault-config-operator installed by Flux (HelmRepository + HelmRelease, CRDs with the chart):
 * it turns `redhatcop.redhat.io` Policy / KubernetesAuthEngineRole objects into Vault configuration.
 */
export class VaultConfigOperatorRelease extends Construct {
  /** The chart version this library is tested with. */
  public static readonly CHART_VERSION = 'v0.8.52';
  /** The project's Helm repository. */
  public static readonly REPOSITORY_URL = 'https://redhat-cop.github.io/vault-config-operator';
  /** The chart name. */
  public static readonly CHART_NAME = 'vault-config-operator';

  /** Namespace the operator runs in. */
  public readonly namespaceName: string;
  /** The HelmRepository. */
  public readonly helmRepository: FluxHelmRepository;
  /** The HelmRelease. */
  public readonly helmRelease: FluxHelmRelease;

  constructor(scope: Construct, id: string, props: VaultConfigOperatorReleaseProps = {}) {
    super(scope, id);
    checkProps(this, props, []);
    const installed = installOperator(this, props, {
      name: 'vault-config-operator',
      repositoryUrl: VaultConfigOperatorRelease.REPOSITORY_URL,
      chart: VaultConfigOperatorRelease.CHART_NAME,
      version: VaultConfigOperatorRelease.CHART_VERSION,
      values: {
        enableCertManager: props.enableCertManager ?? true,
        ...(props.vaultAddress ? { env: [{ name: 'VAULT_ADDR', value: props.vaultAddress }] } : {}),
      },
    });
    this.namespaceName = installed.namespaceName;
    this.helmRepository = installed.helmRepository;
    this.helmRelease = installed.helmRelease;
  }
}
