import * as path from 'path';
import type * as CelModule from '@bufbuild/cel';

/**
 * One `x-kubernetes-validations` rule of a pinned CRD, as scripts/gen-schemas.ts extracts it
 * (generated/schemas/cel.json): never written by hand.
 */
export interface CelRule {
  /** Schema path of the node the rule sits on: property names, `*` for list items, `{}` for map values. */
  readonly path: readonly string[];
  readonly rule: string;
  readonly message?: string;
  readonly messageExpression?: string;
  readonly fieldPath?: string;
  readonly reason?: string;
  readonly optionalOldSelf?: boolean;
}

/** A rule the object does not satisfy, where the API server reports it. */
export interface CelViolation {
  /** Field path, e.g. `spec.provider.openBao.auth` (plus the rule's fieldPath). */
  readonly field: string;
  readonly message: string;
  readonly rule: string;
  /** true when the rule could not be evaluated (runtime error, cost budget), as the API server reports it too. */
  readonly evaluationError?: boolean;
}

/**
 * The cost bound. The API server gives one create a budget (`RuntimeCELCostBudget` = 10 000 000 in
 * k8s.io/apiserver v0.36) measured by cel-go's cost tracker; @bufbuild/cel has none, so we bound what
 * drives the cost of the pinned rules: one unit per rule evaluation plus one per element of every list
 * and map under the evaluated node (`in`, `size`, comprehensions walk at most those). An object over the
 * budget gets the API server's "running out of cost budget" error instead of unbounded work.
 */
export const CEL_COST_BUDGET = 10_000_000;

type Program = (ctx: Record<string, unknown>) => CelModule.CelResult;

/**
 * @bufbuild/cel and re2js, loaded on first use (only objects whose CRD has CEL rules need them): the
 * Kubernetes CEL environment's string library, and RE2 for matches(), as far as @bufbuild/cel has them.
 */
let cel: { mod: typeof CelModule; env: unknown } | undefined;
function celRuntime(): { mod: typeof CelModule; env: unknown } {
  if (!cel) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const mod = require('@bufbuild/cel') as typeof CelModule;
    const { strings } = require('@bufbuild/cel/ext');
    const { RE2JS } = require('re2js');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const re2 = {
      compile(pattern: string) {
        const re = RE2JS.compile(pattern);
        return { test: (text: string) => re.matcher(text).find() };
      },
    };
    cel = { mod, env: mod.celEnv({ funcs: strings, re2 } as any) };
  }
  return cel;
}

const programs = new Map<string, Program>();

function program(expr: string): Program {
  let p = programs.get(expr);
  if (!p) {
    const { mod, env } = celRuntime();
    p = mod.plan(env as any, mod.parse(expr)) as unknown as Program;
    programs.set(expr, p);
  }
  return p;
}

/** Parses and plans a rule and its messageExpression; throws when either does not compile (gen:schemas). */
export function compileCelRule(rule: CelRule): void {
  try {
    program(rule.rule);
    if (rule.messageExpression) program(rule.messageExpression);
  } catch (e) {
    throw new Error(`CEL rule at ${rule.path.join('.') || '<root>'} does not compile: ${rule.rule}: ${(e as Error).message}`);
  }
}

/** The JSON value as the API server hands it to CEL: integers are int (bigint), nulls were pruned. */
function toCel(v: unknown): unknown {
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (Array.isArray(v)) return v.filter(x => x !== null && x !== undefined).map(toCel);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== null && x !== undefined) out[k] = toCel(x);
    return out;
  }
  return v;
}

function collectionSize(v: unknown): number {
  if (Array.isArray(v)) return v.length + v.reduce((n: number, x) => n + collectionSize(x), 0);
  if (v && typeof v === 'object') return Object.keys(v).length + Object.values(v).reduce((n: number, x) => n + collectionSize(x), 0);
  return 0;
}

function fieldOf(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** Every node of `obj` a rule path selects, with its field path. */
function* nodes(obj: unknown, pathSegs: readonly string[], at: (string | number)[] = []): Generator<[unknown, (string | number)[]]> {
  if (obj === undefined || obj === null) return;
  if (pathSegs.length === 0) {
    yield [obj, at];
    return;
  }
  const [head, ...rest] = pathSegs;
  if (head === '*') {
    if (Array.isArray(obj)) for (let i = 0; i < obj.length; i++) yield* nodes(obj[i], rest, [...at, i]);
  } else if (head === '{}') {
    if (obj && typeof obj === 'object' && !Array.isArray(obj)) for (const [k, v] of Object.entries(obj)) yield* nodes(v, rest, [...at, k]);
  } else if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
    yield* nodes((obj as Record<string, unknown>)[head], rest, [...at, head]);
  }
}

let celRules: Record<string, CelRule[]> | undefined;

/** The rules of a group/version/kind (generated/schemas/cel.json). */
export function celRulesFor(key: string): readonly CelRule[] {
  if (!celRules) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    celRules = require(path.join(__dirname, '..', '..', '..', 'generated', 'schemas', 'cel.json')) as Record<string, CelRule[]>;
  }
  return celRules[key] ?? [];
}

/**
 * Evaluates the rules on an object that was pruned and defaulted, as the API server does on create
 * (no oldSelf: transition rules without optionalOldSelf do not run on create).
 */
export function evaluateCel(rules: readonly CelRule[], obj: unknown, budget = CEL_COST_BUDGET): CelViolation[] {
  const out: CelViolation[] = [];
  let cost = 0;
  for (const r of rules) {
    if (/\boldSelf\b/.test(r.rule) && !r.optionalOldSelf) continue;
    for (const [node, at] of nodes(obj, r.path)) {
      const field = fieldOf(at) + (r.fieldPath && r.fieldPath.startsWith('.') ? r.fieldPath : r.fieldPath ? `.${r.fieldPath}` : '');
      cost += 1 + collectionSize(node);
      if (cost > budget) {
        out.push({ field, rule: r.rule, evaluationError: true, message: 'validation failed due to running out of cost budget, no further validation rules will be run' });
        return out;
      }
      const self = toCel(node);
      const result = program(r.rule)({ self, ...(r.optionalOldSelf ? { oldSelf: null } : {}) });
      if (celRuntime().mod.isCelError(result)) {
        out.push({ field, rule: r.rule, evaluationError: true, message: `${r.rule}: evaluation error: ${result.message}` });
      } else if (result !== true) {
        let message = r.message ?? `failed rule: ${r.rule}`;
        if (r.messageExpression) {
          const m = program(r.messageExpression)({ self });
          if (typeof m === 'string' && m.trim() && !m.includes('\n')) message = m;
        }
        out.push({ field, rule: r.rule, message });
      }
    }
  }
  return out;
}
