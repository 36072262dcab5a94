/**
 * Every API group, version and annotation name the library writes or reads, in one place: constructs build
 * manifests with them, the model and the rules read manifests with them.
 */

/** External Secrets Operator. */
export const ESO_GROUP = 'external-secrets.io';
export const ESO_API_VERSION = `${ESO_GROUP}/v1`;
export const GENERATORS_GROUP = 'generators.external-secrets.io';
export const GENERATORS_API_VERSION = `${GENERATORS_GROUP}/v1alpha1`;

/** Flux. */
export const FLUX_KUSTOMIZE_GROUP = 'kustomize.toolkit.fluxcd.io';
export const FLUX_SOURCE_GROUP = 'source.toolkit.fluxcd.io';
export const FLUX_HELM_GROUP = 'helm.toolkit.fluxcd.io';
/** kustomize's own `kustomization.yaml` (not a Kubernetes object, but it has apiVersion/kind). */
export const KUSTOMIZE_CONFIG_GROUP = 'kustomize.config.k8s.io';
export const FLUX_KUSTOMIZATION_API_VERSION = `${FLUX_KUSTOMIZE_GROUP}/v1`;
export const FLUX_SOURCE_API_VERSION = `${FLUX_SOURCE_GROUP}/v1`;
export const FLUX_HELM_API_VERSION = `${FLUX_HELM_GROUP}/v2`;
export const KUSTOMIZE_CONFIG_API_VERSION = `${KUSTOMIZE_CONFIG_GROUP}/v1beta1`;
/** Default namespace of Flux's own objects (`flux bootstrap`). */
export const FLUX_SYSTEM_NAMESPACE = 'flux-system';
/** Label/annotation that turns Flux post-build substitution off for one object. */
export const SUBSTITUTE_ANNOTATION = `${FLUX_KUSTOMIZE_GROUP}/substitute`;
/** `disabled` on an object: Flux never deletes it when it leaves Git. */
export const PRUNE_ANNOTATION = `${FLUX_KUSTOMIZE_GROUP}/prune`;

/** Vault: vault-config-operator and Crossplane provider-vault (namespaced `.m.` and legacy groups). */
export const OPERATOR_GROUP = 'redhatcop.redhat.io';
export const OPERATOR_API_VERSION = `${OPERATOR_GROUP}/v1alpha1`;
export const XP_ROLE_GROUPS = ['kubernetes.vault.m.upbound.io', 'kubernetes.vault.upbound.io'];
export const XP_POLICY_GROUPS = ['vault.vault.m.upbound.io', 'vault.vault.upbound.io'];
export const XP_CONFIG_GROUPS = ['kubernetes.vault.m.upbound.io'];
/** provider-vault auth mounts (`Backend`; only the namespaced `.m.` group is pinned). */
export const XP_AUTH_GROUPS = ['auth.vault.m.upbound.io'];

/** Kubernetes' own label naming a Namespace object. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** Annotations of this library (rules over plain YAML see the choices made in code through them). */
export const ANNOTATION_PREFIX = 'cdk8s-external-secrets.io';
/** `RULE-ID[,RULE-ID]` on an object: those rules do not report on it. */
export const IGNORE_ANNOTATION = `${ANNOTATION_PREFIX}/ignore`;
/** `"true"` on a store that is a read-only replica: PushSecrets to it are refused. */
export const READ_ONLY_ANNOTATION = `${ANNOTATION_PREFIX}/read-only`;
/** `"true"` on a fake-provider store: its owner accepts plaintext values in Git. */
export const ALLOW_PLAINTEXT_IN_GIT_ANNOTATION = `${ANNOTATION_PREFIX}/allow-plaintext-in-git`;
/** `<the object's own name>` on an object that may carry plaintext secret values. */
export const ALLOW_PLAINTEXT_ANNOTATION = `${ANNOTATION_PREFIX}/allow-plaintext`;
/** Stores an ExternalSecret uses that are defined outside the app (comma-separated `Kind/name`). */
export const EXTERNAL_STORES_ANNOTATION = `${ANNOTATION_PREFIX}/external-stores`;
/** Marks the RBAC objects that grant Vault's token reviewer. */
export const REVIEWER_ANNOTATION = `vault.${ANNOTATION_PREFIX}/token-reviewer`;
/** `Kind/name` (`Kind/namespace/name` for a SecretStore) of the store a Vault role or policy was made for. */
export const VAULT_STORE_ANNOTATION = `vault.${ANNOTATION_PREFIX}/store`;
