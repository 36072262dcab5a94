// Internal: the vault-config-operator controller (redhatcop.redhat.io/v1alpha1 CRs).
import { Chart, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { AuthConfigInput, AuthConfigOutput, AuthRoleInput, PolicyInput, VaultController, dropUndefined, sortKeys } from './controller';
import { AuthMountInput, MountTuneInput, SecretsMountInput } from './mount-input';
import { TargetObject } from './target-object';
import { toGoDuration } from '../../model/go-duration';
import { VaultConfigOperatorOptions, VaultConfigTargetType } from '../config-target-options';

const API_VERSION = 'redhatcop.redhat.io/v1alpha1';

/** vault-config-operator: one CR per Vault object, applied after the operator logs in as `operatorRole`. */
export class VaultConfigOperatorController implements VaultController {
  public readonly type = VaultConfigTargetType.VAULT_CONFIG_OPERATOR;

  public readonly destinationKey: string;
  public readonly destination: string;

  constructor(public readonly operatorRole: string, private readonly options: VaultConfigOperatorOptions) {
    const ns = options.vaultNamespace ? ` (Vault namespace ${options.vaultNamespace})` : '';
    this.destinationKey = `operator|${options.address ?? ''}|${options.vaultNamespace ?? ''}`;
    this.destination = `vault-config-operator at ${options.address ?? "the operator's VAULT_ADDR"}${ns}`;
  }

  public namespaceFor(scope: Construct): string | undefined {
    return this.options.namespace ?? Chart.of(scope).namespace;
  }

  public policy(scope: Construct, input: PolicyInput): TargetObject {
    return {
      apiVersion: API_VERSION,
      kind: 'Policy',
      namespace: this.namespaceFor(scope),
      spec: { ...this.common(scope), ...(input.renamed ? { name: input.policyName } : {}), type: 'acl', policy: input.policy },
    };
  }

  public kubernetesAuthRole(scope: Construct, r: AuthRoleInput): TargetObject {
    const ns = this.namespaceFor(scope);
    const selector = r.namespaceSelectorLabels;
    const expressions = r.namespaceSelectorExpressions;
    if ((selector || expressions) && r.namespaceListGiven) {
      throw new Error(`${scope.node.path}: vault-config-operator takes either a namespace list or a namespace selector (targetNamespaces), not both. Drop namespaceSelectorLabels, or use VaultConfigTarget.crossplane() where Vault ORs them`);
    }
    const targetNamespaces = selector || expressions
      ? { targetNamespaceSelector: dropUndefined({ matchLabels: selector ? sortKeys(selector) : undefined, matchExpressions: expressions }) }
      : { targetNamespaces: Lazy.any({ produce: () => r.namespaces() }) };
    const spec: any = {
      ...this.common(scope),
      name: r.renamed ? r.roleName : undefined,
      path: r.mountPath,
      targetServiceAccounts: r.serviceAccountNames,
      targetNamespaces,
      policies: r.policies,
      audience: r.audience,
      aliasNameSource: r.aliasNameSource,
      tokenTTL: r.tokenTtl,
      tokenMaxTTL: r.tokenMaxTtl,
      tokenExplicitMaxTTL: r.tokenExplicitMaxTtl,
      tokenPeriod: r.tokenPeriod,
      tokenNumUses: r.tokenNumUses,
      tokenBoundCIDRs: r.tokenBoundCidrs,
      tokenNoDefaultPolicy: r.tokenNoDefaultPolicy,
      tokenType: r.tokenType,
    };
    return { apiVersion: API_VERSION, kind: 'KubernetesAuthEngineRole', namespace: ns, spec: dropUndefined(spec) };
  }

  public kubernetesAuthConfig(scope: Construct, c: AuthConfigInput): AuthConfigOutput {
    // the operator writes to auth/<spec.path>/<spec.name>/config: split the mount into parent path + last segment
    const segs = c.mountPath.split('/');
    const spec: any = {
      ...this.common(scope),
      path: segs.slice(0, -1).join('/'),
      name: segs[segs.length - 1],
      kubernetesHost: c.kubernetesHost,
    };
    if (c.kubernetesCaCert) spec.kubernetesCACert = c.kubernetesCaCert;
    if (c.pemKeys?.length) spec.PEMKeys = c.pemKeys;
    if (c.useAnnotationsAsAliasMetadata !== undefined) spec.useAnnotationsAsAliasMetadata = c.useAnnotationsAsAliasMetadata;
    if (c.external) spec.disableLocalCAJWT = true;
    if (c.dedicatedReviewer) spec.tokenReviewerServiceAccount = { name: c.dedicatedReviewer.name };
    if (c.issuer !== undefined) spec.issuer = c.issuer;
    if (c.disableIssValidation !== undefined) spec.disableISSValidation = c.disableIssValidation;
    if (c.useOperatorPodCa !== undefined) spec.useOperatorPodCA = c.useOperatorPodCa;
    return { object: { apiVersion: API_VERSION, kind: 'KubernetesAuthEngineConfig', namespace: this.namespaceFor(scope), spec } };
  }

  public secretsMount(scope: Construct, m: SecretsMountInput): TargetObject {
    // the operator mounts at sys/mounts/<spec.path>/<spec.name> (or sys/mounts/<spec.name> without path)
    const segs = m.mountPath.split('/');
    const config = dropUndefined({ ...tuneConfig(m.tune), forceNoCache: m.forceNoCache });
    const spec: any = dropUndefined({
      ...this.common(scope),
      type: m.type,
      path: segs.length > 1 ? segs.slice(0, -1).join('/') : undefined,
      name: segs[segs.length - 1],
      description: m.description,
      local: m.local,
      sealWrap: m.sealWrap,
      externalEntropyAccess: m.externalEntropyAccess,
      options: m.options && Object.keys(m.options).length ? sortKeys(m.options) : undefined,
      config: Object.keys(config).length ? config : undefined,
    });
    return { apiVersion: API_VERSION, kind: 'SecretEngineMount', namespace: this.namespaceFor(scope), spec };
  }

  public authMount(scope: Construct, m: AuthMountInput): TargetObject {
    if (m.disableRemount !== undefined || m.identityTokenKey !== undefined) {
      throw new Error(`${scope.node.path}: ${m.disableRemount !== undefined ? 'disableRemount' : 'identityTokenKey'} is a provider-vault field; vault-config-operator's AuthEngineMount has no such field. Drop it, or use VaultConfigTarget.crossplane()`);
    }
    // the operator mounts at sys/auth/<spec.path>/<spec.name>: split the mount into parent path + last segment
    const segs = m.mountPath.split('/');
    const config = dropUndefined({
      ...tuneConfig(m.tune),
      tokenType: m.tokenType,
      description: m.tuneDescription,
      options: m.tuneOptions && Object.keys(m.tuneOptions).length ? sortKeys(m.tuneOptions) : undefined,
    });
    const spec: any = dropUndefined({
      ...this.common(scope),
      type: m.type,
      path: segs.slice(0, -1).join('/'),
      name: segs[segs.length - 1],
      description: m.description,
      local: m.local,
      sealwrap: m.sealWrap,
      config: Object.keys(config).length ? config : undefined,
    });
    return { apiVersion: API_VERSION, kind: 'AuthEngineMount', namespace: this.namespaceFor(scope), spec };
  }

  /** `authentication` + `connection`, common to every CR. */
  private common(scope: Construct): any {
    const o = this.options;
    const ns = this.namespaceFor(scope);
    let saName = 'default';
    if (o.serviceAccount) {
      const subj = o.serviceAccount.toSubjectConfiguration();
      if (subj.namespace && ns && subj.namespace !== ns) {
        throw new Error(`${scope.node.path}: vault-config-operator authentication.serviceAccount "${subj.namespace}/${subj.name}" must be in the namespace of the CRs ("${ns}"): the operator requests its token there. Pass a service account of namespace "${ns}"`);
      }
      saName = o.serviceAccount.name;
    }
    const authentication: any = { path: (o.authMountPath ?? 'kubernetes').replace(/^\/+|\/+$/g, ''), role: this.operatorRole, serviceAccount: { name: saName } };
    if (o.vaultNamespace) authentication.namespace = o.vaultNamespace;
    const out: any = { authentication };
    if (o.address || o.tlsSecret || o.tlsServerName || o.caCertFile || o.tlsSkipVerify !== undefined || o.timeout || o.maxRetries !== undefined) {
      if (!o.address) throw new Error(`${scope.node.path}: vault-config-operator connection options need "address" (spec.connection.address is required)`);
      const connection: any = { address: o.address };
      const tls: any = {};
      if (o.tlsSecret) tls.tlsSecret = { name: o.tlsSecret.name };
      if (o.tlsServerName) tls.tlsServerName = o.tlsServerName;
      if (o.caCertFile) tls.cacert = o.caCertFile;
      if (o.tlsSkipVerify !== undefined) tls.skipVerify = o.tlsSkipVerify;
      if (Object.keys(tls).length) connection.tLSConfig = tls;
      if (o.timeout) connection.timeOut = toGoDuration(o.timeout);
      if (o.maxRetries !== undefined) connection.maxRetries = o.maxRetries;
      out.connection = connection;
    }
    return out;
  }
}

/** The operator's mount `config` tuning fields (camelCase as its CRDs spell them). */
function tuneConfig(t: MountTuneInput): any {
  return dropUndefined({
    defaultLeaseTTL: t.defaultLeaseTtl,
    maxLeaseTTL: t.maxLeaseTtl,
    auditNonHMACRequestKeys: t.auditNonHmacRequestKeys,
    auditNonHMACResponseKeys: t.auditNonHmacResponseKeys,
    listingVisibility: t.listingVisibility,
    passthroughRequestHeaders: t.passthroughRequestHeaders,
    allowedResponseHeaders: t.allowedResponseHeaders,
  });
}
