import { Construct } from 'constructs';
import { GeneratorBase } from './generator-base';
import { GeneratorKind } from './generator-kind';
import { IGenerator } from './generator-ref';
import { GeneratorSpec } from './generator-spec';
import { ResourceProps } from '../base/resource';
import { StoreRetrySettings } from '../stores/secret-store';
import { SecretStoreProvider } from '../stores/secret-store-provider';
import { ImportedGenerator } from './private/generator-object';
import { checked, childPath } from '../base/private/prop-checks';

/** HTTP method of a VaultDynamicSecret call (`spec.method`). */
export enum VaultDynamicSecretMethod {
  /** Read, with `queryParameters` (`getParameters`) as the query string (ESO's default). */
  GET = 'GET',
  /** List. */
  LIST = 'LIST',
  /** Delete. */
  DELETE = 'DELETE',
  /** Write, with `parameters` as the body. */
  POST = 'POST',
  /** Write, with `parameters` as the body. */
  PUT = 'PUT',
}

/** Which part of the Vault response becomes the generator's output keys (`spec.resultType`). */
export enum VaultDynamicSecretResultType {
  /** The response's `data` (ESO's default), e.g. `username`/`password` of database credentials. */
  DATA = 'Data',
  /** The response's `auth` block, e.g. a token from a login call. */
  AUTH = 'Auth',
  /** The raw response. */
  RAW = 'Raw',
}

/** The spec of a VaultDynamicSecret generator. */
export interface VaultDynamicSecretOptions {
  /**
   * The Vault connection: the same provider a store uses (`SecretStoreProvider.vault({...})` with the
   * store's server, TLS and `VaultAuth`). Its KV mount is not used by the call.
   */
  readonly provider: SecretStoreProvider;
  /**
   * Full Vault API path, e.g. `database/creds/app` or `pki/issue/internal` (no KV path building).
   */
  readonly path: string;
  /**
   * HTTP method.
   * @default - not emitted (ESO reads with GET)
   */
  readonly method?: VaultDynamicSecretMethod;
  /**
   * Body of a write call (POST/PUT).
   * @default - none
   */
  readonly parameters?: { [key: string]: any };
  /**
   * Query string of a GET call, emitted as `getParameters` (ESO >= 2.4; renamed here because jsii
   * forbids `getXxx` members).
   * @default - none
   */
  readonly queryParameters?: { [key: string]: string[] };
  /**
   * Which part of the response is returned.
   * @default - not emitted (ESO uses Data)
   */
  readonly resultType?: VaultDynamicSecretResultType;
  /**
   * Accept an empty response instead of failing.
   * @default - not emitted (false)
   */
  readonly allowEmptyResponse?: boolean;
  /**
   * HTTP retries of the Vault client.
   * @default - the Vault client's defaults
   */
  readonly retrySettings?: StoreRetrySettings;
  /**
   * Controller class that handles this generator.
   * @default - the default controller
   */
  readonly controller?: string;
}

/** Props of a {@link VaultDynamicSecret}. */
export interface VaultDynamicSecretProps extends VaultDynamicSecretOptions, ResourceProps {
}

/**
 * A `VaultDynamicSecret` generator: calls any Vault API path (database credentials, PKI certificates,
 * cloud credentials...) with the Vault connection of a store. Secret and service-account references of
 * a namespaced generator resolve in the generator's own namespace.
 */
export class VaultDynamicSecret extends GeneratorBase implements IGenerator {
  /** References a VaultDynamicSecret made elsewhere (in the consumer's namespace). */
  public static fromVaultDynamicSecretName(scope: Construct, id: string, name: string): IGenerator {
    return new ImportedGenerator(scope, id, GeneratorKind.VAULT_DYNAMIC_SECRET, name, false);
  }

  constructor(scope: Construct, id: string, props: VaultDynamicSecretProps) {
    super(scope, id, GeneratorSpec.vaultDynamicSecret(checked(childPath(scope, id), props, ['provider', 'path'])), props.metadata);
  }
}
