import { ApiObject } from 'cdk8s';
import { IFluxSource } from '../flux-source';
import { FluxObjectReference } from '../health-check';

/** A health-check reference to an object made in the app. */
export function referenceOf(obj: ApiObject): FluxObjectReference {
  return {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    name: obj.name,
    ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}),
  };
}

/** Renders `.spec.sourceRef`. */
export function sourceRefJson(source: IFluxSource): { kind: string; name: string; namespace?: string } {
  return {
    kind: source.sourceKind,
    name: source.sourceName,
    ...(source.sourceNamespace ? { namespace: source.sourceNamespace } : {}),
  };
}
