// Internal: the Crossplane provider-vault controller (upbound managed resources).
import { Chart, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { AuthConfigInput, AuthConfigOutput, AuthRoleInput, PolicyInput, VaultController, dropUndefined, sortKeys } from './controller';
import { TargetObject } from './target-object';
import { CrossplaneProviderConfigKind, CrossplaneProviderVaultOptions, VaultConfigTargetType } from '../config-target-options';

/** Crossplane provider-vault: managed resources, namespaced `.m.` kinds unless `legacyClusterScoped`. */
export class CrossplaneProviderVaultController implements VaultController {
  public readonly type = VaultConfigTargetType.CROSSPLANE_PROVIDER_VAULT;
  public readonly operatorRole = undefined;

  constructor(private readonly options: CrossplaneProviderVaultOptions) {}

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

  /** `providerConfigRef` (legacy kinds take no kind). */
  private providerConfigRef(): any {
    const x = this.options;
    return x.legacyClusterScoped
      ? { name: x.providerConfigName ?? 'default' }
      : { kind: x.providerConfigKind ?? CrossplaneProviderConfigKind.CLUSTER_PROVIDER_CONFIG, name: x.providerConfigName ?? 'default' };
  }
}
