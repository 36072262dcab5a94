import { ApiObject } from 'cdk8s';
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

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    this.node.addValidation({ validate: () => this.validateApp() });
  }

  /** Runs the engine now and returns every diagnostic (errors and warnings). */
  public diagnostics(): Diagnostic[] {
    return this.run().diagnostics;
  }

  private run(): ValidationReport {
    const items: SourcedManifest[] = [];
    for (const c of this.node.root.node.findAll()) {
      if (!ApiObject.isApiObject(c)) continue;
      const owner = c.node.id === 'Resource' && c.node.scope ? c.node.scope : c;
      items.push({ manifest: c.toJson(), constructPath: owner.node.path });
    }
    return validateManifests(items, { strict: this.strict });
  }

  private validateApp(): string[] {
    const report = this.run();
    const text = formatSynthReport(report);
    if (report.errors > 0) return [`cdk8s-external-secrets found problems:\n${text}`];
    if (report.warnings > 0 && this.printWarnings && text !== this.lastPrinted) {
      this.lastPrinted = text;
      process.stderr.write(`cdk8s-external-secrets: ${text}\n`);
    }
    return [];
  }
}
