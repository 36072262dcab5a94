import { Names } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { IVaultAuthMount } from './auth-mount';
import { VaultConfigTarget, VaultTargetOptions } from './config-target';
import { resolveAuthMount } from './private/mount-resolve';
import { checkObjectName } from './private/names';
import { DEFAULT_OPERATOR_ROLE, emitTargetObject } from './private/target-object';
import { TokenReviewer, TokenReviewerMode, VaultTokenReviewerBinding } from './token-reviewer';
import { checkObject, checkProps } from '../base/private/prop-checks';
import { REVIEWER_ANNOTATION } from '../model/vault/objects';
import { EsoValidation } from '../synth/eso-validation';

/** Properties of `VaultKubernetesAuthConfig`. */
export interface VaultKubernetesAuthConfigProps extends VaultTargetOptions {
  /** Who reviews login tokens; decides the config fields and the auth-delegator binding emitted. */
  readonly tokenReviewer: TokenReviewer;
  /**
   * Kubernetes auth mount path (without `auth/`).
   * @default - the path of `mount`, else "kubernetes"
   */
  readonly mountPath?: string;
  /**
   * The auth mount this config is for: a `VaultAuthMount` of the app (the config then comes after it) or
   * `VaultAuthMount.fromMountPath()` for one that exists in Vault.
   * @default - an existing mount at `mountPath` (nothing is emitted for it)
   */
  readonly mount?: IVaultAuthMount;
  /**
   * Also emit the mount: a `VaultAuthMount` (Kubernetes auth method at `mountPath`, same target) as the
   * child `Mount`. Not with `mount`.
   * @default false
   */
  readonly createMount?: boolean;
  /**
   * API server URL Vault calls (`kubernetes_host`).
   * @default "https://kubernetes.default.svc:443"
   */
  readonly kubernetesHost?: string;
  /**
   * PEM CA of the API server (`kubernetes_ca_cert`). Needed for an external Vault.
   * @default - Vault's pod CA (in-cluster), or the operator pod's CA (vault-config-operator `useOperatorPodCA`)
   */
  readonly kubernetesCaCert?: string;
  /**
   * PEM keys to verify JWT signatures offline (`pem_keys`).
   * @default - none
   */
  readonly pemKeys?: string[];
  /**
   * Copy service-account annotations `vault.hashicorp.com/alias-metadata-*` into alias metadata
   * (Vault then needs `get serviceaccounts`).
   * @default false
   */
  readonly useAnnotationsAsAliasMetadata?: boolean;
  /**
   * Expected JWT issuer (`issuer`; deprecated in Vault, which then checks no issuer unless
   * `disableIssValidation: false`).
   * @default - none (Vault's default "kubernetes/serviceaccount")
   */
  readonly issuer?: string;
  /**
   * Skip the JWT issuer check (`disable_iss_validation`; deprecated in Vault, where it defaults to true).
   * @default - Vault's default (true)
   */
  readonly disableIssValidation?: boolean;
  /**
   * vault-config-operator only (`useOperatorPodCA`): without `kubernetesCaCert` for an external Vault, send the
   * operator pod's CA as `kubernetes_ca_cert` (true), or let Vault use the OS bundle of its host (false).
   * @default - the operator's default (true)
   */
  readonly useOperatorPodCa?: boolean;
  /**
   * Kubernetes `metadata.name` of the config object (the Vault path follows from the mount).
   * @default - generated from the construct path
   */
  readonly objectName?: string;
  /**
   * Name of the auth-delegator ClusterRoleBinding.
   * @default - generated from the construct path
   */
  readonly bindingName?: string;
}

/**
 * The Kubernetes auth mount's config (`auth/<mount>/config`) as a vault-config-operator
 * `KubernetesAuthEngineConfig` or a provider-vault `AuthBackendConfig`, plus the token-reviewer
 * `ClusterRoleBinding` to `system:auth-delegator` for the chosen option.
 *
 * vault-config-operator writes to `auth/<spec.path>/<spec.name>/config`, so the mount is split into
 * parent path and last segment (`kubernetes` → path "" + name "kubernetes", which the CRD admits;
 * verify it on your operator version).
 *
 * Every field of the pinned kinds is reachable: `disableLocalCAJWT` / `disableLocalCaJwt` and the reviewer
 * (`tokenReviewerServiceAccount`, `tokenReviewerJwtSecretRef`) follow from `tokenReviewer`. The CRDs mark no
 * field deprecated; `issuer` and `disableIssValidation` are deprecated by Vault itself and typed anyway.
 */
export class VaultKubernetesAuthConfig extends Construct {
  public readonly mountPath: string;
  public readonly tokenReviewer: TokenReviewer;
  /**
   * The auth mount the config needs, when given or created.
   * @default - an existing mount, not part of the app
   */
  public readonly mount?: IVaultAuthMount;
  /** The auth-delegator binding. */
  public readonly reviewerBinding: VaultTokenReviewerBinding;
  /** A dedicated reviewer service account with provider-vault: the token Secret of the reviewer service account. */
  public readonly reviewerTokenSecret?: kplus.ServiceAccountTokenSecret;

  public constructor(scope: Construct, id: string, props: VaultKubernetesAuthConfigProps) {
    super(scope, id);
    checkProps(this, props, ['tokenReviewer']);
    checkObject(this.node.path, 'tokenReviewer', props.tokenReviewer, 'a TokenReviewer', 'use TokenReviewer.vaultInCluster(sa), TokenReviewer.clientJwt(...) or TokenReviewer.dedicatedServiceAccount(sa)', t => typeof t.mode === 'string');
    EsoValidation.of(this);
    const target = props.target ?? VaultConfigTarget.vaultConfigOperator(DEFAULT_OPERATOR_ROLE);
    this.mount = resolveAuthMount(this, target, props.mountPath, props.mount, props.createMount);
    this.mountPath = this.mount?.mountPath ?? (props.mountPath ?? 'kubernetes').replace(/^\/+|\/+$/g, '');
    this.tokenReviewer = props.tokenReviewer;
    const mode = props.tokenReviewer.mode;
    const accounts = props.tokenReviewer.serviceAccounts;
    if (accounts.length === 0) {
      throw new Error(`${this.node.path}: TokenReviewer.clientJwt() needs the service accounts that log in (they review their own tokens); pass them, or use VaultStoreAccess which adds the store's`);
    }
    const ns = target.namespaceFor(this);
    const host = props.kubernetesHost ?? 'https://kubernetes.default.svc:443';
    const external = mode !== TokenReviewerMode.VAULT_IN_CLUSTER;
    const reviewer = accounts[0];
    const reviewerNs = reviewer.toSubjectConfiguration().namespace;
    if (mode === TokenReviewerMode.DEDICATED_SERVICE_ACCOUNT && ns && reviewerNs && reviewerNs !== ns) {
      throw new Error(`${this.node.path}: the dedicated reviewer service account "${reviewerNs}/${reviewer.name}" must be in the namespace of the auth config ("${ns}"): its token is requested there. Use a service account of namespace "${ns}"`);
    }
    const annotations = mode === TokenReviewerMode.VAULT_IN_CLUSTER
      ? { [REVIEWER_ANNOTATION]: `${reviewerNs ?? 'default'}/${reviewer.name}` }
      : undefined;
    checkObjectName(this.node.path, props.objectName);
    const name = props.objectName ?? Names.toDnsLabel(this);

    const rendered = target._controller.kubernetesAuthConfig(this, {
      mountPath: this.mountPath,
      kubernetesHost: host,
      kubernetesCaCert: props.kubernetesCaCert,
      pemKeys: props.pemKeys,
      useAnnotationsAsAliasMetadata: props.useAnnotationsAsAliasMetadata,
      external,
      dedicatedReviewer: mode === TokenReviewerMode.DEDICATED_SERVICE_ACCOUNT ? reviewer : undefined,
      issuer: props.issuer,
      disableIssValidation: props.disableIssValidation,
      useOperatorPodCa: props.useOperatorPodCa,
    });
    this.reviewerTokenSecret = rendered.reviewerTokenSecret;
    emitTargetObject(this, name, rendered.object, annotations);

    this.reviewerBinding = new VaultTokenReviewerBinding(this, 'TokenReviewer', {
      serviceAccounts: accounts,
      bindingName: props.bindingName,
    });
  }
}

