import * as kplus from 'cdk8s-plus-28';
import { VaultAuthMethod } from '../refs/vault-provider-config';
import { compact, renderSecretKeyRef, renderServiceAccountRef } from './private/construct-helpers';
import { SecretKeyReference } from './secret-key-reference';
import { checkObject, checkProps, checkString } from '../base/private/prop-checks';


/** Options of `VaultAuth.kubernetes()`. */
export interface VaultKubernetesAuthOptions {
  /** Vault role to log in as (`auth/<mountPath>/role/<role>`). */
  readonly role: string;
  /**
   * Mount path of the Kubernetes auth method, without the `auth/` prefix.
   * @default 'kubernetes'
   */
  readonly mountPath?: string;
  /**
   * Service account whose token ESO requests (TokenRequest) and presents to Vault. Use
   * `kplus.ServiceAccount.fromServiceAccountName(scope, id, name, { namespaceName })` for one made elsewhere.
   * @default - `secretRef` if set, else the ESO controller's own mounted token
   */
  readonly serviceAccount?: kplus.IServiceAccount;
  /**
   * Audiences of the requested service-account token; must include the role's `audience` (Vault ≥ 1.21
   * roles need one).
   * @default - no audience (the API server's default audience)
   */
  readonly audiences?: string[];
  /**
   * A Secret holding a service-account JWT (key usually `token`), instead of `serviceAccount`.
   * @default - not used
   */
  readonly secretRef?: SecretKeyReference;
}

/** Options of `VaultAuth.appRole()`. */
export interface VaultAppRoleAuthOptions {
  /**
   * Mount path of the AppRole auth method.
   * @default 'approle'
   */
  readonly path?: string;
  /**
   * The role id, in clear (it is not a secret).
   * @default - `roleRef` must be set
   */
  readonly roleId?: string;
  /**
   * The role id, read from a Secret.
   * @default - `roleId` must be set
   */
  readonly roleRef?: SecretKeyReference;
  /** The secret id. */
  readonly secretRef: SecretKeyReference;
}

/** Options of `VaultAuth.jwt()`. */
export interface VaultJwtAuthOptions {
  /**
   * Mount path of the JWT auth method.
   * @default 'jwt'
   */
  readonly path?: string;
  /**
   * Vault role to log in as.
   * @default - the auth method's default role
   */
  readonly role?: string;
  /**
   * A Secret holding the JWT.
   * @default - `serviceAccount` must be set
   */
  readonly secretRef?: SecretKeyReference;
  /**
   * Service account whose token ESO requests and presents (`kubernetesServiceAccountToken`).
   * @default - `secretRef` must be set
   */
  readonly serviceAccount?: kplus.IServiceAccount;
  /**
   * Audiences of the requested token (ESO adds `vault` when none is given), written to
   * `kubernetesServiceAccountToken.serviceAccountRef.audiences`. The CRD's deprecated
   * `kubernetesServiceAccountToken.audiences` and `expirationSeconds` are not offered.
   * @default - ESO's default (`vault`)
   */
  readonly audiences?: string[];
}

/** Options of `VaultAuth.cert()`. */
export interface VaultCertAuthOptions {
  /**
   * Mount path of the cert auth method.
   * @default 'cert'
   */
  readonly path?: string;
  /**
   * Name of the Vault cert role to log in as.
   * @default - any matching role
   */
  readonly vaultRole?: string;
  /** The client certificate (PEM), e.g. key `tls.crt` of a TLS Secret. */
  readonly clientCert: SecretKeyReference;
  /** The client private key (PEM), e.g. key `tls.key` of a TLS Secret. */
  readonly privateKey: SecretKeyReference;
}

/** Options of `VaultAuth.token()`. */
export interface VaultTokenAuthOptions {
  /** The Secret key holding the Vault token. */
  readonly secretRef: SecretKeyReference;
}

/** Options of `VaultAuth.ldap()` and `VaultAuth.userPass()`. */
export interface VaultUsernamePasswordAuthOptions {
  /**
   * Mount path of the auth method.
   * @default 'ldap' for LDAP, 'userpass' for userpass
   */
  readonly path?: string;
  /** User name. */
  readonly username: string;
  /** The Secret key holding the password. */
  readonly secretRef: SecretKeyReference;
}

/** Options of `VaultAuth.iam()`. */
export interface VaultIamAuthOptions {
  /** Vault role to log in as. */
  readonly vaultRole: string;
  /**
   * Mount path of the AWS auth method.
   * @default 'aws'
   */
  readonly path?: string;
  /**
   * AWS region of the STS endpoint.
   * @default - ESO's default (us-east-1)
   */
  readonly region?: string;
  /**
   * ARN of an AWS role to assume before logging in.
   * @default - no role assumed
   */
  readonly awsRoleArn?: string;
  /**
   * External id for the assumed role.
   * @default - none
   */
  readonly externalId?: string;
  /**
   * Value of the `X-Vault-AWS-IAM-Server-ID` header.
   * @default - none
   */
  readonly vaultAwsIamServerId?: string;
  /**
   * Access key id of static AWS credentials.
   * @default - the controller's pod identity (IRSA / EKS Pod Identity), or `serviceAccount`
   */
  readonly accessKeyId?: SecretKeyReference;
  /**
   * Secret access key of static AWS credentials.
   * @default - the controller's pod identity
   */
  readonly secretAccessKey?: SecretKeyReference;
  /**
   * Session token of static AWS credentials.
   * @default - none
   */
  readonly sessionToken?: SecretKeyReference;
  /**
   * Service account annotated for IRSA whose token is used (`jwt.serviceAccountRef`).
   * @default - the controller's pod identity
   */
  readonly serviceAccount?: kplus.IServiceAccount;
  /**
   * Audiences of the IRSA token.
   * @default - none
   */
  readonly audiences?: string[];
}

/** Workload identity settings of `VaultAuth.gcp()`. */
export interface VaultGcpWorkloadIdentity {
  /** Kubernetes service account bound to the GCP service account. */
  readonly serviceAccount: kplus.IServiceAccount;
  /**
   * Audiences of the token.
   * @default - none
   */
  readonly audiences?: string[];
  /**
   * Location of the GKE cluster.
   * @default - discovered
   */
  readonly clusterLocation?: string;
  /**
   * Name of the GKE cluster.
   * @default - discovered
   */
  readonly clusterName?: string;
  /**
   * Project of the GKE cluster.
   * @default - discovered
   */
  readonly clusterProjectId?: string;
}

/** Options of `VaultAuth.gcp()`. */
export interface VaultGcpAuthOptions {
  /** Vault role to log in as. */
  readonly role: string;
  /**
   * Mount path of the GCP auth method.
   * @default 'gcp'
   */
  readonly path?: string;
  /**
   * GCP project id.
   * @default - discovered
   */
  readonly projectId?: string;
  /**
   * GCP location.
   * @default - discovered
   */
  readonly location?: string;
  /**
   * A GCP service-account key (JSON) in a Secret.
   * @default - not used
   */
  readonly secretAccessKey?: SecretKeyReference;
  /**
   * A Kubernetes service account to use.
   * @default - not used
   */
  readonly serviceAccount?: kplus.IServiceAccount;
  /**
   * Audiences of `serviceAccount`'s token.
   * @default - none
   */
  readonly audiences?: string[];
  /**
   * GKE workload identity.
   * @default - ADC / the controller's workload identity
   */
  readonly workloadIdentity?: VaultGcpWorkloadIdentity;
}

/**
 * How ESO logs in to Vault: exactly one method per store (ESO silently uses the first one it finds
 * otherwise, in a fixed order). Each factory always emits the auth method's mount path.
 */
export class VaultAuth {
  /** Kubernetes auth (recommended in-cluster: no long-lived credential). */
  public static kubernetes(options: VaultKubernetesAuthOptions): VaultAuth {
    checkObject('VaultAuth.kubernetes', 'options', options, 'an options object', 'pass { role: "<Vault role>", serviceAccount?, audiences? }');
    checkProps('VaultAuth.kubernetes', options);
    checkString('VaultAuth.kubernetes', 'role', options.role, { required: true, fix: 'give the Vault Kubernetes auth role, e.g. { role: "external-secrets" }' });
    checkString('VaultAuth.kubernetes', 'mountPath', options.mountPath, { fix: 'omit it for the default "kubernetes", or give the auth mount' });
    const mountPath = options.mountPath ?? 'kubernetes';
    return new VaultAuth(VaultAuthMethod.KUBERNETES, mountPath, () => compact({
      mountPath,
      role: options.role,
      serviceAccountRef: renderServiceAccountRef(options.serviceAccount, options.audiences),
      secretRef: renderSecretKeyRef(options.secretRef),
    }), options.role, options.serviceAccount, options.audiences);
  }

  /** AppRole auth (`roleId` or `roleRef`, plus the secret id). */
  public static appRole(options: VaultAppRoleAuthOptions): VaultAuth {
    const path = options.path ?? 'approle';
    return new VaultAuth(VaultAuthMethod.APP_ROLE, path, () => compact({
      path,
      roleId: options.roleId,
      roleRef: renderSecretKeyRef(options.roleRef),
      secretRef: renderSecretKeyRef(options.secretRef),
    }));
  }

  /** JWT auth, with a JWT from a Secret or a requested service-account token. */
  public static jwt(options: VaultJwtAuthOptions): VaultAuth {
    const path = options.path ?? 'jwt';
    return new VaultAuth(VaultAuthMethod.JWT, path, () => compact({
      path,
      role: options.role,
      secretRef: renderSecretKeyRef(options.secretRef),
      kubernetesServiceAccountToken: options.serviceAccount
        ? { serviceAccountRef: renderServiceAccountRef(options.serviceAccount, options.audiences) }
        : undefined,
    }), options.role, options.serviceAccount, options.audiences);
  }

  /** The TLS certificate auth method (not the same as the transport-level client TLS of the provider). */
  public static cert(options: VaultCertAuthOptions): VaultAuth {
    const path = options.path ?? 'cert';
    return new VaultAuth(VaultAuthMethod.CERT, path, () => compact({
      path,
      vaultRole: options.vaultRole,
      clientCert: renderSecretKeyRef(options.clientCert),
      secretRef: renderSecretKeyRef(options.privateKey),
    }), options.vaultRole);
  }

  /** A static Vault token from a Secret (`tokenSecretRef`). Warned about: a long-lived token in the cluster. */
  public static token(options: VaultTokenAuthOptions): VaultAuth {
    return new VaultAuth(VaultAuthMethod.TOKEN, 'token', () => renderSecretKeyRef(options.secretRef), undefined, undefined, undefined, true);
  }

  /** LDAP auth. */
  public static ldap(options: VaultUsernamePasswordAuthOptions): VaultAuth {
    const path = options.path ?? 'ldap';
    return new VaultAuth(VaultAuthMethod.LDAP, path, () => compact({
      path, username: options.username, secretRef: renderSecretKeyRef(options.secretRef),
    }));
  }

  /** Userpass auth. */
  public static userPass(options: VaultUsernamePasswordAuthOptions): VaultAuth {
    const path = options.path ?? 'userpass';
    return new VaultAuth(VaultAuthMethod.USER_PASS, path, () => compact({
      path, username: options.username, secretRef: renderSecretKeyRef(options.secretRef),
    }));
  }

  /** AWS IAM auth. */
  public static iam(options: VaultIamAuthOptions): VaultAuth {
    const path = options.path ?? 'aws';
    return new VaultAuth(VaultAuthMethod.IAM, path, () => compact({
      path,
      vaultRole: options.vaultRole,
      region: options.region,
      role: options.awsRoleArn,
      externalID: options.externalId,
      vaultAwsIamServerID: options.vaultAwsIamServerId,
      secretRef: compact({
        accessKeyIDSecretRef: renderSecretKeyRef(options.accessKeyId),
        secretAccessKeySecretRef: renderSecretKeyRef(options.secretAccessKey),
        sessionTokenSecretRef: renderSecretKeyRef(options.sessionToken),
      }),
      jwt: options.serviceAccount
        ? { serviceAccountRef: renderServiceAccountRef(options.serviceAccount, options.audiences) }
        : undefined,
    }), options.vaultRole, options.serviceAccount, options.audiences);
  }

  /** Google Cloud auth. */
  public static gcp(options: VaultGcpAuthOptions): VaultAuth {
    const path = options.path ?? 'gcp';
    const wi = options.workloadIdentity;
    return new VaultAuth(VaultAuthMethod.GCP, path, () => compact({
      path,
      role: options.role,
      projectID: options.projectId,
      location: options.location,
      secretRef: options.secretAccessKey ? { secretAccessKeySecretRef: renderSecretKeyRef(options.secretAccessKey) } : undefined,
      serviceAccountRef: renderServiceAccountRef(options.serviceAccount, options.audiences),
      workloadIdentity: wi ? compact({
        serviceAccountRef: renderServiceAccountRef(wi.serviceAccount, wi.audiences),
        clusterLocation: wi.clusterLocation,
        clusterName: wi.clusterName,
        clusterProjectID: wi.clusterProjectId,
      }) : undefined,
    }), options.role, options.serviceAccount ?? wi?.serviceAccount, options.audiences ?? wi?.audiences);
  }

  private constructor(
    /** The auth method. */
    public readonly method: VaultAuthMethod,
    /** Mount path of the auth method in Vault (`kubernetes` → `auth/kubernetes/login`); `token` for token auth. */
    public readonly mountPath: string,
    private readonly render: () => any,
    /** The Vault role logged in as (kubernetes, jwt: `role`; cert, iam: `vaultRole`; gcp: `role`), if any. */
    public readonly role?: string,
    /** The service account whose token is presented, if one is set. */
    public readonly serviceAccount?: kplus.IServiceAccount,
    /** Audiences requested for that token, if set. */
    public readonly audiences?: string[],
    /** True for a static, long-lived token. */
    public readonly longLivedToken: boolean = false,
  ) {}

  /** @internal The `auth` block: `{ <method>: {...} }`. */
  public _toSpec(): any {
    return { [this.method]: this.render() };
  }
}
