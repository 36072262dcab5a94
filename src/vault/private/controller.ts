// Internal: what each controller behind a VaultConfigTarget renders (not re-exported from index.ts).
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { AuthMountInput, SecretsMountInput } from './mount-input';
import { TargetObject } from './target-object';
import type { VaultConfigTargetType } from '../config-target-options';

/** A Vault ACL policy, as `VaultPolicy` hands it to the controller. */
export interface PolicyInput {
  /** Name of the policy in Vault. */
  readonly policyName: string;
  /** True when the Kubernetes object name differs from the Vault name (vault-config-operator then sets `spec.name`). */
  readonly renamed?: boolean;
  /** The HCL text (a cdk8s Lazy: derived policies are computed at synth). */
  readonly policy: any;
}

/** A Kubernetes auth role, as `VaultKubernetesAuthRole` hands it to the controller. */
export interface AuthRoleInput {
  readonly mountPath: string;
  readonly roleName: string;
  /** True when the Kubernetes object name differs from the Vault name (vault-config-operator then sets `spec.name`). */
  readonly renamed?: boolean;
  /** `bound_service_account_names` (Lazy). */
  readonly serviceAccountNames: any;
  /** `bound_service_account_namespaces`, computed at synth. */
  readonly namespaces: () => string[];
  /** True when namespaces are given as a list (service accounts or explicit namespaces). */
  readonly namespaceListGiven: boolean;
  readonly namespaceSelectorLabels?: { [key: string]: string };
  /** `matchExpressions` of the namespace selector. */
  readonly namespaceSelectorExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
  readonly audience?: string;
  readonly aliasNameSource: string;
  /** `token_policies` (Lazy). */
  readonly policies: any;
  /** Durations in seconds. */
  readonly tokenTtl?: number;
  readonly tokenMaxTtl?: number;
  readonly tokenExplicitMaxTtl?: number;
  readonly tokenPeriod?: number;
  readonly tokenNumUses?: number;
  readonly tokenBoundCidrs?: string[];
  /** As given (not emitted when unset). */
  readonly tokenNoDefaultPolicy?: boolean;
  readonly tokenType: string;
}

/** The Kubernetes auth mount's config, as `VaultKubernetesAuthConfig` hands it to the controller. */
export interface AuthConfigInput {
  readonly mountPath: string;
  readonly kubernetesHost: string;
  readonly kubernetesCaCert?: string;
  readonly pemKeys?: string[];
  readonly useAnnotationsAsAliasMetadata?: boolean;
  /** Vault is outside the cluster: it must not review with its own pod token. */
  readonly external: boolean;
  /** A dedicated reviewer service account. */
  readonly dedicatedReviewer?: kplus.IServiceAccount;
  readonly issuer?: string;
  readonly disableIssValidation?: boolean;
  readonly useOperatorPodCa?: boolean;
}

/** The rendered auth config, and the reviewer token Secret a controller may have to create for it. */
export interface AuthConfigOutput {
  readonly object: TargetObject;
  readonly reviewerTokenSecret?: kplus.ServiceAccountTokenSecret;
}

/**
 * One controller that turns the library's Vault objects into Vault API calls: each implementation renders
 * every Vault construct as its own kinds (no construct branches on the controller).
 */
export interface VaultController {
  readonly type: VaultConfigTargetType;
  /** vault-config-operator: the Vault role it logs in with. */
  readonly operatorRole?: string;
  /** Same key = the objects land in the same Vault (same controller, address / provider config, Vault namespace). */
  readonly destinationKey: string;
  /** Where the objects land, for messages and docs ("vault-config-operator at https://..."). */
  readonly destination: string;
  /** Namespace the objects go to, for a construct in `scope` (undefined: cluster-scoped kinds). */
  namespaceFor(scope: Construct): string | undefined;
  /** The object of a `VaultPolicy`. */
  policy(scope: Construct, input: PolicyInput): TargetObject;
  /** The object of a `VaultKubernetesAuthRole`. */
  kubernetesAuthRole(scope: Construct, input: AuthRoleInput): TargetObject;
  /** The object of a `VaultKubernetesAuthConfig` (may add children to `scope`). */
  kubernetesAuthConfig(scope: Construct, input: AuthConfigInput): AuthConfigOutput;
  /** The object of a `VaultSecretsMount` (throws when the controller has no pinned kind for it). */
  secretsMount(scope: Construct, input: SecretsMountInput): TargetObject;
  /** The object of a `VaultAuthMount`. */
  authMount(scope: Construct, input: AuthMountInput): TargetObject;
}

/** Drops the undefined values (shallow). */
export function dropUndefined(o: any): any {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** A copy of a label map with its keys sorted (deterministic output). */
export function sortKeys(o: { [k: string]: string }): { [k: string]: string } {
  return Object.fromEntries(Object.keys(o).sort().map(k => [k, o[k]]));
}
