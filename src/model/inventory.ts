// The secret inventory of an app: what each ExternalSecret writes, from where, and who writes it back.
// Pure: read from manifests (the CLI's files, a repository as Flux builds it, or FluxLayout's synth). It never
// carries a value: keys, remote paths and names only; a value only the cluster knows is shown as FROM_CLUSTER.
import { allEsSpecs, arr, creationPolicyOf, EsSpec, isSecretTarget, producedKeys, targetNameOf } from './external-secrets';
import { fluxModel } from './flux';
import { isObject } from './json';
import { Manifest, SourcedManifest } from './manifest';
import { ManifestIndex } from './manifest-index';
import { addTo } from './multimap';
import { printable } from './printable';
import { allPsSpecs, normalizeKey, storeTargets } from './push-secrets';
import { isUnknownString } from './unknown';

/** What the inventory prints for a name or key only the cluster knows (a Flux variable, SOPS ciphertext). */
export const FROM_CLUSTER = '(from the cluster)';

/** Where one data / dataFrom entry of an ExternalSecret comes from. */
export interface InventorySource {
  /** `data`, `extract`, `find` or `generator`. */
  readonly type: 'data' | 'extract' | 'find' | 'generator';
  /** `ClusterSecretStore/vault` (stores) or `Password/db-password-generator` (generators). */
  readonly from: string;
  /** The remote key as written (data, extract), the find criteria (find). */
  readonly remoteKey?: string;
  readonly property?: string;
  /** The Secret key it lands in (data entries). */
  readonly secretKey?: string;
}

/** One Secret an ExternalSecret (or a ClusterExternalSecret, per namespace) writes. */
export interface InventoryEntry {
  /** Name of the output Secret. */
  readonly secret: string;
  /** Namespace of the Secret; '' when a ClusterExternalSecret selects namespaces by label (not known offline). */
  readonly namespace: string;
  /** `ExternalSecret ns/name` or `ClusterExternalSecret name`. */
  readonly externalSecret: string;
  /** Keys of the Secret as far as the manifest says. */
  readonly keys: readonly string[];
  /** False when a dataFrom source or an external template adds keys nobody can know offline. */
  readonly keysComplete: boolean;
  readonly sources: readonly InventorySource[];
  /** `Periodic`, `OnChange` or `CreatedOnce`. */
  readonly refreshPolicy: string;
  /** The refresh interval (ESO's default 1h), for Periodic. */
  readonly refreshInterval?: string;
  /** template.type (e.g. kubernetes.io/tls), when set. */
  readonly templateType?: string;
  /** Keys rendered by the template (`s3.conf`, `tls.crt`) and the keys of templateFrom ConfigMaps/Secrets. */
  readonly templateFiles: readonly string[];
  readonly creationPolicy: string;
  /** `namespace/name` of the Flux Kustomization that applies the ExternalSecret, when known. */
  readonly appliedBy?: string;
  /** PushSecrets that write this Secret back: `PushSecret ns/name → ClusterSecretStore/x: key`. */
  readonly pushedBy: readonly string[];
  readonly file?: string;
  readonly line?: number;
}

/**
 * The inventory, one group per namespace (or per Flux Kustomization with `groupBy: 'layer'`; sorted, '' last),
 * Secrets sorted by name. (`namespace` holds the group's key either way.)
 */
export interface Inventory {
  /** What the groups are. */
  readonly groupBy: 'namespace' | 'layer';
  readonly namespaces: ReadonlyArray<{ readonly namespace: string; readonly entries: readonly InventoryEntry[] }>;
}

export interface InventoryOptions {
  /**
   * The Flux Kustomization that applies a manifest (FluxLayout: its layer), else the source's `appliedBy`
   * (repository mode), else the Kustomization whose path holds the file.
   */
  readonly appliedBy?: (m: Manifest) => string | undefined;
  /** One table per namespace, or per Flux Kustomization (layer). @default 'namespace' */
  readonly groupBy?: 'namespace' | 'layer';
}

const shown = (s: unknown): string | undefined => (typeof s === 'string' && s ? (isUnknownString(s) ? FROM_CLUSTER : printable(s)) : undefined);

function refName(ref: any, defaultKind: string): string {
  const kind = shown(ref?.kind) ?? defaultKind;
  return `${kind}/${shown(ref?.name) ?? '<unnamed>'}`;
}

function findCriteria(find: any): string {
  if (!isObject(find)) return '';
  const parts: string[] = [];
  if (shown(find.path)) parts.push(`path ${shown(find.path)}`);
  if (isObject(find.name) && shown(find.name.regexp)) parts.push(`name ~ ${shown(find.name.regexp)}`);
  if (isObject(find.tags)) parts.push(`tags ${Object.keys(find.tags).map(k => `${k}=${shown(find.tags[k]) ?? ''}`).join(',')}`);
  return parts.join(', ') || 'every secret';
}

function sourcesOf(es: EsSpec): InventorySource[] {
  const out: InventorySource[] = [];
  const specRef = es.spec.secretStoreRef;
  arr(es.spec.data).forEach(d => {
    const ref = d?.sourceRef?.storeRef ?? specRef;
    out.push({
      type: 'data',
      from: refName(ref, 'SecretStore'),
      remoteKey: shown(d?.remoteRef?.key),
      property: shown(d?.remoteRef?.property),
      secretKey: shown(d?.secretKey),
    });
  });
  arr(es.spec.dataFrom).forEach(d => {
    const gen = d?.sourceRef?.generatorRef;
    if (isObject(gen)) {
      out.push({ type: 'generator', from: refName(gen, 'Password') });
      return;
    }
    const ref = d?.sourceRef?.storeRef ?? specRef;
    if (isObject(d?.find)) out.push({ type: 'find', from: refName(ref, 'SecretStore'), remoteKey: findCriteria(d.find) });
    else out.push({ type: 'extract', from: refName(ref, 'SecretStore'), remoteKey: shown(d?.extract?.key), property: shown(d?.extract?.property) });
  });
  return out;
}

function templateFilesOf(es: EsSpec): string[] {
  const t = es.spec?.target?.template;
  if (!isObject(t)) return [];
  const files = isObject(t.data) ? Object.keys(t.data) : [];
  for (const tf of arr(t.templateFrom)) {
    for (const src of [tf?.configMap, tf?.secret]) {
      if (!isObject(src)) continue;
      for (const item of arr(src.items)) if (shown(item?.key)) files.push(`${shown(item.key)} (from ${tf.configMap ? 'ConfigMap' : 'Secret'} ${shown(src.name) ?? '?'})`);
    }
    if (typeof tf?.literal === 'string') files.push('(literal template)');
  }
  return files;
}

/** PushSecrets by `namespace|secret name` of the Secret they read (selector.secret.name). */
function pushersOf(index: ManifestIndex): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const ps of allPsSpecs(index)) {
    const name = shown(ps.spec.selector?.secret?.name);
    if (!name) continue;
    const label = `${ps.manifest.kind} ${ps.namespace ? `${ps.namespace}/` : ''}${ps.manifest.metadata?.name ?? '<unnamed>'}`;
    const keys = arr(ps.spec.data).map(d => shown(d?.match?.remoteRef?.remoteKey)).filter((k): k is string => !!k);
    const targets = storeTargets(index, ps);
    const writes = targets.flatMap(t => (keys.length ? keys : ['(dataTo)']).map(k => `${t.kind}/${t.name}: ${k === FROM_CLUSTER ? k : normalizeKey(k, t.store)}`));
    const line = `${label}${writes.length ? ` → ${writes.join(', ')}` : ''}`;
    const k = `${ps.namespace ?? '*'}|${name}`;
    addTo(map, k, line);
  }
  return map;
}

/** The inventory of every ExternalSecret and ClusterExternalSecret that writes a Secret. */
export function secretInventory(items: readonly SourcedManifest[], options: InventoryOptions = {}): Inventory {
  const index = new ManifestIndex(items);
  const flux = fluxModel({ index });
  const pushers = pushersOf(index);
  const appliedBy = (m: Manifest): string | undefined => options.appliedBy?.(m) ?? index.source(m)?.appliedBy ?? flux.layerOf(m)?.key;
  const groups = new Map<string, InventoryEntry[]>();
  for (const es of allEsSpecs(index)) {
    if (!isSecretTarget(es.spec)) continue;
    const m = es.manifest;
    const src = index.source(m);
    const produced = producedKeys(es);
    const policy = shown(es.spec.refreshPolicy) ?? 'Periodic';
    const interval = shown(es.spec.refreshInterval) ?? '1h';
    const secret = shown(targetNameOf(es)) ?? '<unnamed>';
    const namespaces = es.namespaces.length ? es.namespaces.map(n => shown(n) ?? FROM_CLUSTER) : [''];
    if (!es.exhaustive && es.namespaces.length && m.kind === 'ClusterExternalSecret') namespaces.push('');
    for (const ns of namespaces) {
      const entry: InventoryEntry = {
        secret,
        namespace: ns,
        externalSecret: `${m.kind} ${m.kind === 'ExternalSecret' && m.metadata?.namespace ? `${shown(m.metadata.namespace)}/` : ''}${shown(m.metadata?.name) ?? '<unnamed>'}`,
        keys: [...produced.keys].map(k => shown(k) ?? FROM_CLUSTER).sort(),
        keysComplete: produced.complete,
        sources: sourcesOf(es),
        refreshPolicy: policy,
        ...(policy === 'Periodic' ? { refreshInterval: interval } : {}),
        ...(shown(es.spec.target?.template?.type) ? { templateType: shown(es.spec.target.template.type) } : {}),
        templateFiles: templateFilesOf(es),
        creationPolicy: creationPolicyOf(es.spec),
        ...(appliedBy(m) ? { appliedBy: appliedBy(m) } : {}),
        pushedBy: [...(pushers.get(`${ns}|${secret}`) ?? []), ...(pushers.get(`*|${secret}`) ?? [])],
        ...(src?.file ? { file: src.file } : {}),
        ...(src?.line ? { line: src.line } : {}),
      };
      const key = options.groupBy === 'layer' ? entry.appliedBy ?? '' : ns;
      addTo(groups, key, entry);
    }
  }
  const namespaces = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  return {
    groupBy: options.groupBy ?? 'namespace',
    namespaces: namespaces.map(namespace => ({
      namespace,
      entries: groups.get(namespace)!.sort((a, b) =>
        a.secret.localeCompare(b.secret) || a.namespace.localeCompare(b.namespace) || a.externalSecret.localeCompare(b.externalSecret)),
    })),
  };
}

const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/</g, '&lt;');
/** A code span in a table cell: backslashes stay literal there; only the pipe needs escaping (GFM tables). */
const codeCell = (s: string) => s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

function sourceText(s: InventorySource): string {
  if (s.type === 'generator') return `generator ${s.from}`;
  const key = s.type === 'find' ? `find ${s.remoteKey}` : `${s.remoteKey ?? '?'}${s.property ? ` (${s.property})` : ''}`;
  return key;
}

/** The remote keys of an entry, one per source (`key (property)`, `generator Kind/name`, `find …`). */
export function remoteKeysText(e: InventoryEntry): string[] {
  return e.sources.map(sourceText);
}

/** The stores (and generators) an entry reads from. */
export function storesText(e: InventoryEntry): string[] {
  return [...new Set(e.sources.filter(s => s.type !== 'generator').map(s => s.from))];
}

export function refreshText(e: InventoryEntry): string {
  return e.refreshPolicy === 'Periodic' ? `${e.refreshInterval}` : e.refreshPolicy;
}

export function templateText(e: InventoryEntry): string {
  return [e.templateType, ...e.templateFiles].filter(Boolean).join(', ');
}

export function keysText(e: InventoryEntry): string {
  return `${e.keys.join(', ')}${e.keysComplete ? '' : `${e.keys.length ? ', ' : ''}… (more from dataFrom / templateFrom)`}`;
}

/** The inventory as Markdown: one table per namespace. */
export function inventoryMarkdown(inv: Inventory, title = 'Secrets'): string {
  const lines = [`# ${title}`, '', '<!-- Generated by cdk8s-external-secrets (cdk8s-eso inventory). It lists names, keys and remote paths, never a value. -->', ''];
  const total = inv.namespaces.reduce((n, g) => n + g.entries.length, 0);
  const layers = inv.groupBy === 'layer';
  const groups = (n: number) => (layers ? `${n} Flux Kustomization${n === 1 ? '' : 's'}` : `${n} namespace${n === 1 ? '' : 's'}`);
  lines.push(`${total} Secret${total === 1 ? '' : 's'} written by ExternalSecrets in ${groups(inv.namespaces.length)}.`, '');
  for (const g of inv.namespaces) {
    const heading = layers
      ? (g.namespace ? `Kustomization ${g.namespace}` : '(not applied by a known Flux Kustomization)')
      : (g.namespace || '(namespaces selected by label)');
    lines.push(`## ${heading}`, '');
    lines.push(`| Secret | ${layers ? 'namespace' : 'Flux Kustomization'} | keys | store | remote key (property) / generator | refresh | template | creation | pushed back by | ExternalSecret |`);
    lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const e of g.entries) {
      const where = e.file ? ` (${e.file}${e.line ? `:${e.line}` : ''})` : '';
      lines.push(`| ${[
        `\`${e.secret}\``, layers ? e.namespace : e.appliedBy ?? '', keysText(e), storesText(e).join('<br>'), remoteKeysText(e).join('<br>'), refreshText(e),
        templateText(e), e.creationPolicy, e.pushedBy.join('<br>'), `${e.externalSecret}${where}`,
      ].map((c, i) => (i === 0 ? codeCell(c) : c.includes('<br>') ? c.split('<br>').map(cell).join('<br>') : cell(c))).join(' | ')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

const CSV_HEADER = ['namespace', 'secret', 'keys', 'keys_complete', 'stores', 'remote_keys', 'refresh_policy', 'refresh_interval',
  'template_type', 'template_files', 'creation_policy', 'flux_kustomization', 'pushed_back_by', 'external_secret', 'file', 'line'];

/** RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled. */
function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The inventory as CSV (one row per Secret; lists joined with "; "). */
export function inventoryCsv(inv: Inventory): string {
  const rows = [CSV_HEADER];
  for (const g of inv.namespaces) {
    for (const e of g.entries) {
      rows.push([e.namespace, e.secret, e.keys.join('; '), String(e.keysComplete), storesText(e).join('; '), remoteKeysText(e).join('; '),
        e.refreshPolicy, e.refreshInterval ?? '', e.templateType ?? '', e.templateFiles.join('; '), e.creationPolicy, e.appliedBy ?? '',
        e.pushedBy.join('; '), e.externalSecret, e.file ?? '', e.line ? String(e.line) : '']);
    }
  }
  return rows.map(r => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
