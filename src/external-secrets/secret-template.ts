import * as kplus from 'cdk8s-plus-28';
import { DecodingStrategy, TemplateMergePolicy, TemplateScope, TemplateTarget } from './enums';
import { dropUndefined } from './private/render';

/** The `type` of the Secret an ExternalSecret template produces. */
export class SecretType {
  /** `Opaque`: arbitrary keys. */
  public static readonly OPAQUE = new SecretType('Opaque');
  /** `kubernetes.io/tls`: must have `tls.crt` and `tls.key`. */
  public static readonly TLS = new SecretType('kubernetes.io/tls');
  /** `kubernetes.io/dockerconfigjson`: must have `.dockerconfigjson`, a JSON `{"auths": {...}}`. */
  public static readonly DOCKER_CONFIG_JSON = new SecretType('kubernetes.io/dockerconfigjson');
  /** `kubernetes.io/basic-auth`: `username` and `password`. */
  public static readonly BASIC_AUTH = new SecretType('kubernetes.io/basic-auth');
  /** `kubernetes.io/ssh-auth`: `ssh-privatekey`. */
  public static readonly SSH_AUTH = new SecretType('kubernetes.io/ssh-auth');

  /** Any other Secret type (`secretType` is its wire value, e.g. `bootstrap.kubernetes.io/token`). */
  public static of(secretType: string): SecretType {
    return new SecretType(secretType);
  }

  private constructor(
    /** The wire value, e.g. `kubernetes.io/tls`. */
    public readonly value: string,
  ) {}
}

/** One key of a ConfigMap or Secret used as a template source. */
export interface TemplateFromItem {
  /** Key of the ConfigMap/Secret holding the template. */
  readonly key: string;
  /**
   * Whether the template renders one value or a map of keys and values.
   * @default - not emitted (ESO uses Values)
   */
  readonly templateAs?: TemplateScope;
}

/** Options of a `templateFrom` entry. */
export interface TemplateFromOptions {
  /**
   * Part of the target Secret the template renders into.
   * @default - not emitted (ESO renders into Data)
   */
  readonly target?: TemplateTarget;
  /**
   * For an ExternalSecret that writes another kind of object (`target.manifest`): the dotted path in that
   * object the template renders into, e.g. `data` or `spec.database.config`. Not allowed together with `target`,
   * and refused for Secret targets (ESO-ES-TEMPLATE-FROM-TARGET: ESO allows only Data, Annotations and Labels there).
   * @default - not emitted (ESO renders into Data)
   */
  readonly targetPath?: string;
  /**
   * How the fetched values are decoded before rendering (ESO >= 2.7).
   * @default - not emitted (ESO uses None)
   */
  readonly valuesDecodingStrategy?: DecodingStrategy;
}

/**
 * Templates kept outside the ExternalSecret (`template.templateFrom[]`): a ConfigMap, a Secret or an
 * inline literal. Referenced ConfigMaps and Secrets must be in the ExternalSecret's namespace.
 */
export class TemplateFrom {
  /** Templates stored in a ConfigMap of the ExternalSecret's namespace. */
  public static configMap(configMap: kplus.IConfigMap, items: TemplateFromItem[], options: TemplateFromOptions = {}): TemplateFrom {
    return new TemplateFrom({ configMap: { name: configMap.name, items: items.map(renderItem) } }, options);
  }

  /** Templates stored in a Secret of the ExternalSecret's namespace. */
  public static secret(secret: kplus.ISecret, items: TemplateFromItem[], options: TemplateFromOptions = {}): TemplateFrom {
    return new TemplateFrom({ secret: { name: secret.name, items: items.map(renderItem) } }, options);
  }

  /** An inline template that renders a YAML map of keys (or labels/annotations) and values. */
  public static literal(template: string, options: TemplateFromOptions = {}): TemplateFrom {
    return new TemplateFrom({ literal: template }, options);
  }

  private constructor(private readonly json: Record<string, unknown>, private readonly options: TemplateFromOptions) {
    if (options.target !== undefined && options.targetPath !== undefined) {
      throw new Error(`TemplateFrom: set either target (${options.target}) or targetPath (${JSON.stringify(options.targetPath)}), not both`);
    }
    if (options.targetPath !== undefined && !/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(options.targetPath)) {
      throw new Error(`TemplateFrom: targetPath ${JSON.stringify(options.targetPath)} must be a dotted path of field names, e.g. "data" or "spec.database.config"`);
    }
  }

  /** @internal */
  public _toJson(): Record<string, unknown> {
    const o = this.options;
    return dropUndefined({ ...this.json, target: o.target ?? o.targetPath, valuesDecodingStrategy: o.valuesDecodingStrategy });
  }
}

function renderItem(i: TemplateFromItem) {
  return dropUndefined({ key: i.key, templateAs: i.templateAs });
}

/** Options of a Secret template, everything but the data templates. */
export interface SecretTemplateOptions {
  /**
   * Type of the produced Secret.
   * @default - not emitted (Opaque)
   */
  readonly type?: SecretType;
  /**
   * Labels of the produced Secret.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * Annotations of the produced Secret.
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
  /**
   * Finalizers of the produced Secret.
   * @default - none
   */
  readonly finalizers?: string[];
  /**
   * Templates kept in ConfigMaps, Secrets or literals.
   * @default - none
   */
  readonly templateFrom?: TemplateFrom[];
  /**
   * Whether fetched keys that no template renders are kept.
   * @default - not emitted (ESO uses Replace: only templated keys are written)
   */
  readonly mergePolicy?: TemplateMergePolicy;
}

/** Props of `SecretTemplate.of()`. */
export interface SecretTemplateProps extends SecretTemplateOptions {
  /**
   * Go templates (engine v2) by Secret key, e.g. `{ 's3.conf': '[global]\nkey={{ .KEY }}\n' }`.
   * Fetched keys are available as `{{ .KEY }}`, or `{{ index . "tls.crt" }}` when the key is not an identifier.
   * @default - none
   */
  readonly data?: { [key: string]: string };
}

/**
 * The shape of the produced Secret (`spec.target.template`): its type, metadata, and keys rendered with
 * Go templates (engine v2; ESO removed engine v1 in 0.16, so `engineVersion: v2` is always emitted).
 */
export class SecretTemplate {
  /** A template from all of its parts. */
  public static of(props: SecretTemplateProps): SecretTemplate {
    return new SecretTemplate(props);
  }

  /**
   * A template that renders whole files, one per key (e.g. pgBackRest's `s3.conf` from two fetched keys).
   */
  public static files(files: { [key: string]: string }, options: SecretTemplateOptions = {}): SecretTemplate {
    return new SecretTemplate({ ...options, data: files });
  }

  /**
   * Only metadata (and optionally the type) of the produced Secret; the fetched keys are kept
   * (`mergePolicy: Merge`).
   */
  public static metadata(options: SecretTemplateOptions): SecretTemplate {
    return new SecretTemplate({ mergePolicy: TemplateMergePolicy.MERGE, ...options });
  }

  /**
   * Type of the produced Secret.
   * @default - Opaque
   */
  public readonly type?: SecretType;
  /**
   * Data templates by key.
   * @default - none
   */
  public readonly data?: { [key: string]: string };
  private readonly props: SecretTemplateProps;

  private constructor(props: SecretTemplateProps) {
    this.props = props;
    this.type = props.type;
    this.data = props.data;
  }

  /** @internal */
  public _toJson(): Record<string, unknown> {
    const p = this.props;
    const metadata = dropUndefined({
      labels: nonEmpty(p.labels),
      annotations: nonEmpty(p.annotations),
      finalizers: p.finalizers?.length ? p.finalizers : undefined,
    });
    return dropUndefined({
      type: p.type?.value,
      engineVersion: 'v2',
      mergePolicy: p.mergePolicy,
      metadata: Object.keys(metadata).length ? metadata : undefined,
      data: nonEmpty(p.data),
      templateFrom: p.templateFrom?.length ? p.templateFrom.map(t => t._toJson()) : undefined,
    });
  }
}

function nonEmpty<T extends object>(o: T | undefined): T | undefined {
  return o && Object.keys(o).length ? o : undefined;
}
