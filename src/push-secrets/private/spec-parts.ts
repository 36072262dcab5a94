// Internal: spec parts shared by PushSecret and ClusterPushSecret (not re-exported from index.ts).
import { Construct } from 'constructs';
import { ISecretStore, SecretStoreKind } from '../../refs/secret-store-ref';
import type { PushSecretOptions } from '../push-secret';
import { PushSource } from '../push-source';
import { SpecParts } from './render';

export function createSpecParts(scope: Construct, options: PushSecretOptions, namespace: string | undefined): SpecParts {
  if (options.secret && options.source) {
    throw new Error(`${scope.node.path}: set either "secret" or "source", not both`);
  }
  const source = options.source ?? (options.secret ? PushSource.secret(options.secret) : undefined);
  if (!source) {
    throw new Error(`${scope.node.path}: nothing to push: set "secret" (a kplus.ISecret) or "source" (PushSource.secretName(), PushSource.generator(), ...)`);
  }
  const parts: SpecParts = {
    stores: [],
    storeSelectors: [...(options.storeSelectors ?? [])],
    data: [...(options.data ?? [])],
    dataTo: [...(options.dataTo ?? [])],
    source,
  };
  for (const s of options.stores ?? []) addStoreTo(scope, parts, s, namespace);
  return parts;
}

export function addStoreTo(scope: Construct, parts: SpecParts, store: ISecretStore, namespace: string | undefined) {
  if (store.storeKind === SecretStoreKind.SECRET_STORE && store.storeNamespace && namespace && store.storeNamespace !== namespace) {
    throw new Error(`${scope.node.path}: store "${store.storeName}" is a SecretStore in namespace "${store.storeNamespace}", `
      + `but the PushSecret is in "${namespace}": SecretStore refs resolve in the PushSecret's namespace. `
      + 'Use a ClusterSecretStore or a SecretStore of the same namespace');
  }
  parts.stores.push(store);
}
