// Internal: renders the ExternalSecret spec shared by ExternalSecret and ClusterExternalSecret.
import { ApiObject } from 'cdk8s';
import { toGoDuration } from '../../model/go-duration';
import { CreationPolicy, RefreshPolicy } from '../enums';
import { ExternalSecretSpecOptions } from '../external-secret-options';
import { SecretSource } from '../secret-source';
import { SecretValue } from '../secret-value';
import { ExternalStores } from './external-stores';
import { dropUndefined } from './render';

/** API version of ExternalSecret and ClusterExternalSecret (v1beta1 is no longer served). */
export { ESO_API_VERSION as EXTERNAL_SECRETS_API_VERSION } from '../../model/api';

/** ESO's own default refresh interval, emitted explicitly when the refresh is periodic. */
export const DEFAULT_REFRESH_INTERVAL = '1h';

/**
 * Holds the mutable parts (data, dataFrom) of a spec, keeps the external-stores annotation of the object
 * it is attached to up to date, and renders the spec at synth.
 */
export class ExternalSecretSpecBuilder {
  public readonly data: SecretValue[];
  public readonly dataFrom: SecretSource[];
  private externalStores?: ExternalStores;

  constructor(private readonly options: ExternalSecretSpecOptions) {
    this.data = [...(options.data ?? [])];
    this.dataFrom = [...(options.dataFrom ?? [])];
  }

  /** Records, on `obj`, the stores made elsewhere that the spec reads from (now and after addData/addDataFrom). */
  public attach(obj: ApiObject): void {
    this.externalStores = new ExternalStores(obj);
    this.externalStores.note(this.options.store, ...this.data.map(d => d.store), ...this.dataFrom.map(s => s.sourceStore));
  }

  public addData(values: SecretValue[]): void {
    this.data.push(...values);
    this.externalStores?.note(...values.map(d => d.store));
  }

  public addDataFrom(sources: SecretSource[]): void {
    this.dataFrom.push(...sources);
    this.externalStores?.note(...sources.map(s => s.sourceStore));
  }

  /** The refresh policy that will be emitted (explicit, or CreatedOnce for regenerating generators). */
  public get refreshPolicy(): RefreshPolicy | undefined {
    if (this.options.refreshPolicy) return this.options.refreshPolicy;
    if (this.dataFrom.some(s => s.sourceGenerator?.regeneratesOnRefresh)) return RefreshPolicy.CREATED_ONCE;
    return undefined;
  }

  public render(targetName: string): Record<string, unknown> {
    const o = this.options;
    const policy = this.refreshPolicy;
    let refreshInterval: string | undefined;
    if (o.refreshInterval) refreshInterval = toGoDuration(o.refreshInterval);
    else if (policy === undefined || policy === RefreshPolicy.PERIODIC) refreshInterval = DEFAULT_REFRESH_INTERVAL;

    const t = o.target ?? {};
    const template = o.template?._toJson();
    return dropUndefined({
      secretStoreRef: o.store?.toStoreRef(),
      refreshInterval,
      refreshPolicy: policy,
      syncWindows: o.syncWindows ? {
        kind: o.syncWindows.kind,
        windows: o.syncWindows.windows.map(w => ({ schedule: w.schedule, duration: toGoDuration(w.duration) })),
      } : undefined,
      target: dropUndefined({
        name: targetName,
        creationPolicy: t.creationPolicy ?? CreationPolicy.OWNER,
        deletionPolicy: t.deletionPolicy,
        immutable: t.immutable ? true : undefined,
        manifest: t.manifest?._toJson(),
        template,
      }),
      data: this.data.length ? this.data.map(d => d._toJson()) : undefined,
      dataFrom: this.dataFrom.length ? this.dataFrom.map(s => s._toJson()) : undefined,
    });
  }
}

/** A Go template expression reading fetched key `key` (`{{ .KEY }}`, or `{{ index . "tls.crt" }}`). */
export function templateRef(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `{{ .${key} }}` : `{{ index . ${JSON.stringify(key)} }}`;
}
