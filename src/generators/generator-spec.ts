import { GeneratorKind } from './generator-kind';
import type { PasswordGeneratorOptions } from './password-generator';
import type { VaultDynamicSecretOptions } from './vault-dynamic-secret';
import { RANDOM_GENERATOR_KINDS, clusterGeneratorSpecField } from '../model/generator-kinds';
import { toGoDuration } from '../model/go-duration';

/**
 * The spec of a generator, independent of where it lives: the same spec renders as a namespaced
 * generator (`PasswordGenerator`, ...) or inside a cluster-scoped {@link ClusterGenerator}.
 */
export class GeneratorSpec {
  /** A Password spec (see {@link PasswordGeneratorOptions} for the arithmetic ESO enforces at runtime). */
  public static password(options: PasswordGeneratorOptions = {}): GeneratorSpec {
    return new GeneratorSpec(GeneratorKind.PASSWORD, () => renderPassword(options));
  }

  /** A UUID spec (empty: a random v4 UUID under the key `uuid`). */
  public static uuid(): GeneratorSpec {
    return new GeneratorSpec(GeneratorKind.UUID, () => ({}));
  }

  /**
   * A VaultDynamicSecret spec: any Vault API call, with the Vault connection of a store.
   * Throws if the provider is not `SecretStoreProvider.vault(...)`.
   */
  public static vaultDynamicSecret(options: VaultDynamicSecretOptions): GeneratorSpec {
    if (options.provider.providerKey !== 'vault') {
      throw new Error(`VaultDynamicSecret: provider must be SecretStoreProvider.vault(...), got "${options.provider.providerKey}" `
        + '(for OpenBao, use SecretStoreProvider.vault() against its Vault-compatible API)');
    }
    if (!options.path) throw new Error('VaultDynamicSecret: path must not be empty (e.g. "database/creds/app")');
    return new GeneratorSpec(GeneratorKind.VAULT_DYNAMIC_SECRET, () => renderVaultDynamicSecret(options));
  }

  /**
   * Escape hatch for the kinds without a dedicated class (ACRAccessToken, ECRAuthorizationToken,
   * SSHKey, Webhook, ...): the spec as written in the CRD. It is checked against the pinned CRD schema
   * at synth (rule `ESO-SCHEMA`), like every other object.
   *
   * @param kind the generator kind
   * @param spec the `spec` object, exactly as in YAML
   */
  public static custom(kind: GeneratorKind, spec: { [key: string]: any }): GeneratorSpec {
    const copy = JSON.parse(JSON.stringify(spec ?? {}));
    return new GeneratorSpec(kind, () => copy);
  }

  /** @internal */
  public static _of(kind: GeneratorKind, render: () => any): GeneratorSpec {
    return new GeneratorSpec(kind, render);
  }

  /** True for kinds whose every run yields a new random value (Password, UUID, SSHKey). */
  public readonly regeneratesOnRefresh: boolean;
  /** Field of a ClusterGenerator's `spec.generator` that holds this spec, e.g. `passwordSpec`. */
  public readonly clusterGeneratorField: string;

  private constructor(
    /** The generator kind. */
    public readonly kind: GeneratorKind,
    private readonly render: () => any,
  ) {
    this.regeneratesOnRefresh = RANDOM_GENERATOR_KINDS.includes(kind);
    this.clusterGeneratorField = clusterGeneratorSpecField(kind);
  }

  /** The `spec` object as emitted. */
  public toJson(): any {
    return this.render();
  }
}

function renderPassword(o: PasswordGeneratorOptions): any {
  const out: Record<string, any> = {
    // Required by the CRD (defaulted by the API server, but offline validators do not apply defaults).
    length: o.length ?? 24,
    noUpper: o.noUpper ?? false,
    allowRepeat: o.allowRepeat ?? false,
  };
  if (o.digits !== undefined) out.digits = o.digits;
  if (o.symbols !== undefined) out.symbols = o.symbols;
  if (o.symbolCharacters !== undefined) out.symbolCharacters = o.symbolCharacters;
  if (o.secretKeys !== undefined) out.secretKeys = [...o.secretKeys];
  if (o.encoding !== undefined) out.encoding = o.encoding;
  return out;
}

function renderVaultDynamicSecret(o: VaultDynamicSecretOptions): any {
  const out: Record<string, any> = {
    provider: o.provider._toSpec().vault,
    path: o.path,
  };
  if (o.method !== undefined) out.method = o.method;
  if (o.parameters !== undefined) out.parameters = JSON.parse(JSON.stringify(o.parameters));
  if (o.queryParameters !== undefined) {
    out.getParameters = Object.fromEntries(Object.entries(o.queryParameters).map(([k, v]) => [k, [...v]]));
  }
  if (o.resultType !== undefined) out.resultType = o.resultType;
  if (o.allowEmptyResponse !== undefined) out.allowEmptyResponse = o.allowEmptyResponse;
  if (o.retrySettings !== undefined) {
    const r: Record<string, any> = {};
    if (o.retrySettings.maxRetries !== undefined) r.maxRetries = o.retrySettings.maxRetries;
    if (o.retrySettings.retryInterval !== undefined) r.retryInterval = toGoDuration(o.retrySettings.retryInterval);
    out.retrySettings = r;
  }
  if (o.controller !== undefined) out.controller = o.controller;
  return out;
}
