import { ALLOW_PLAINTEXT_IN_GIT_ANNOTATION, READ_ONLY_ANNOTATION } from '../model/api';

/**
 * Annotations this library writes on stores so that rules working on plain YAML (synth and the
 * `cdk8s-eso validate` CLI alike) can see choices made in code.
 */
export class StoreAnnotations {
  /**
   * `"true"` on a store that is a read-only replica (e.g. an OpenBao/Vault performance standby):
   * PushSecrets to it are refused. Set by `markReadOnly()`; hand-written YAML can set it too.
   */
  public static readonly READ_ONLY = READ_ONLY_ANNOTATION;

  /**
   * `"true"` on a store using the `fake` provider: the owner accepts that its values are committed to
   * Git in plain text (development only). Without it the fake provider is refused.
   */
  public static readonly ALLOW_PLAINTEXT_IN_GIT = ALLOW_PLAINTEXT_IN_GIT_ANNOTATION;

  private constructor() {}
}
