import { fluxModel, ksLabel, objectLabel } from '../../../model/flux';
import { SUBSTITUTE_ANNOTATION } from '../../../model/flux-api';
import { ESO_GROUP, GENERATORS_GROUP, parseApiVersion } from '../../../model/manifest';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/** `${` not written as the `$${` escape. */
const UNESCAPED = /(^|[^$])\$\{/;

/**
 * P36: Flux post-build substitution replaces every `${var}` of the applied manifests (unknown variables
 * become empty strings), which mangles literal `${...}` in ESO templates and pushed data.
 */
export const fluxSubstituteRule: Rule = {
  id: 'ESO-FLUX-SUBSTITUTE',
  severity: Severity.WARNING,
  pitfalls: ['P36'],
  description: 'an ESO object containing "${" in a Flux Kustomization with postBuild substitution gets mangled',
  example: "template.data.url: 'https://${HOST}' in a layer with postBuild.substitute",
  checkApp(ctx) {
    const model = fluxModel(ctx);
    const out: Finding[] = [];
    for (const k of model.kustomizations) {
      const pb = k.spec.postBuild;
      const substitutes = pb && typeof pb === 'object'
        && ((pb.substitute && typeof pb.substitute === 'object' && Object.keys(pb.substitute).length) || (Array.isArray(pb.substituteFrom) && pb.substituteFrom.length));
      if (!substitutes) continue;
      for (const m of model.members(k)) {
        // repository mode: the object is what Flux's substitution produced, so a `${` left in it is what it keeps
        if (ctx.index.source(m)?.appliedBy !== undefined) continue;
        const group = parseApiVersion(m.apiVersion).group;
        if (group !== ESO_GROUP && group !== GENERATORS_GROUP) continue;
        if (m.metadata?.annotations?.[SUBSTITUTE_ANNOTATION] === 'disabled' || m.metadata?.labels?.[SUBSTITUTE_ANNOTATION] === 'disabled') continue;
        const hit = findString(m.spec, 'spec');
        if (!hit) continue;
        out.push(finding(hit.path,
          `${objectLabel(m)} contains "${hit.value.length > 60 ? hit.value.slice(0, 57) + '...' : hit.value}" and ${ksLabel(k)} performs postBuild variable substitution: Flux replaces the \${...} (unknown variables become empty)`,
          `escape it as $\${...}, or annotate the object ${SUBSTITUTE_ANNOTATION}: disabled`,
          { target: m }));
      }
    }
    return out;
  },
};

function findString(v: unknown, at: string): { path: string; value: string } | undefined {
  if (typeof v === 'string') return UNESCAPED.test(v) ? { path: at, value: v } : undefined;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const r = findString(v[i], `${at}[${i}]`);
      if (r) return r;
    }
  } else if (v && typeof v === 'object') {
    for (const [key, val] of Object.entries(v)) {
      const r = findString(val, /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${at}.${key}` : `${at}["${key}"]`);
      if (r) return r;
    }
  }
  return undefined;
}
