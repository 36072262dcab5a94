import * as kplus from 'cdk8s-plus-28';
import { compact, namespaceOf } from './private/construct-helpers';

/** Where a CA certificate comes from. */
export enum CaProviderType {
  /** A key of a Secret. */
  SECRET = 'Secret',
  /** A key of a ConfigMap. */
  CONFIG_MAP = 'ConfigMap',
}

/** Options of `CaProvider`. */
export interface CaProviderOptions {
  /**
   * Namespace of the Secret/ConfigMap. Required on a ClusterSecretStore (ESO fails with
   * "missing namespace on caProvider secret"); on a SecretStore it must be the store's namespace.
   * @default - the object's own namespace when it is a cdk8s-plus resource made in this app, else none
   */
  readonly namespace?: string;
}

/**
 * A CA certificate (PEM) read from a Secret or ConfigMap in the cluster, to verify the server's TLS
 * certificate (`caProvider`).
 */
export class CaProvider {
  /** Read the CA from a key of a Secret. */
  public static fromSecret(secret: kplus.ISecret, key: string, options: CaProviderOptions = {}): CaProvider {
    return new CaProvider(CaProviderType.SECRET, secret.name, key, options.namespace ?? namespaceOf(secret));
  }

  /** Read the CA from a key of a ConfigMap. */
  public static fromConfigMap(configMap: kplus.IConfigMap, key: string, options: CaProviderOptions = {}): CaProvider {
    return new CaProvider(CaProviderType.CONFIG_MAP, configMap.name, key, options.namespace ?? namespaceOf(configMap));
  }

  private constructor(
    /** Secret or ConfigMap. */
    public readonly type: CaProviderType,
    /** Name of the Secret / ConfigMap. */
    public readonly name: string,
    /** Key holding the PEM. */
    public readonly key: string,
    /** Namespace of the Secret / ConfigMap, if known. */
    public readonly namespace?: string,
  ) {}

  /** @internal */
  public _toSpec(): any {
    return compact({ type: this.type, name: this.name, key: this.key, namespace: this.namespace });
  }
}
