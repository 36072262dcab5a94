/**
 * Vault ACL path-pattern semantics (vault/policy.go, docs concepts/policies): syntax checks, matching,
 * and the priority rules that decide which pattern applies when several match. Internal.
 */
import { AclRule, KNOWN_CAPABILITIES, mergeRules } from './hcl';

/** Capabilities only Vault ≥ 1.21 accepts (older servers reject them as "invalid capability"). */
export const NEW_CAPABILITIES = ['subscribe', 'recover'];

/** Syntax problems of one pattern (empty when Vault accepts it). */
export function patternProblems(pattern: string): string[] {
  const p = pattern.replace(/^\//, '');
  // fast path: no wildcard, not empty (every check below passes)
  if (p !== '' && p.indexOf('*') < 0 && p.indexOf('+') < 0) return [];
  const out: string[] = [];
  if (p === '') out.push('the pattern is empty');
  const star = p.indexOf('*');
  if (star >= 0 && star !== p.length - 1) out.push('"*" is only allowed as the last character');
  if (p.includes('+*')) out.push('"+*" is not allowed (use "+/*" or "*")');
  for (const seg of p.split('/')) {
    const s = seg.endsWith('*') ? seg.slice(0, -1) : seg;
    if (s.includes('+') && s !== '+') out.push(`"+" must be a whole path segment (got "${seg}")`);
  }
  return [...new Set(out)];
}

/** Capability names Vault does not know. */
export function unknownCapabilities(caps: readonly string[]): string[] {
  return caps.filter(c => !KNOWN_CAPABILITIES.includes(c));
}

const RE_CACHE = new Map<string, RegExp>();

/** True when the pattern applies to the (leading-slash-free) request path. */
export function patternMatches(pattern: string, path: string): boolean {
  const p = pattern.replace(/^\//, '');
  let re = RE_CACHE.get(p);
  if (!re) {
    const glob = p.endsWith('*');
    const body = glob ? p.slice(0, -1) : p;
    const src = body
      .split('/')
      .map(seg => (seg === '+' ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    re = new RegExp(`^${src}${glob ? '.*' : ''}$`);
    RE_CACHE.set(p, re);
  }
  return re.test(path.replace(/^\//, ''));
}

function firstWildcard(p: string): number {
  const idx = [p.indexOf('+'), p.indexOf('*')].filter(i => i >= 0);
  return idx.length ? Math.min(...idx) : Number.MAX_SAFE_INTEGER;
}

/**
 * Vault's priority between two patterns that both match a path: > 0 when `a` wins. From the docs:
 * P1 loses if its first wildcard comes earlier, if it ends in `*` and P2 does not, if it has more `+`
 * segments, if it is shorter, if it is lexicographically smaller.
 */
export function comparePriority(a: string, b: string): number {
  const fa = firstWildcard(a);
  const fb = firstWildcard(b);
  if (fa !== fb) return fa < fb ? -1 : 1;
  const ga = a.endsWith('*');
  const gb = b.endsWith('*');
  if (ga !== gb) return ga ? -1 : 1;
  const pa = a.split('/').filter(s => s === '+').length;
  const pb = b.split('/').filter(s => s === '+').length;
  if (pa !== pb) return pa > pb ? -1 : 1;
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** The rule Vault applies to a path (rules are merged first: identical patterns union). */
export function winningRule(rules: readonly AclRule[], path: string): AclRule | undefined {
  let best: AclRule | undefined;
  for (const r of rules) {
    if (!patternMatches(r.path, path)) continue;
    if (!best || comparePriority(r.path, best.path) > 0) best = r;
  }
  return best;
}

/** Result of asking "may a token with these policies do `capability` on `path`?". */
export interface Decision {
  readonly allowed: boolean;
  /** The pattern that decided (undefined when none matches). */
  readonly rule?: AclRule;
}

/**
 * Evaluates Vault's ACL for one request. `rules` are all rules of all policies of the token (merged here:
 * identical patterns union their capabilities). `list` requests must pass the path with a trailing `/`.
 */
export function decide(rules: readonly AclRule[], path: string, capability: string): Decision {
  const rule = winningRule(mergeRules(rules), path.replace(/^\//, ''));
  if (!rule) return { allowed: false };
  if (rule.capabilities.includes('deny')) return { allowed: false, rule };
  return { allowed: rule.capabilities.includes(capability), rule };
}

/** Precomputed merge for many decisions against the same rule set. */
export class Acl {
  private readonly merged: AclRule[];
  constructor(rules: readonly AclRule[]) {
    this.merged = mergeRules(rules);
  }
  public decide(path: string, capability: string): Decision {
    const rule = winningRule(this.merged, path.replace(/^\//, ''));
    if (!rule) return { allowed: false };
    if (rule.capabilities.includes('deny')) return { allowed: false, rule };
    return { allowed: rule.capabilities.includes(capability), rule };
  }
  public get rules(): readonly AclRule[] {
    return this.merged;
  }
}

/**
 * A requirement on a subtree (pattern ending in `*`) is checked on a probe path below it: Vault cannot
 * tell us about "every key", so we ask about an arbitrary one. `list` requests end with `/`.
 */
export function probePath(requirement: string, capability: string): string {
  if (!requirement.endsWith('*')) return requirement;
  const base = requirement.slice(0, -1);
  if (capability === 'list') return base.endsWith('/') || base === '' ? base : `${base}/`;
  return `${base}${base.endsWith('/') || base === '' ? '' : '/'}eso-probe-key`;
}

/** Vault's built-in `default` policy: the parts ESO relies on (token self-lookup and revocation). */
export const DEFAULT_POLICY_RULES: AclRule[] = [
  { path: 'auth/token/lookup-self', capabilities: ['read'] },
  { path: 'auth/token/renew-self', capabilities: ['update'] },
  { path: 'auth/token/revoke-self', capabilities: ['update'] },
  { path: 'sys/capabilities-self', capabilities: ['update'] },
];
