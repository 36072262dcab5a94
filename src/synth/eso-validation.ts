import { ApiObject, App, Chart, YamlOutputType } from 'cdk8s';
import { ConstructOrder, Construct, IConstruct } from 'constructs';
import { appCharts, chartObjects } from './chart-objects';
import { PARALLEL_MIN_CONSTRUCTS, ValidationJob, canValidateInParallel, withDeferredWrites } from './parallel-validation';
import { SynthPass } from './synth-pass';
import { renderWith } from './yaml-render';
import { SourcedManifest } from '../model/manifest';
import { ManifestIndex } from '../model/manifest-index';
import { Diagnostic } from '../validation/diagnostic';
import { ValidationReport, validateManifests } from '../validation/engine';
import { formatSynthReport } from '../validation/report';

/** Options of the synth-time validation. */
export interface EsoValidationOptions {
  /**
   * Treat warnings as errors.
   * @default false
   */
  readonly strict?: boolean;
  /**
   * Print warnings to stderr when the app validates without errors.
   * @default true
   */
  readonly printWarnings?: boolean;
  /**
   * Validate a large app (2000 constructs or more) on a second core while cdk8s renders its YAML; the files are
   * written once the report is in, so nothing is written on failure either way. Needs two cores and the
   * compiled library (not ts-node over its sources). Off by default.
   * @default false
   * @deprecated since the synth writes its YAML itself there is too little rendering left to overlap with:
   * measured at 10 000 ExternalSecrets the worker makes the synth slower (1.32 vs 1.19 s) and costs ~90 MB more
   * peak memory. It still works; leave it off.
   */
  readonly parallel?: boolean;
}

const ID = 'cdk8s-external-secrets.validation';

/** The error `App.synth()` fails with: cdk8s's own wording for failed validations. */
function validationFailed(errors: string[]): Error {
  return new Error(`Validation failed with the following errors:\n  ${errors.join('\n  ')}`);
}

/** Each object's manifest, as resolved once for the synth. */
function manifestByObject(items: ReadonlyArray<{ object: ApiObject; manifest: any }>): Map<ApiObject, any> {
  const out = new Map<ApiObject, any>();
  for (const i of items) out.set(i.object, i.manifest);
  return out;
}

/**
 * One object of the app for the engine. Its construct path (the L2's, not its `Resource` child's) is computed
 * when a finding or a rule asks for it: the engine reads it for findings only, and an app of 10 000 objects
 * would otherwise build 10 000 paths per synth.
 */
class ObjectItem implements SourcedManifest {
  constructor(public readonly manifest: any, public readonly object: ApiObject) {}

  public get constructPath(): string {
    const o = this.object;
    return (o.node.id === 'Resource' && o.node.scope ? o.node.scope : o).node.path;
  }
}

/** cdk8s's own `App.charts` getter, and the one an app object resolves `charts` to. */
const CDK8S_CHARTS_GETTER = Object.getOwnPropertyDescriptor(App.prototype, 'charts')?.get;
function chartsGetterOf(app: App): unknown {
  for (let o: object | null = app; o; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, 'charts');
    if (d) return d.get;
  }
  return undefined;
}

/** What a construct's validations return while the hooked synth renders (they ran once, before). */
function noValidations(): string[] {
  return [];
}

/**
 * Runs the validation engine over every ApiObject of the app when cdk8s validates it, i.e. before
 * `App.synth()` writes any file. Errors fail the synth with one report; warnings are printed.
 *
 * Every construct of this library adds it to its app; call `EsoValidation.of(app)` yourself to validate
 * an app made only of raw `ApiObject`s or `Include`d YAML.
 */
export class EsoValidation extends Construct {
  /** The app's validation (created on first use). */
  public static of(scope: IConstruct): EsoValidation {
    const root = scope.node.root;
    return (root.node.tryFindChild(ID) as EsoValidation | undefined) ?? new EsoValidation(root, ID);
  }

  /** Sets options of the app's validation. */
  public static configure(scope: IConstruct, options: EsoValidationOptions): EsoValidation {
    const v = EsoValidation.of(scope);
    if (options.strict !== undefined) v.strict = options.strict;
    if (options.printWarnings !== undefined) v.printWarnings = options.printWarnings;
    if (options.parallel !== undefined) v.parallel = options.parallel;
    return v;
  }

  /** Warnings fail the synth. */
  public strict = false;
  /** Warnings are printed to stderr. */
  public printWarnings = true;
  /**
   * Large apps are validated on a second core while cdk8s renders them (opt-in).
   * @deprecated see `EsoValidationOptions.parallel`: slower and bigger since the synth writes its YAML itself
   */
  public parallel = false;
  private lastPrinted?: string;
  /** Output of constructs computed from the whole app (derived policies), run once per synth by the hook. */
  private readonly derivations = new Map<IConstruct, () => unknown>();
  /** Set while `App.synth()` runs: the one report of this synth, and each object's manifest. */
  private synthPass?: { report?: ValidationReport; manifests: Map<ApiObject, any> };

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    this.node.addValidation({ validate: () => this.validateApp() });
    if (scope instanceof App) this.hookSynth(scope);
  }

  /**
   * cdk8s validates (and walks) the whole app once per chart: `chart.toJson()` re-runs every construct's
   * validations, so a 100-chart app would run the engine 101 times. During `app.synth()` nothing can change
   * between those calls, so the hooked synth
   * 1. runs every construct's validations once, then resolves every object once and runs the engine once
   *    (any error: the same "Validation failed" report cdk8s gives, and nothing is written);
   * 2. lets cdk8s write exactly the manifests that were validated, with the app's construct list and the
   *    validation results memoized for the duration of the synth (restored afterwards).
   */
  private hookSynth(app: App) {
    for (const method of ['synth', 'synthYaml'] as const) {
      const original = (app as any)[method] as () => any;
      (app as any)[method] = () => {
        if (this.synthPass) return original.call(app);
        const all = app.node.findAll();
        // a large app is validated on a second core while cdk8s renders its YAML (files written after the report)
        const job = method === 'synth' && all.length >= PARALLEL_MIN_CONSTRUCTS && !(app as any).recordConstructMetadata
          && app.yamlOutputType !== YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE
          && this.parallel && canValidateInParallel() ? ValidationJob.start() : undefined;
        try {
          if (job) {
            const items = this.resolvePass(app, all).items;
            job.submit(items, this.strict);
            this.synthPass = { manifests: manifestByObject(items) };
            const rendered = withDeferredWrites(app.outdir, () => this.renderValidated(app, all, original));
            this.synthPass = { report: job.wait((x, strict) => validateManifests(x, { strict })), manifests: this.synthPass.manifests };
            const appErrors = this.validateApp();
            if (appErrors.length) {
              rendered.discard();
              throw validationFailed(appErrors.map(e => `[${this.node.path}] ${e}`));
            }
            rendered.write();
            return rendered.result;
          }
          // a method of its own, so that nothing of the validation (the derivations' index, the item list) is
          // still referenced while cdk8s renders the YAML: only the report and the manifests are
          this.synthPass = this.validated(app, all);
          const appErrors = this.validateApp();
          if (appErrors.length) throw validationFailed(appErrors.map(e => `[${this.node.path}] ${e}`));
          return this.renderValidated(app, all, original);
        } finally {
          job?.cancel();
          this.synthPass = undefined;
        }
      };
    }
  }

  /**
   * One pass for the derivations, the construct validations and the resolution of every object: a construct
   * validation that reads the app (a derived policy checking its keys) resolves through the pass and shares the
   * derivations' index. Throws cdk8s's "Validation failed" when a construct refuses itself.
   */
  private resolvePass(app: App, all: IConstruct[]): { items: Array<SourcedManifest & { object: ApiObject }>; derivationIndex?: ManifestIndex } {
    const errors: string[] = [];
    const pass = SynthPass.begin(app);
    try {
      // the explicit derivation pass: each derived output is computed once, here, before anything reads it
      for (const [owner, derive] of this.derivations) pass.setDerived(owner, derive());
      for (const c of all) {
        if (c === this) continue;
        for (const e of c.node.validate()) errors.push(`[${c.node.path}] ${e}`);
      }
      if (errors.length) throw validationFailed(errors);
      return { items: this.collect(all, pass), derivationIndex: pass.derivationIndex };
    } finally {
      pass.end(app);
    }
  }

  /** The engine's report over the resolved app (reusing the derivations' read models), and each object's manifest. */
  private validated(app: App, all: IConstruct[]): { report: ValidationReport; manifests: Map<ApiObject, any> } {
    const { items, derivationIndex } = this.resolvePass(app, all);
    return { report: validateManifests(items, { strict: this.strict, reuse: derivationIndex }), manifests: manifestByObject(items) };
  }

  /**
   * cdk8s's own synth of what was validated: each object's manifest, the app's construct list and the
   * construct validations memoized for its duration (restored afterwards).
   */
  private renderValidated(app: App, all: IConstruct[], original: () => any): any {
    const manifests = this.synthPass!.manifests;
    // one shared function per overridden method, not a closure per construct (an app of 10 000 objects has
    // 20 000 nodes): they read what they return from `this` and the maps of this synth
    const charts = new Set<IConstruct>();
    function validatedJson(this: ApiObject) {
      return manifests.get(this);
    }
    function chartJson(this: Chart) {
      // Chart.toJson() = resolve the app's dependencies + validate the app + this chart's objects in
      // dependency order; App.synth() has already done the first two, once, for the whole app.
      return chartObjects(this).map(o => o.toJson());
    }
    for (const obj of manifests.keys()) (obj as any).toJson = validatedJson;
    for (const c of all) {
      (c.node as any).validate = noValidations;
      if (Chart.isChart(c)) {
        (c as any).toJson = chartJson;
        charts.add(c);
      }
    }
    const findAll = app.node.findAll.bind(app.node);
    (app.node as any).findAll = (order?: ConstructOrder) => (order === undefined || order === ConstructOrder.PREORDER ? all : findAll(order));
    // cdk8s's App.charts builds a DependencyGraph of the whole app (two Sets per construct) for the chart order;
    // an App subclass with a charts getter of its own keeps it
    const chartsOverridden = chartsGetterOf(app) === CDK8S_CHARTS_GETTER;
    if (chartsOverridden) Object.defineProperty(app, 'charts', { configurable: true, get: () => appCharts(app, all) });
    try {
      return renderWith(() => original.call(app));
    } finally {
      // the overrides are own properties over the prototypes' methods: deleting them restores cdk8s's
      for (const obj of manifests.keys()) delete (obj as any).toJson;
      for (const c of all) delete (c.node as any).validate;
      for (const c of charts) delete (c as any).toJson;
      delete (app.node as any).findAll;
      if (chartsOverridden) delete (app as any).charts;
    }
  }

  /**
   * Registers output of `owner` that is computed from the whole app (a derived Vault policy): the synth hook
   * runs `derive` once per synth, before the construct validations and the resolution of any object, and
   * `SynthPass.of(owner).derivedBy(owner)` returns its result for the rest of that synth.
   * @internal
   */
  public _addDerivation(owner: IConstruct, derive: () => unknown): void {
    this.derivations.set(owner, derive);
  }

  /** Runs the engine now and returns every diagnostic (errors and warnings). */
  public diagnostics(): Diagnostic[] {
    return this.run().diagnostics;
  }

  private collect(constructs: IConstruct[] = this.node.root.node.findAll(), pass?: SynthPass): Array<SourcedManifest & { object: ApiObject }> {
    const items: Array<SourcedManifest & { object: ApiObject }> = [];
    for (const c of constructs) {
      if (ApiObject.isApiObject(c)) items.push(new ObjectItem(pass ? pass.resolve(c) : c.toJson(), c));
    }
    return items;
  }

  private run(): ValidationReport {
    return validateManifests(this.collect(), { strict: this.strict });
  }

  private validateApp(): string[] {
    const report = this.synthPass?.report ?? this.run();
    const text = formatSynthReport(report);
    if (report.errors > 0) return [`cdk8s-external-secrets found problems:\n${text}`];
    if (report.warnings > 0 && this.printWarnings && text !== this.lastPrinted) {
      this.lastPrinted = text;
      process.stderr.write(`cdk8s-external-secrets: ${text}\n`);
    }
    return [];
  }
}
