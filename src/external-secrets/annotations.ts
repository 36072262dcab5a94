import { EXTERNAL_STORES_ANNOTATION } from '../model/api';

/**
 * Annotations this library writes on ExternalSecrets so that rules working on plain YAML (synth and the
 * `cdk8s-eso validate` CLI alike) can see choices made in code.
 */
export class ExternalSecretAnnotations {
  /**
   * Comma-separated `Kind/name` of the stores the ExternalSecret uses that are made elsewhere (imported by
   * name, e.g. `ClusterSecretStore.fromClusterSecretStoreName`): the "store not declared in this app"
   * warning is skipped for them. Written automatically; hand-written YAML can set it too.
   */
  public static readonly EXTERNAL_STORES = EXTERNAL_STORES_ANNOTATION;

  private constructor() {}
}
