// Internal: the ApiObject both store kinds render (not re-exported from index.ts).
import { ApiObject, Duration, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { StoreAnnotations } from './annotations';
import { compact } from './private/construct-helpers';
import type { SecretStoreProps } from './secret-store';
import { labelSelectorToKube } from '../base/private/label-selector';
import { toGoDuration } from '../model/go-duration';
import { ISecretStore, SecretStoreKind, SecretStoreRef } from '../refs/secret-store-ref';
import { EsoValidation } from '../synth/eso-validation';

export interface ConditionInput {
  readonly namespaces?: string[];
  readonly namespaceSelector?: kplus.LabelSelector;
  readonly namespaceRegexes?: string[];
}

export function createStoreObject(scope: Construct, kind: string, props: SecretStoreProps, conditions?: ConditionInput[]): ApiObject {
  EsoValidation.of(scope);
  const obj = new StoreApiObject(scope, 'Resource', kind === 'ClusterSecretStore', {
    apiVersion: 'external-secrets.io/v1',
    kind,
    metadata: props.metadata,
    spec: Lazy.any({
      produce: () => compact({
        controller: props.controller,
        refreshInterval: props.refreshInterval ? toGoDuration(props.refreshInterval) : undefined,
        retrySettings: props.retrySettings ? compact({
          maxRetries: props.retrySettings.maxRetries,
          retryInterval: props.retrySettings.retryInterval ? toGoDuration(props.retrySettings.retryInterval) : undefined,
        }) : undefined,
        conditions: conditions && conditions.length ? conditions.map(renderCondition) : undefined,
        provider: props.provider._toSpec(),
      }),
    }),
  });
  for (const [k, v] of Object.entries(props.provider._annotations())) obj.metadata.addAnnotation(k, v);
  return obj;
}

function renderCondition(c: ConditionInput): any {
  const sel = c.namespaceSelector && !c.namespaceSelector.isEmpty() ? labelSelectorToKube(c.namespaceSelector) : undefined;
  return compact({
    namespaceSelector: sel ? compact({ matchLabels: sel.matchLabels, matchExpressions: sel.matchExpressions }) : undefined,
    namespaces: c.namespaces && c.namespaces.length ? [...c.namespaces] : undefined,
    namespaceRegexes: c.namespaceRegexes && c.namespaceRegexes.length ? [...c.namespaceRegexes] : undefined,
  });
}

export function markObjectReadOnly(obj: ApiObject): void {
  obj.metadata.addAnnotation(StoreAnnotations.READ_ONLY, 'true');
}

export function durationOrUndefined(d?: Duration): string | undefined {
  return d ? toGoDuration(d) : undefined;
}

/** The store's ApiObject; a ClusterSecretStore never carries the chart's namespace. */
class StoreApiObject extends ApiObject {
  constructor(scope: Construct, id: string, private readonly clusterScoped: boolean, props: ConstructorParameters<typeof ApiObject>[2]) {
    super(scope, id, props);
  }

  public toJson(): any {
    const json = super.toJson();
    if (this.clusterScoped && json.metadata) delete json.metadata.namespace;
    return json;
  }
}

/** A store made elsewhere, referenced by name. */
export class ImportedStore extends Construct implements ISecretStore {
  public readonly readOnly = false;
  constructor(scope: Construct, id: string,
    public readonly storeName: string,
    public readonly storeKind: SecretStoreKind,
    public readonly storeNamespace?: string) {
    super(scope, id);
  }

  public toStoreRef(): SecretStoreRef {
    return { name: this.storeName, kind: this.storeKind };
  }
}
