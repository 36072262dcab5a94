import * as path from 'path';
import { ApiObject, App, Chart, DependencyGraph, Duration, Yaml } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { IFluxSource } from './flux-source';
import { FluxHealthCheckExpr, FluxObjectReference } from './health-check';
import { FluxKustomization, FluxKustomizationOptions } from './kustomization';
import { KustomizationFile } from './kustomization-file';
import {
  ExternalSecretsOperatorRelease, ExternalSecretsOperatorReleaseProps, VaultConfigOperatorRelease,
  VaultConfigOperatorReleaseProps,
} from './operator-releases';
import { readOwnedFolders, writeOwnedFolders } from '../io/layout-folders';
import { OPERATOR_GROUP as VAULT_OPERATOR_GROUP } from '../model/api';
import {
  ESO_READY_KINDS, FLUX_HELM_GROUP, FLUX_SYSTEM_NAMESPACE, KUSTOMIZE_CONFIG_API_VERSION,
} from '../model/flux-api';
import { SourcedManifest, parseApiVersion } from '../model/manifest';
import { EsoValidation } from '../synth/eso-validation';
import { validateFiles } from '../synth/validate-files';
import { referenceOf } from './private/render';

const LAYOUT_SYMBOL = Symbol.for('cdk8s-external-secrets.FluxLayout');
const LAYER_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Options of one Flux layer (one folder + one Flux Kustomization). */
export interface FluxLayerOptions extends FluxKustomizationOptions {
  /**
   * Layers that must be Ready before this one is applied.
   * @default - the layer added just before this one (none for the first)
   */
  readonly dependsOn?: FluxLayer[];
}

/**
 * One Flux layer of a `FluxLayout`: a folder `<outdir>/<name>/` with the YAML of its charts and a
 * `kustomization.yaml`, applied by the Flux Kustomization `<name>`.
 *
 * Default health checks: `wait: true` plus `healthCheckExprs` (Ready condition) for the ESO kinds the
 * layer contains, so a store or ExternalSecret whose Ready is False fails the layer at once; with
 * `wait: false`, `healthChecks` listing the layer's ESO objects and HelmReleases instead.
 */
export class FluxLayer extends Construct {
  /** @internal */
  public static _create(
    layout: FluxLayout, name: string, layerPath: string, source: IFluxSource, options: FluxLayerOptions, dependsOn: FluxLayer[],
  ): FluxLayer {
    return new FluxLayer(layout, name, layerPath, source, options, dependsOn);
  }

  /** Name of the layer: folder name and Flux Kustomization name. */
  public readonly layerName: string;
  /** The Flux Kustomization that applies the layer. */
  public readonly kustomization: FluxKustomization;
  private readonly members: Chart[] = [];
  private readonly layout: FluxLayout;

  private constructor(
    layout: FluxLayout, name: string, layerPath: string, source: IFluxSource, options: FluxLayerOptions, dependsOn: FluxLayer[],
  ) {
    super(layout, name);
    this.layout = layout;
    this.layerName = name;
    this.kustomization = new FluxKustomization(this, 'Kustomization', {
      ...options,
      name,
      namespace: layout.namespace,
      source,
      path: layerPath,
      wait: options.wait ?? true,
      dependsOn: dependsOn.map(l => l.kustomization),
    });
    this.kustomization._defaultHealth = () => this.defaultHealth();
  }

  /** Charts of the layer (a copy; add with `add()`). */
  public get charts(): Chart[] {
    return [...this.members];
  }

  /** Put charts into this layer. A chart belongs to exactly one layer. */
  public add(...charts: Chart[]): void {
    for (const c of charts) {
      const owner = this.layout.layerOf(c);
      if (owner === this) continue;
      if (owner) throw new Error(`chart ${c.node.path} is already in Flux layer "${owner.layerName}"; a chart belongs to one layer`);
      if (FluxLayout.isFluxLayout(c)) throw new Error('a FluxLayout cannot be put into one of its own layers');
      this.members.push(c);
    }
  }

  /** ApiObjects of the layer's charts (and of charts nested in them that are not placed elsewhere). */
  private objects(): ApiObject[] {
    return this.layout._chartsOf(this).flatMap(c => chartObjects(c));
  }

  private defaultHealth(): { checks: FluxObjectReference[]; exprs: FluxHealthCheckExpr[] } {
    const objects = this.objects();
    const present = new Set(objects.map(o => `${parseApiVersion(o.apiVersion).group}|${o.kind}`));
    const exprs = ESO_READY_KINDS
      .filter(k => present.has(`${parseApiVersion(k.apiVersion).group}|${k.kind}`))
      .map(k => FluxHealthCheckExpr.readyCondition(k.apiVersion, k.kind));
    const checks = objects
      .filter(o => {
        const group = parseApiVersion(o.apiVersion).group;
        return group === FLUX_HELM_GROUP || ESO_READY_KINDS.some(k => k.kind === o.kind && parseApiVersion(k.apiVersion).group === group);
      })
      .map(referenceOf);
    return { checks, exprs };
  }
}

/** Properties of a `FluxLayout`. */
export interface FluxLayoutProps {
  /** The Flux source the output is committed to, e.g. `FluxSource.gitRepository('flux-system')`. */
  readonly source: IFluxSource;
  /**
   * Folder the layout writes into.
   * @default - the app's outdir
   */
  readonly outdir?: string;
  /**
   * Path of `outdir` inside the source (Git repository), used in the Kustomizations' `spec.path`.
   * @default - outdir relative to the working directory (run the synth from the repository root)
   */
  readonly repositoryPath?: string;
  /**
   * Namespace of the Flux Kustomizations.
   * @default "flux-system"
   */
  readonly namespace?: string;
  /**
   * Folder (under outdir) for the Flux Kustomizations; point your bootstrap Kustomization at it.
   * @default "flux"
   */
  readonly fluxFolder?: string;
  /**
   * Defaults for every layer's Kustomization (interval, timeout, prune, ...).
   * @default - interval 10m, retryInterval 1m, timeout 5m, prune true, wait true
   */
  readonly layerDefaults?: FluxKustomizationOptions;
  /**
   * Install External Secrets Operator (HelmRelease, chart 2.9.0) in the `controllers` layer.
   * @default true
   */
  readonly installExternalSecrets?: boolean;
  /**
   * Options of the ESO release.
   * @default - ExternalSecretsOperatorRelease defaults
   */
  readonly externalSecretsRelease?: ExternalSecretsOperatorReleaseProps;
  /**
   * Install vault-config-operator in the `controllers` layer.
   * @default - installed when the app contains redhatcop.redhat.io objects (Vault roles and policies)
   */
  readonly installVaultConfigOperator?: boolean;
  /**
   * Options of the vault-config-operator release.
   * @default - VaultConfigOperatorRelease defaults
   */
  readonly vaultConfigOperatorRelease?: VaultConfigOperatorReleaseProps;
}

/**
 * Places the app's charts into ordered Flux layers and writes each layer into its own folder:
 *
 * ```
 * <outdir>/flux/<layer>.yaml          Flux Kustomizations (point your bootstrap Kustomization here)
 * <outdir>/controllers/*.yaml         ESO (+ vault-config-operator) HelmReleases          wait: true
 * <outdir>/configs/*.yaml             stores, Vault roles/policies, generators  dependsOn controllers
 * <outdir>/apps/*.yaml                ExternalSecrets, PushSecrets              dependsOn configs
 * ```
 *
 * Every folder has a `kustomization.yaml` listing all its files. `synth()` validates the whole app (every
 * construct validation, then the rule engine over exactly the files it is about to write) and writes
 * nothing when anything fails. The output is deterministic; folders it wrote before are cleaned.
 */
export class FluxLayout extends Chart {
  /** The FluxLayout of the app `scope` belongs to. */
  public static ofApp(scope: IConstruct): FluxLayout {
    const found = scope.node.root.node.findAll().find(c => FluxLayout.isFluxLayout(c)) as FluxLayout | undefined;
    if (!found) throw new Error(`no FluxLayout in the app of ${scope.node.path}`);
    return found;
  }

  /** True for a FluxLayout (`instanceof` is unreliable: Chart overrides it for every chart). */
  public static isFluxLayout(x: any): boolean {
    return x !== null && typeof x === 'object' && LAYOUT_SYMBOL in x;
  }

  /** First layer: operators (ESO, vault-config-operator). */
  public readonly controllers: FluxLayer;
  /** Second layer: stores, Vault roles/policies, generators. */
  public readonly configs: FluxLayer;
  /** Third layer: ExternalSecrets, PushSecrets, workloads. */
  public readonly apps: FluxLayer;
  /** Folder the layout writes into. */
  public readonly outdir: string;
  /** Path of outdir inside the Flux source. */
  public readonly repositoryPath: string;
  /** Folder (under outdir) of the Flux Kustomizations. */
  public readonly fluxFolder: string;
  /** The ESO release, when installed by the layout. */
  public readonly externalSecretsRelease?: ExternalSecretsOperatorRelease;
  private readonly layerList: FluxLayer[] = [];
  private readonly source: IFluxSource;
  private readonly defaults: FluxKustomizationOptions;
  private readonly vcoMode?: boolean;
  private readonly vcoProps: VaultConfigOperatorReleaseProps;
  private vco?: VaultConfigOperatorRelease;

  constructor(scope: Construct, id: string, props: FluxLayoutProps) {
    super(scope, id, { namespace: props.namespace ?? FLUX_SYSTEM_NAMESPACE });
    Object.defineProperty(this, LAYOUT_SYMBOL, { value: true });
    EsoValidation.of(this);
    const root = this.node.root;
    if (root.node.findAll().some(c => FluxLayout.isFluxLayout(c) && c !== this)) {
      throw new Error(`${this.node.path}: the app already has a FluxLayout; use one App per cluster`);
    }
    this.source = props.source;
    this.outdir = props.outdir ?? (root instanceof App ? root.outdir : 'dist');
    this.repositoryPath = normalizeRepoPath(props.repositoryPath ?? defaultRepositoryPath(this.node.path, this.outdir));
    this.fluxFolder = props.fluxFolder ?? 'flux';
    if (!LAYER_NAME.test(this.fluxFolder)) throw new Error(`${this.node.path}: fluxFolder "${this.fluxFolder}" must be a DNS label`);
    this.defaults = {
      interval: Duration.minutes(10),
      retryInterval: Duration.minutes(1),
      timeout: Duration.minutes(5),
      prune: true,
      ...props.layerDefaults,
    };
    this.vcoMode = props.installVaultConfigOperator;
    this.vcoProps = props.vaultConfigOperatorRelease ?? {};

    this.controllers = this.addLayer('controllers');
    this.configs = this.addLayer('configs');
    this.apps = this.addLayer('apps');
    if (props.installExternalSecrets ?? true) {
      const chart = new Chart(this, 'external-secrets');
      this.externalSecretsRelease = new ExternalSecretsOperatorRelease(chart, 'Operator', props.externalSecretsRelease);
      this.controllers.add(chart);
    }
  }

  /** The layers, in order. */
  public get layers(): FluxLayer[] {
    return [...this.layerList];
  }

  /**
   * Add a layer after the existing ones (e.g. a `dev` overlay).
   * @param name folder and Flux Kustomization name (a DNS label)
   */
  public addLayer(name: string, options: FluxLayerOptions = {}): FluxLayer {
    if (!LAYER_NAME.test(name)) throw new Error(`${this.node.path}: layer name "${name}" must be a DNS label (lower-case letters, digits, '-')`);
    if (name === this.fluxFolder || this.layerList.some(l => l.layerName === name)) {
      throw new Error(`${this.node.path}: layer "${name}" already exists (or is the flux folder)`);
    }
    const previous = this.layerList[this.layerList.length - 1];
    const dependsOn = options.dependsOn ?? (previous ? [previous] : []);
    const layerPath = './' + [this.repositoryPath, name].filter(Boolean).join('/');
    const layer = FluxLayer._create(this, name, layerPath, this.source, { ...this.defaults, ...options }, dependsOn);
    this.layerList.push(layer);
    return layer;
  }

  /** The layer named `name`. */
  public layer(name: string): FluxLayer {
    const l = this.layerList.find(x => x.layerName === name);
    if (!l) throw new Error(`${this.node.path}: no layer "${name}" (layers: ${this.layerList.map(x => x.layerName).join(', ')})`);
    return l;
  }

  /** The layer a chart was put into, if any. */
  public layerOf(chart: Chart): FluxLayer | undefined {
    return this.layerList.find(l => l.charts.includes(chart));
  }

  /** Charts written into `layer`: the ones added, plus unplaced charts nested in them. @internal */
  public _chartsOf(layer: FluxLayer): Chart[] {
    const placed = new Set(this.layerList.flatMap(l => l.charts));
    const out: Chart[] = [];
    for (const c of layer.charts) {
      for (const n of c.node.findAll()) {
        if (n instanceof Chart && (n === c || !placed.has(n))) out.push(n);
      }
    }
    return out;
  }

  /**
   * Validates the app and returns every file the layout writes (paths relative to outdir, POSIX) with
   * its content. Throws, without writing anything, when a construct validation or a rule fails. Reads
   * nothing from disk, so rules that compare with the previous output (ESO-FLUX-PRUNE-MOVE) stay silent.
   */
  public synthFiles(): { [file: string]: string } {
    return this.validatedFiles(undefined);
  }

  /**
   * Validates, then writes `<outdir>/<layer>/` and `<outdir>/<fluxFolder>/` (replacing what an earlier
   * synth of this layout wrote). Nothing is written when validation fails. The output of the earlier
   * synth is validated against too: an Owner ExternalSecret that moved to another layer or was renamed is
   * a warning (with prune, Flux would delete its Secret before the new one recreates it).
   */
  public synth(): void {
    const outdir = path.resolve(this.outdir);
    // What the last synth wrote: rules that compare with it (a moved ExternalSecret, P48) need it.
    const files = this.validatedFiles(readOwnedFolders(outdir, this.repositoryPath ? `${this.repositoryPath}/` : ''));
    writeOwnedFolders(this.node.path, outdir, files);
  }

  /** Renders, validates (against `previous`, when known) and returns the files by path. */
  private validatedFiles(previous: SourcedManifest[] | undefined): { [file: string]: string } {
    this.addVaultOperatorIfNeeded();
    const files = this.render();
    this.validateOutput(files, previous);
    const out: { [file: string]: string } = {};
    for (const f of files) out[f.path] = f.content;
    return out;
  }

  /** Adds the vault-config-operator release when asked for, or when Vault operator objects exist. */
  private addVaultOperatorIfNeeded(): void {
    if (this.vco || this.vcoMode === false) return;
    const wanted = this.vcoMode === true || this.node.root.node.findAll().some(c => ApiObject.isApiObject(c)
      && parseApiVersion((c as ApiObject).apiVersion).group === VAULT_OPERATOR_GROUP);
    if (!wanted) return;
    const chart = new Chart(this, 'vault-config-operator');
    this.vco = new VaultConfigOperatorRelease(chart, 'Operator', this.vcoProps);
    this.controllers.add(chart);
  }

  /** Every output file, in memory. */
  private render(): RenderedFile[] {
    const root = this.node.root;
    // Every chart with objects must be in a layer, or Flux never applies it.
    const placed = new Set(this.layerList.flatMap(l => this._chartsOf(l)));
    const orphans = root.node.findAll()
      .filter((c): c is Chart => c instanceof Chart && c !== this && !placed.has(c) && chartObjects(c).length > 0)
      .map(c => c.node.path);
    if (orphans.length) {
      throw new Error(`${this.node.path}: chart(s) ${orphans.join(', ')} are in no Flux layer, so Flux would never apply them; ` +
        'add them with layout.<layer>.add(chart)');
    }

    const files: RenderedFile[] = [];
    const fluxResources: string[] = [];
    for (const layer of this.layerList) {
      const charts = this._chartsOf(layer);
      const names = fileNames(charts);
      const resources: string[] = [];
      charts.forEach((chart, i) => {
        const objects = chartObjects(chart);
        if (!objects.length) return;
        const file = `${names[i]}.yaml`;
        resources.push(file);
        files.push({
          path: `${layer.layerName}/${file}`,
          content: Yaml.stringify(...objects.map(o => o.toJson())),
          objects: objects.map(o => ({ manifest: o.toJson(), constructPath: ownerPath(o) })),
        });
      });
      files.push(kustomizationFile(layer.layerName, resources));
      const ks = ApiObject.of(layer.kustomization);
      fluxResources.push(`${layer.layerName}.yaml`);
      files.push({
        path: `${this.fluxFolder}/${layer.layerName}.yaml`,
        content: Yaml.stringify(ks.toJson()),
        objects: [{ manifest: ks.toJson(), constructPath: layer.kustomization.node.path }],
      });
    }
    // Objects of the layout chart itself other than the Kustomizations (none today) would be lost: refuse.
    const stray = chartObjects(this).filter(o => !this.layerList.some(l => ApiObject.of(l.kustomization) === o));
    if (stray.length) throw new Error(`${this.node.path}: put ${stray.map(o => o.node.path).join(', ')} into a chart of a layer, not into the FluxLayout`);
    files.push(kustomizationFile(this.fluxFolder, fluxResources));
    return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** Construct validations (as `App.synth` runs them) plus the rule engine over the files to be written. */
  private validateOutput(files: RenderedFile[], previous?: SourcedManifest[]): void {
    const prefix = this.repositoryPath ? `${this.repositoryPath}/` : '';
    validateFiles(this, files.flatMap(f => f.objects.map(o => ({ ...o, file: prefix + f.path }))), previous);
  }
}

interface RenderedFile {
  readonly path: string;
  readonly content: string;
  readonly objects: SourcedManifest[];
}

function chartObjects(chart: Chart): ApiObject[] {
  return new DependencyGraph(chart.node).topology()
    .filter((x): x is ApiObject => ApiObject.isApiObject(x) && Chart.of(x) === chart);
}

/** Path of the construct that made the object (the L2, not its `Resource` child), as EsoValidation reports. */
function ownerPath(o: ApiObject): string {
  const owner = o.node.id === 'Resource' && o.node.scope ? o.node.scope : o;
  return owner.node.path;
}

/** File names (without .yaml) for the charts of one layer: the chart id, or the whole path when ids clash. */
function fileNames(charts: Chart[]): string[] {
  const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'chart';
  const ids = charts.map(c => clean(c.node.id));
  const names = charts.map((c, i) => (ids.filter(x => x === ids[i]).length > 1 ? clean(c.node.path.replace(/\//g, '-')) : ids[i]));
  const dup = names.find((n, i) => names.indexOf(n) !== i || n === 'kustomization');
  if (dup) throw new Error(`two charts of one layer would both be written to ${dup}.yaml (or it clashes with kustomization.yaml); rename one chart`);
  return names;
}

function kustomizationFile(folder: string, resources: string[]): RenderedFile {
  const manifest = { apiVersion: KUSTOMIZE_CONFIG_API_VERSION, kind: 'Kustomization', resources: [...resources].sort() };
  return { path: `${folder}/kustomization.yaml`, content: KustomizationFile.render(resources), objects: [{ manifest }] };
}

function normalizeRepoPath(p: string): string {
  const posix = p.replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '');
  return posix === '.' ? '' : posix;
}

function defaultRepositoryPath(where: string, outdir: string): string {
  const rel = path.relative(process.cwd(), path.resolve(outdir));
  if (path.isAbsolute(rel) || rel.split(path.sep)[0] === '..') {
    throw new Error(`${where}: outdir ${outdir} is outside the working directory, so its path in the Git repository is unknown; ` +
      'set repositoryPath (e.g. "clusters/prod") or run the synth from the repository root');
  }
  return rel;
}
