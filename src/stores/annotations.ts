/**
 * Annotations this library writes on stores so that rules working on plain YAML (synth and the
 * `cdk8s-eso validate` CLI alike) can see choices made in code.
 */
export class StoreAnnotations {
  /**
   * `"true"` on a store that is a read-only replica (e.g. an OpenBao/Vault performance standby):
   * PushSecrets to it are refused. Set by `markReadOnly()`; hand-written YAML can set it too.
   */
  public static readonly READ_ONLY = 'cdk8s-external-secrets.io/read-only';

  /**
   * `"true"` on a store using the `fake` provider: the owner accepts that its values are committed to
   * Git in plain text (development only). Without it the fake provider is refused.
   */
  public static readonly ALLOW_PLAINTEXT_IN_GIT = 'cdk8s-external-secrets.io/allow-plaintext-in-git';

  private constructor() {}
}
