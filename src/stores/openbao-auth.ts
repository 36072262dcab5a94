import { compact, renderSecretKeyRef } from './private/construct-helpers';
import { SecretKeyReference } from './secret-key-reference';

/** The auth methods of ESO's dedicated `openBao` provider (values are the keys under `auth`). */
export enum OpenBaoAuthMethod {
  /** AppRole auth. */
  APP_ROLE = 'appRole',
  /** A static token from a Secret. */
  TOKEN = 'tokenSecretRef',
  /** Userpass auth. */
  USER_PASS = 'userPass',
}

/** Options of `OpenBaoAuth.appRole()`. */
export interface OpenBaoAppRoleAuthOptions {
  /**
   * Mount path of the AppRole auth method.
   * @default 'approle'
   */
  readonly path?: string;
  /**
   * The role id (exactly one of `roleId` / `roleRef`, CEL rule of the CRD).
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

/** Options of `OpenBaoAuth.token()`. */
export interface OpenBaoTokenAuthOptions {
  /** The Secret key holding the token. */
  readonly secretRef: SecretKeyReference;
}

/** Options of `OpenBaoAuth.userPass()`. */
export interface OpenBaoUserPassAuthOptions {
  /**
   * Mount path of the userpass auth method.
   * @default 'userpass'
   */
  readonly path?: string;
  /** User name. */
  readonly username: string;
  /** The Secret key holding the password. */
  readonly secretRef: SecretKeyReference;
}

/**
 * How ESO logs in to OpenBao with the dedicated `openBao` provider (ESO ≥ 2.7): exactly one of
 * appRole, tokenSecretRef or userPass (CEL rule of the CRD). For Kubernetes auth against OpenBao use
 * `SecretStoreProvider.vault()` (OpenBao speaks the Vault API).
 */
export class OpenBaoAuth {
  /** AppRole auth. */
  public static appRole(options: OpenBaoAppRoleAuthOptions): OpenBaoAuth {
    const path = options.path ?? 'approle';
    return new OpenBaoAuth(OpenBaoAuthMethod.APP_ROLE, path, () => compact({
      path,
      roleId: options.roleId,
      roleRef: renderSecretKeyRef(options.roleRef),
      secretRef: renderSecretKeyRef(options.secretRef),
    }));
  }

  /** A static token from a Secret. Warned about: a long-lived token in the cluster. */
  public static token(options: OpenBaoTokenAuthOptions): OpenBaoAuth {
    return new OpenBaoAuth(OpenBaoAuthMethod.TOKEN, 'token', () => renderSecretKeyRef(options.secretRef));
  }

  /** Userpass auth. */
  public static userPass(options: OpenBaoUserPassAuthOptions): OpenBaoAuth {
    const path = options.path ?? 'userpass';
    return new OpenBaoAuth(OpenBaoAuthMethod.USER_PASS, path, () => compact({
      path, username: options.username, secretRef: renderSecretKeyRef(options.secretRef),
    }));
  }

  private constructor(
    /** The auth method. */
    public readonly method: OpenBaoAuthMethod,
    /** Mount path of the auth method (`token` for token auth). */
    public readonly mountPath: string,
    private readonly render: () => any,
  ) {}

  /** @internal The `auth` block: `{ <method>: {...} }`. */
  public _toSpec(): any {
    return { [this.method]: this.render() };
  }
}
