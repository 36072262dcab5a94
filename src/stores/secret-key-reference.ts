import * as kplus from 'cdk8s-plus-28';

/**
 * One key of a Kubernetes Secret, as used by store credentials (`SecretKeySelector` in ESO).
 */
export interface SecretKeyReference {
  /** The Secret (a cdk8s-plus Secret, or `kplus.Secret.fromSecretName(...)` for one made elsewhere). */
  readonly secret: kplus.ISecret;
  /** Key inside the Secret. */
  readonly key: string;
  /**
   * Namespace of the Secret. On a `ClusterSecretStore` leave it unset only for "referent auth": ESO then
   * looks the Secret up in the namespace of every ExternalSecret that uses the store.
   * @default - the Secret's own namespace when it is a cdk8s-plus Secret made in this app, else none
   */
  readonly namespace?: string;
}
