import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ISecretStore, SecretStoreKind, SecretStoreRef } from '../../src/refs/secret-store-ref';

export interface StubStoreProps {
  readonly name: string;
  readonly kind?: SecretStoreKind;
  readonly mount?: string;
  readonly version?: 'v1' | 'v2';
  readonly readOnly?: boolean;
  readonly server?: string;
}

/**
 * A minimal store for tests of this domain (the real SecretStore/ClusterSecretStore constructs live in
 * src/stores/): emits a Vault-provider store manifest so cross-resource rules can resolve it.
 */
export class StubStore extends Construct implements ISecretStore {
  public readonly storeName: string;
  public readonly storeKind: SecretStoreKind;
  public readonly storeNamespace?: string;
  public readonly readOnly: boolean;

  constructor(scope: Construct, id: string, props: StubStoreProps) {
    super(scope, id);
    this.storeName = props.name;
    this.storeKind = props.kind ?? SecretStoreKind.CLUSTER_SECRET_STORE;
    this.readOnly = props.readOnly ?? false;
    const cluster = this.storeKind === SecretStoreKind.CLUSTER_SECRET_STORE;
    this.storeNamespace = cluster ? undefined : Chart.of(this).namespace;
    const obj = new ApiObject(this, 'Resource', {
      apiVersion: 'external-secrets.io/v1',
      kind: this.storeKind,
      metadata: {
        name: props.name,
        ...(cluster ? {} : { namespace: this.storeNamespace }),
        ...(this.readOnly ? { annotations: { 'cdk8s-external-secrets.io/read-only': 'true' } } : {}),
      },
      spec: {
        provider: {
          vault: {
            server: props.server ?? 'https://vault.example.internal:8200',
            path: props.mount ?? 'secret',
            version: props.version ?? 'v2',
            auth: { kubernetes: { mountPath: 'kubernetes', role: 'external-secrets' } },
          },
        },
      },
    });
    if (cluster && obj.metadata.namespace) obj.addJsonPatch({ op: 'remove', path: '/metadata/namespace' } as any);
  }

  public toStoreRef(): SecretStoreRef {
    return { name: this.storeName, kind: this.storeKind };
  }
}
