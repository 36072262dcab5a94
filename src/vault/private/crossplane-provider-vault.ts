// Internal: the Crossplane provider-vault controller (upbound managed resources).
import { Chart, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { AuthConfigInput, AuthConfigOutput, AuthRoleInput, PolicyInput, VaultController, dropUndefined, sortKeys } from './controller';
import { AuthMountInput, SecretsMountInput } from './mount-input';
import { TargetObject } from './target-object';
import { CrossplaneProviderConfigKind, CrossplaneProviderVaultOptions, VaultConfigTargetType } from '../config-target-options';

/** Crossplane provider-vault: managed resources, namespaced `.m.` kinds unless `legacyClusterScoped`. */
export class CrossplaneProviderVaultController implements VaultController {
  public readonly type = VaultConfigTargetType.CROSSPLANE_PROVIDER_VAULT;
  public readonly operatorRole = undefined;

  public readonly destinationKey: string;
  public readonly destination: string;

  constructor(private readonly options: CrossplaneProviderVaultOptions) {
    const ref = `${options.legacyClusterScoped ? 'ProviderConfig' : options.providerConfigKind ?? CrossplaneProviderConfigKind.CLUSTER_PROVIDER_CONFIG}/${options.providerConfigName ?? 'default'}`;
    const ns = options.vaultNamespace ? ` (Vault namespace ${options.vaultNamespace})` : '';
    this.destinationKey = `crossplane|${ref}|${options.vaultNamespace ?? ''}`;
    this.destination = `provider-vault ${ref}${ns}`;
  }

  public namespaceFor(scope: Construct): string | undefined {
    if (this.options.legacyClusterScoped) return undefined;
    return this.options.namespace ?? Chart.of(scope).namespace;
  }

  public policy(scope: Construct, input: PolicyInput): TargetObject {
    const forProvider: any = { name: input.policyName, policy: input.policy };
    if (this.options.vaultNamespace) forProvider.namespace = this.options.vaultNamespace;
    return {
      apiVersion: this.options.legacyClusterScoped ? 'vault.vault.upbound.io/v1alpha1' : 'vault.vault.m.upbound.io/v1alpha1',
      kind: 'Policy',
      namespace: this.namespaceFor(scope),
      spec: { providerConfigRef: this.providerConfigRef(), forProvider },
    };
  }

  public kubernetesAuthRole(scope: Construct, r: AuthRoleInput): TargetObject {
    if (r.namespaceSelectorExpressions?.length) {
      throw new Error(`${scope.node.path}: Vault's bound_service_account_namespace_selector rejects matchExpressions, so provider-vault cannot take namespaceSelectorExpressions; use namespaceSelectorLabels, or VaultConfigTarget.vaultConfigOperator(role), which resolves expressions at reconcile time`);
    }
    const selector = r.namespaceSelectorLabels;
    const forProvider: any = {
      backend: r.mountPath,
      roleName: r.roleName,
      boundServiceAccountNames: r.serviceAccountNames,
      boundServiceAccountNamespaces: Lazy.any({ produce: () => { const l = r.namespaces(); return l.length ? l : undefined; } }),
      boundServiceAccountNamespaceSelector: selector ? JSON.stringify({ matchLabels: sortKeys(selector) }) : undefined,
      audience: r.audience,
      aliasNameSource: r.aliasNameSource,
      tokenPolicies: r.policies,
      tokenTtl: r.tokenTtl,
      tokenMaxTtl: r.tokenMaxTtl,
      tokenExplicitMaxTtl: r.tokenExplicitMaxTtl,
      tokenPeriod: r.tokenPeriod,
      tokenNumUses: r.tokenNumUses,
      tokenBoundCidrs: r.tokenBoundCidrs,
      tokenNoDefaultPolicy: r.tokenNoDefaultPolicy,
      tokenType: r.tokenType,
      namespace: this.options.vaultNamespace,
    };
    return {
      apiVersion: this.options.legacyClusterScoped ? 'kubernetes.vault.upbound.io/v1alpha1' : 'kubernetes.vault.m.upbound.io/v1alpha1',
      kind: 'AuthBackendRole',
      namespace: this.namespaceFor(scope),
      spec: { providerConfigRef: this.providerConfigRef(), forProvider: dropUndefined(forProvider) },
    };
  }

  public kubernetesAuthConfig(scope: Construct, c: AuthConfigInput): AuthConfigOutput {
    if (this.options.legacyClusterScoped) {
      throw new Error(`${scope.node.path}: provider-vault has no legacy cluster-scoped AuthBackendConfig; use the namespaced (.m.) kinds`);
    }
    const ns = this.namespaceFor(scope);
    const providerConfigRef = this.providerConfigRef();
    const forProvider: any = { backend: c.mountPath, kubernetesHost: c.kubernetesHost };
    if (c.kubernetesCaCert) forProvider.kubernetesCaCert = c.kubernetesCaCert;
    if (c.pemKeys?.length) forProvider.pemKeys = c.pemKeys;
    if (c.useAnnotationsAsAliasMetadata !== undefined) forProvider.useAnnotationsAsAliasMetadata = c.useAnnotationsAsAliasMetadata;
    if (c.external) forProvider.disableLocalCaJwt = true;
    if (c.issuer !== undefined) forProvider.issuer = c.issuer;
    if (c.disableIssValidation !== undefined) forProvider.disableIssValidation = c.disableIssValidation;
    if (c.useOperatorPodCa !== undefined) {
      throw new Error(`${scope.node.path}: useOperatorPodCa is a vault-config-operator field (it injects the operator pod's CA); provider-vault has none. Give kubernetesCaCert instead`);
    }
    let reviewerTokenSecret: kplus.ServiceAccountTokenSecret | undefined;
    if (c.dedicatedReviewer) {
      // provider-vault reads the reviewer JWT from a Secret: a token Secret of the reviewer service account
      reviewerTokenSecret = new kplus.ServiceAccountTokenSecret(scope, 'ReviewerToken', {
        serviceAccount: c.dedicatedReviewer,
        metadata: { namespace: ns },
      });
      forProvider.tokenReviewerJwtSecretRef = { name: reviewerTokenSecret.name, key: 'token' };
    }
    if (this.options.vaultNamespace) forProvider.namespace = this.options.vaultNamespace;
    return {
      object: {
        apiVersion: 'kubernetes.vault.m.upbound.io/v1alpha1',
        kind: 'AuthBackendConfig',
        namespace: ns,
        spec: { providerConfigRef, forProvider },
      },
      reviewerTokenSecret,
    };
  }

  public secretsMount(scope: Construct, _m: SecretsMountInput): TargetObject {
    throw new Error(`${scope.node.path}: a secrets-engine mount cannot be emitted for Crossplane provider-vault: this library pins no provider-vault mount CRD (vault.vault.m.upbound.io Mount), so it could not validate the object. `
      + 'Emit the mount with vault-config-operator (target: VaultConfigTarget.vaultConfigOperator(role)), or create it outside the app and reference it with VaultSecretsMount.fromMountPath()');
  }

  public authMount(scope: Construct, m: AuthMountInput): TargetObject {
    if (this.options.legacyClusterScoped) {
      throw new Error(`${scope.node.path}: the legacy cluster-scoped provider-vault auth Backend (auth.vault.upbound.io) is not pinned; use the namespaced (.m.) kinds, or VaultAuthMount.fromMountPath() for a mount made elsewhere`);
    }
    const only = m.sealWrap !== undefined ? 'sealWrap' : m.tuneDescription !== undefined ? 'tuneDescription' : m.tuneOptions !== undefined ? 'tuneOptions' : undefined;
    if (only) {
      throw new Error(`${scope.node.path}: ${only} is a vault-config-operator field; provider-vault's auth Backend has no such field. Drop it, or use VaultConfigTarget.vaultConfigOperator(role)`);
    }
    const t = m.tune;
    const tune = dropUndefined({
      defaultLeaseTtl: t.defaultLeaseTtl,
      maxLeaseTtl: t.maxLeaseTtl,
      auditNonHmacRequestKeys: t.auditNonHmacRequestKeys,
      auditNonHmacResponseKeys: t.auditNonHmacResponseKeys,
      listingVisibility: t.listingVisibility,
      passthroughRequestHeaders: t.passthroughRequestHeaders,
      allowedResponseHeaders: t.allowedResponseHeaders,
      tokenType: m.tokenType,
    });
    const forProvider = dropUndefined({
      type: m.type,
      path: m.mountPath,
      description: m.description,
      local: m.local,
      disableRemount: m.disableRemount,
      identityTokenKey: m.identityTokenKey,
      namespace: this.options.vaultNamespace,
      tune: Object.keys(tune).length ? [tune] : undefined,
    });
    return {
      apiVersion: 'auth.vault.m.upbound.io/v1alpha1',
      kind: 'Backend',
      namespace: this.namespaceFor(scope),
      spec: { providerConfigRef: this.providerConfigRef(), forProvider },
    };
  }

  /** `providerConfigRef` (legacy kinds take no kind). */
  private providerConfigRef(): any {
    const x = this.options;
    return x.legacyClusterScoped
      ? { name: x.providerConfigName ?? 'default' }
      : { kind: x.providerConfigKind ?? CrossplaneProviderConfigKind.CLUSTER_PROVIDER_CONFIG, name: x.providerConfigName ?? 'default' };
  }
}
