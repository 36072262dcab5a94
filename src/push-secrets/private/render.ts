// Internal rendering helpers of the push-secrets domain (not re-exported from index.ts).
import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { labelSelectorToKube } from '../../base/private/label-selector';
import { toGoDuration } from '../../model/go-duration';
import { ISecretStore, SecretStoreKind } from '../../refs/secret-store-ref';
import { PushSecretDeletionPolicy, PushSecretUpdatePolicy } from '../enums';
import type { PushSecretDataTo, StoreSelector } from '../push-data-to';
import type { PushSecretOptions } from '../push-secret';
import type { PushSource } from '../push-source';
import type { PushValue } from '../push-value';

/** A plain `LabelSelector` object (matchLabels / matchExpressions), without undefined junk. */
export function labelSelectorJson(selector: kplus.LabelSelector): any {
  const k = labelSelectorToKube(selector);
  const out: Record<string, any> = {};
  if (k.matchLabels && Object.keys(k.matchLabels).length) out.matchLabels = { ...k.matchLabels };
  if (k.matchExpressions && k.matchExpressions.length) {
    out.matchExpressions = k.matchExpressions.map((e: any) => {
      const x: Record<string, any> = { key: e.key, operator: e.operator };
      if (e.values !== undefined) x.values = [...e.values];
      return x;
    });
  }
  return out;
}

function storeRef(store: ISecretStore): any {
  const r = store.toStoreRef();
  return { name: r.name, kind: r.kind };
}

function selectorRef(sel: StoreSelector): any {
  return { labelSelector: labelSelectorJson(sel.selector), kind: sel.kind ?? SecretStoreKind.SECRET_STORE };
}

function renderDataTo(d: PushSecretDataTo): any {
  const out: Record<string, any> = {};
  if (d.store) out.storeRef = storeRef(d.store);
  else if (d.storeSelector) out.storeRef = selectorRef(d.storeSelector);
  if (d.remoteKey !== undefined) out.remoteKey = d.remoteKey;
  if (d.match !== undefined) out.match = { regexp: d.match };
  if (d.rewrite && d.rewrite.length) out.rewrite = d.rewrite.map(r => r._toJson());
  if (d.conversionStrategy !== undefined) out.conversionStrategy = d.conversionStrategy;
  if (d.metadata !== undefined) out.metadata = JSON.parse(JSON.stringify(d.metadata));
  return out;
}

/** The mutable parts of a PushSecret spec (filled by props and `add*()` calls). */
export interface SpecParts {
  readonly stores: ISecretStore[];
  readonly storeSelectors: StoreSelector[];
  readonly data: PushValue[];
  readonly dataTo: PushSecretDataTo[];
  readonly source: PushSource;
}

/** Renders a PushSecret spec (also the `pushSecretSpec` of a ClusterPushSecret). */
export function renderPushSecretSpec(props: PushSecretOptions, parts: SpecParts): any {
  const spec: Record<string, any> = {
    refreshInterval: toGoDuration(props.refreshInterval ?? Duration.hours(1)),
    secretStoreRefs: [...parts.stores.map(storeRef), ...parts.storeSelectors.map(selectorRef)],
    updatePolicy: props.updatePolicy ?? PushSecretUpdatePolicy.REPLACE,
    deletionPolicy: props.deletionPolicy ?? PushSecretDeletionPolicy.NONE,
    selector: parts.source._toJson(),
  };
  if (parts.data.length) spec.data = parts.data.map(d => d._toJson());
  if (parts.dataTo.length) spec.dataTo = parts.dataTo.map(renderDataTo);
  if (props.template) spec.template = props.template._toJson();
  return spec;
}
