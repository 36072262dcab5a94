import { StoreAnnotations } from './annotations';
import { CaProvider } from './ca-provider';
import { OpenBaoAuth } from './openbao-auth';
import { compact, renderSecretKeyRef, serviceAccountNamespace, toCaBundle } from './private/construct-helpers';
import { SecretKeyReference } from './secret-key-reference';
import { VaultAuth } from './vault-auth';
import { VaultKv } from './vault-kv';
import { checkObject, checkProps, checkString } from '../base/private/prop-checks';
import { VaultAuthMethod, VaultProviderConfig } from '../refs/vault-provider-config';

/** Transport-level client TLS (mTLS) of the Vault provider (`tls`): certificate and key always together. */
export interface VaultClientTls {
  /** The client certificate (PEM), e.g. key `tls.crt` of a TLS Secret. */
  readonly certificate: SecretKeyReference;
  /** The client private key (PEM), e.g. key `tls.key` of a TLS Secret. */
  readonly privateKey: SecretKeyReference;
}

/** Options of `SecretStoreProvider.vault()`. */
export interface VaultProviderProps {
  /** Vault address: scheme, host and port only, e.g. `https://vault.example.internal:8200` (no `/v1`). */
  readonly server: string;
  /** The KV mount the store reads and writes, with its version: `VaultKv.v2('secret')`. */
  readonly kv: VaultKv;
  /** How ESO logs in (exactly one method). */
  readonly auth: VaultAuth;
  /**
   * Vault Enterprise / HCP namespace of the secrets.
   * @default - root namespace
   */
  readonly namespace?: string;
  /**
   * Vault namespace of the auth mount, when it differs from `namespace` (Vault Enterprise and OpenBao
   * namespaces; a namespace is never spelled into `path` or the auth mount path).
   * @default - same as `namespace`
   */
  readonly authNamespace?: string;
  /**
   * PEM bundle of the CA that signed Vault's certificate. PEM is base64-encoded for you (the field is
   * `format: byte`); a value that is already base64 is kept. Needs an `https://` server.
   * @default - the system roots
   */
  readonly caBundle?: string;
  /**
   * CA read from a Secret/ConfigMap in the cluster, instead of `caBundle`.
   * @default - the system roots
   */
  readonly caProvider?: CaProvider;
  /**
   * Client certificate and key for mTLS to Vault.
   * @default - no client certificate
   */
  readonly clientTls?: VaultClientTls;
  /**
   * Send `X-Vault-Index` so reads follow this client's own writes (performance standbys).
   * @default false
   */
  readonly readYourWrites?: boolean;
  /**
   * Ask standbys to forward inconsistent reads to the active node (only effective with `readYourWrites`).
   * @default false
   */
  readonly forwardInconsistent?: boolean;
  /**
   * Extra HTTP headers on every request.
   * @default - none
   */
  readonly headers?: { [name: string]: string };
  /**
   * Require check-and-set on PushSecret writes (KV v2 only).
   * @default false
   */
  readonly checkAndSet?: boolean;
}

/** Options of `SecretStoreProvider.openBao()` (ESO ≥ 2.7). */
export interface OpenBaoProviderProps {
  /** OpenBao address, e.g. `https://openbao.example.internal:8200`. */
  readonly server: string;
  /** The KV mount, with its version. */
  readonly kv: VaultKv;
  /** How ESO logs in: appRole, token or userPass (exactly one). */
  readonly auth: OpenBaoAuth;
  /**
   * OpenBao namespace of the secrets.
   * @default - root namespace
   */
  readonly namespace?: string;
  /**
   * OpenBao namespace of the auth mount.
   * @default - same as `namespace`
   */
  readonly authNamespace?: string;
  /**
   * PEM bundle of the CA (base64-encoded for you). At most one of `caBundle` / `caProvider`.
   * @default - the system roots
   */
  readonly caBundle?: string;
  /**
   * CA read from a Secret/ConfigMap. At most one of `caBundle` / `caProvider`.
   * @default - the system roots
   */
  readonly caProvider?: CaProvider;
}

/** One static secret of the fake provider. */
export interface FakeSecretData {
  /** The remote key ExternalSecrets ask for. */
  readonly key: string;
  /** The value. It is committed to Git in plain text: never put a real secret here. */
  readonly value: string;
  /**
   * Version of the value.
   * @default - unversioned
   */
  readonly version?: string;
}

/** Options of `SecretStoreProvider.fake()`. */
export interface FakeProviderProps {
  /** The static secrets the store serves. */
  readonly data: FakeSecretData[];
  /**
   * Explicit opt-in: you accept that these values are written to Git in plain text (development only).
   * Without it the store is refused at synth (rule ESO-STORE-FAKE-PROVIDER); with it, its values are not
   * reported by ESO-PLAINTEXT-SECRET either. Written as the annotation
   * `cdk8s-external-secrets.io/allow-plaintext-in-git: "true"` (the generic `allow-plaintext` opt-in does not
   * make a fake store pass).
   * @default false
   */
  readonly allowPlaintextInGit?: boolean;
}


/**
 * The backend of a store (`spec.provider`): exactly one provider per store.
 */
export class SecretStoreProvider {
  /** HashiCorp Vault (or OpenBao through its Vault-compatible API) with a KV mount. */
  public static vault(props: VaultProviderProps): SecretStoreProvider {
    const where = 'SecretStoreProvider.vault';
    checkObject(where, 'props', props, 'a props object', 'pass { server, kv, auth }');
    checkProps(where, props, ['server', 'kv', 'auth']);
    checkString(where, 'server', props.server, { required: true, fix: 'give the Vault address, e.g. "https://vault.example.internal:8200"' });
    checkObject(where, 'kv', props.kv, 'a VaultKv', 'use VaultKv.v2(\'kv\') or VaultKv.v1(\'secret\')', k => typeof k.mountPath === 'string' && typeof k.version === 'string');
    checkObject(where, 'auth', props.auth, 'a VaultAuth', 'use VaultAuth.kubernetes({ role }), VaultAuth.appRole(...), ...', a => typeof a._toSpec === 'function');
    const config = (): VaultProviderConfig => ({
      ...kvServerConfig('vault', props, props.auth.method, props.auth.mountPath),
      role: props.auth.role,
      serviceAccountName: props.auth.serviceAccount?.name,
      serviceAccountNamespace: props.auth.serviceAccount ? serviceAccountNamespace(props.auth.serviceAccount) : undefined,
      audiences: props.auth.audiences ? [...props.auth.audiences] : undefined,
    });
    return new SecretStoreProvider('vault', () => compact({
      ...kvServerSpec(props),
      tls: props.clientTls ? {
        certSecretRef: renderSecretKeyRef(props.clientTls.certificate),
        keySecretRef: renderSecretKeyRef(props.clientTls.privateKey),
      } : undefined,
      readYourWrites: props.readYourWrites,
      forwardInconsistent: props.forwardInconsistent,
      headers: props.headers ? { ...props.headers } : undefined,
      checkAndSet: props.checkAndSet !== undefined ? { required: props.checkAndSet } : undefined,
      auth: compact({ namespace: props.authNamespace, ...props.auth._toSpec() }),
    }), {}, config);
  }

  /** ESO's dedicated OpenBao provider (ESO ≥ 2.7): appRole, token or userPass auth. */
  public static openBao(props: OpenBaoProviderProps): SecretStoreProvider {
    const config = (): VaultProviderConfig =>
      kvServerConfig('openBao', props, props.auth.method as string as VaultAuthMethod, props.auth.mountPath);
    return new SecretStoreProvider('openBao', () => compact({
      ...kvServerSpec(props),
      auth: compact({ namespace: props.authNamespace, ...props.auth._toSpec() }),
    }), {}, config);
  }

  /**
   * ESO's `fake` provider, for development (e.g. a `dev` layer): static values that end up in Git. Refused at
   * synth unless `allowPlaintextInGit: true`.
   */
  public static fake(props: FakeProviderProps): SecretStoreProvider {
    const annotations: Record<string, string> = props.allowPlaintextInGit ? { [StoreAnnotations.ALLOW_PLAINTEXT_IN_GIT]: 'true' } : {};
    return new SecretStoreProvider('fake', () => ({
      data: props.data.map(d => compact({ key: d.key, value: d.value, version: d.version })),
    }), annotations);
  }

  /**
   * Any other ESO provider, by its key under `spec.provider` (e.g. `aws`, `gcpsm`, `kubernetes`). The spec
   * is emitted as given and still checked against the CRD schema (ESO-SCHEMA).
   */
  public static custom(providerKey: string, spec: { [key: string]: any }): SecretStoreProvider {
    const copy = JSON.parse(JSON.stringify(spec));
    return new SecretStoreProvider(providerKey, () => copy, {});
  }

  private constructor(
    /** The key under `spec.provider` (`vault`, `openBao`, `fake`, ...). */
    public readonly providerKey: string,
    private readonly render: () => any,
    private readonly annotations: Record<string, string>,
    private readonly renderVaultConfig?: () => VaultProviderConfig,
  ) {}

  /**
   * Server, KV mount/version and login identity, for `vault` and `openBao` providers.
   * @default - undefined for other providers
   */
  public get vaultConfig(): VaultProviderConfig | undefined {
    return this.renderVaultConfig ? compact(this.renderVaultConfig()) : undefined;
  }

  /** @internal `spec.provider`. */
  public _toSpec(): any {
    return { [this.providerKey]: this.render() };
  }

  /** @internal Annotations the store must carry for this provider. */
  public _annotations(): Record<string, string> {
    return { ...this.annotations };
  }
}

/** What the Vault and OpenBao provider props share: server, KV mount and CA. */
interface KvServerProps {
  readonly server: string;
  readonly kv: VaultKv;
  readonly namespace?: string;
  readonly caBundle?: string;
  readonly caProvider?: CaProvider;
}

/** The leading fields of a `vault` / `openBao` provider block (order kept: it is the emitted key order). */
function kvServerSpec(props: KvServerProps): Record<string, unknown> {
  return {
    server: props.server,
    path: props.kv.mountPath,
    version: props.kv.version,
    namespace: props.namespace,
    caBundle: props.caBundle !== undefined ? toCaBundle(props.caBundle) : undefined,
    caProvider: props.caProvider?._toSpec(),
  };
}

/** The `VaultProviderConfig` fields every Vault-API provider has. */
function kvServerConfig(providerKey: string, props: KvServerProps, authMethod: VaultAuthMethod, authMountPath: string): VaultProviderConfig {
  return {
    providerKey,
    server: props.server,
    kvMountPath: props.kv.mountPath,
    kvVersion: props.kv.version,
    vaultNamespace: props.namespace,
    authMethod,
    authMountPath,
  };
}
