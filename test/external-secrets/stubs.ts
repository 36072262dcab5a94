import { Construct } from 'constructs';
import { GeneratorRef, IGenerator } from '../../src/generators/generator-ref';
import { ISecretStore, SecretStoreKind, SecretStoreRef } from '../../src/stores/secret-store-ref';

/** A minimal ISecretStore (the stores domain has the real constructs). */
export class StubStore extends Construct implements ISecretStore {
  public readonly readOnly = false;
  constructor(scope: Construct, id: string, public readonly storeName: string,
    public readonly storeKind: SecretStoreKind = SecretStoreKind.CLUSTER_SECRET_STORE, public readonly storeNamespace?: string) {
    super(scope, id);
  }
  public toStoreRef(): SecretStoreRef {
    return { name: this.storeName, kind: this.storeKind };
  }
}

/** A minimal IGenerator (the generators domain has the real constructs). */
export class StubGenerator extends Construct implements IGenerator {
  constructor(scope: Construct, id: string, public readonly generatorKind: string, public readonly generatorName: string,
    public readonly regeneratesOnRefresh: boolean) {
    super(scope, id);
  }
  public toGeneratorRef(): GeneratorRef {
    return { apiVersion: 'generators.external-secrets.io/v1alpha1', kind: this.generatorKind, name: this.generatorName };
  }
}
