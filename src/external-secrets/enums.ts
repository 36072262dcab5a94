/**
 * What ESO does with the target Secret when it creates or updates it (`spec.target.creationPolicy`).
 */
export enum CreationPolicy {
  /**
   * ESO creates the Secret and sets itself as its owner: deleting the ExternalSecret garbage-collects
   * the Secret. An existing Secret without an owner is adopted and all its keys are rewritten.
   *
   * Moving or renaming an Owner ExternalSecret (e.g. between Flux Kustomizations with `prune: true`)
   * deletes the Secret before the new ExternalSecret recreates it (ESO-FLUX-PRUNE-MOVE): use ORPHAN or CREATE_OR_MERGE
   * for the cut-over.
   */
  OWNER = 'Owner',
  /** ESO creates or updates the Secret but does not own it: it survives the ExternalSecret. */
  ORPHAN = 'Orphan',
  /** ESO merges its keys into a Secret that must already exist; it never creates it. */
  MERGE = 'Merge',
  /** ESO does not create or update any Secret (only useful with generic targets). */
  NONE = 'None',
  /** ESO creates the Secret if it is missing, otherwise merges its keys into it (ESO >= 2.8). */
  CREATE_OR_MERGE = 'CreateOrMerge',
}

/** What ESO does with the target Secret when the provider returns no data (`spec.target.deletionPolicy`). */
export enum DeletionPolicy {
  /** Keep the Secret as it is (ESO's default). */
  RETAIN = 'Retain',
  /** Delete the Secret. Needs creationPolicy Owner or Orphan (the ESO webhook refuses other combinations). */
  DELETE = 'Delete',
  /** Remove only the keys ESO manages from the Secret. Not allowed with creationPolicy None. */
  MERGE = 'Merge',
}

/** When an ExternalSecret syncs (`spec.refreshPolicy`). */
export enum RefreshPolicy {
  /** Sync once per ExternalSecret object; re-sync only if the target Secret is changed or deleted. */
  CREATED_ONCE = 'CreatedOnce',
  /** Sync every `refreshInterval` and on spec changes (what ESO does when the field is empty). */
  PERIODIC = 'Periodic',
  /** Sync only when the ExternalSecret's spec or metadata changes; the interval is ignored. */
  ON_CHANGE = 'OnChange',
}

/** How ESO converts remote keys into Secret keys (`conversionStrategy`). */
export enum ConversionStrategy {
  /** Keys are used as they are. */
  DEFAULT = 'Default',
  /** Unicode escapes in keys are decoded. */
  UNICODE = 'Unicode',
}

/** How ESO decodes remote values (`decodingStrategy`). */
export enum DecodingStrategy {
  /** Decode base64 or base64url when the value is valid base64, otherwise keep it. */
  AUTO = 'Auto',
  /** The value is base64; decode it. */
  BASE64 = 'Base64',
  /** The value is base64url; decode it. */
  BASE64_URL = 'Base64URL',
  /** Keep the value as it is (ESO's behaviour when the field is empty). */
  NONE = 'None',
}

/** Whether ESO reads the remote secret's metadata instead of its data (`remoteRef.metadataPolicy`). */
export enum MetadataPolicy {
  /** Read the data (ESO's behaviour when the field is empty). */
  NONE = 'None',
  /** Read the metadata (Vault: KV v2 `custom_metadata`; not available on KV v1). */
  FETCH = 'Fetch',
}

/** What ESO does with remote values that contain NUL bytes (`nullBytePolicy`, ESO >= 2.3). */
export enum NullBytePolicy {
  /** Accept the value (ESO's behaviour when the field is empty). */
  IGNORE = 'Ignore',
  /** Fail the sync. */
  FAIL = 'Fail',
}

/** How the template combines with the fetched keys (`template.mergePolicy`). */
export enum TemplateMergePolicy {
  /** Only the templated keys are written; fetched keys no template uses are dropped (ESO's default). */
  REPLACE = 'Replace',
  /** Templated keys are merged over the fetched keys. */
  MERGE = 'Merge',
}

/** Which part of the target Secret a `templateFrom` entry renders into (`templateFrom[].target`). */
export enum TemplateTarget {
  /** The Secret's data (ESO's default). */
  DATA = 'Data',
  /** The Secret's annotations. */
  ANNOTATIONS = 'Annotations',
  /** The Secret's labels. */
  LABELS = 'Labels',
}

/** How a `templateFrom` ConfigMap/Secret item is used (`items[].templateAs`). */
export enum TemplateScope {
  /** The item's value is a template rendered into the key of the same name (ESO's default). */
  VALUES = 'Values',
  /** The item's value is a template that renders keys and values (YAML/JSON map). */
  KEYS_AND_VALUES = 'KeysAndValues',
}

/** Whether sync windows allow or deny periodic refreshes (`syncWindows.kind`). */
export enum SyncWindowKind {
  /** Periodic refreshes happen only inside the windows. */
  ALLOW = 'allow',
  /** Periodic refreshes never happen inside the windows. */
  DENY = 'deny',
}

/** `dataFrom[].rewrite[].merge.priorityPolicy`. */
export enum MergePriorityPolicy {
  /** Keys listed in `priority` that do not exist are ignored. */
  IGNORE_NOT_FOUND = 'IgnoreNotFound',
  /** Keys listed in `priority` must exist (ESO's default). */
  STRICT = 'Strict',
}

/** `dataFrom[].rewrite[].merge.conflictPolicy`. */
export enum MergeConflictPolicy {
  /** Conflicting keys are resolved by priority, silently. */
  IGNORE = 'Ignore',
  /** Conflicting keys fail the sync (ESO's default). */
  ERROR = 'Error',
}

/** `dataFrom[].rewrite[].merge.strategy`. */
export enum MergeStrategy {
  /** Merge the extracted keys (ESO's default). */
  EXTRACT = 'Extract',
  /** Merge JSON documents into the key named by `into`. */
  JSON = 'JSON',
}
