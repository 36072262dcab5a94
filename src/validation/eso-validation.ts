import { ApiObject, App } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { Diagnostic } from './diagnostic';
import { ValidationReport, validateManifests } from './engine';
import { SourcedManifest } from './manifest';
import { formatSynthReport } from './report';

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
}

const ID = 'cdk8s-external-secrets.validation';

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
    return v;
  }

  /** Warnings fail the synth. */
  public strict = false;
  /** Warnings are printed to stderr. */
  public printWarnings = true;
  private lastPrinted?: string;
  /** Set while `App.synth()` runs: the one report of this synth, and each object's manifest. */
  private synthPass?: { report: ValidationReport; manifests: Map<ApiObject, any> };

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    this.node.addValidation({ validate: () => this.validateApp() });
    if (scope instanceof App) this.hookSynth(scope);
  }

  /**
   * cdk8s validates the whole app once per chart (`chart.toJson()` re-validates), so a 100-chart app would
   * run the engine 101 times. During `app.synth()` nothing can change between those calls: resolve every
   * object once, validate once, and let the synth write the very manifests that were validated.
   */
  private hookSynth(app: App) {
    for (const method of ['synth', 'synthYaml'] as const) {
      const original = (app as any)[method] as () => any;
      (app as any)[method] = () => {
        if (this.synthPass) return original.call(app);
        const items = this.collect();
        const manifests = new Map<ApiObject, any>();
        items.forEach(i => manifests.set(i.object, i.manifest));
        this.synthPass = { report: validateManifests(items, { strict: this.strict }), manifests };
        for (const [obj, json] of manifests) (obj as any).toJson = () => json;
        try {
          return original.call(app);
        } finally {
          for (const obj of manifests.keys()) delete (obj as any).toJson;
          this.synthPass = undefined;
        }
      };
    }
  }

  /** Runs the engine now and returns every diagnostic (errors and warnings). */
  public diagnostics(): Diagnostic[] {
    return this.run().diagnostics;
  }

  private collect(): Array<SourcedManifest & { object: ApiObject }> {
    const items: Array<SourcedManifest & { object: ApiObject }> = [];
    for (const c of this.node.root.node.findAll()) {
      if (!ApiObject.isApiObject(c)) continue;
      const owner = c.node.id === 'Resource' && c.node.scope ? c.node.scope : c;
      items.push({ manifest: c.toJson(), constructPath: owner.node.path, object: c });
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
