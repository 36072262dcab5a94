import { FluxKs, fluxModel, ksLabel } from '../../../model/flux';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * P44: `dependsOn` names Flux Kustomizations only. A missing target never resolves, a cycle never applies,
 * and a dependency that neither waits nor health-checks turns Ready as soon as its objects are applied.
 */
export const fluxDependsOnRule: Rule = {
  id: 'ESO-FLUX-DEPENDS-ON',
  severity: Severity.ERROR,
  pitfalls: ['P44'],
  description: 'Flux dependsOn must name Kustomizations of the output, form no cycle, and point at Kustomizations that wait or health-check',
  example: 'dependsOn: [{name: infra}] where no Kustomization infra exists, or a <-> b',
  checkApp(ctx) {
    const model = fluxModel(ctx);
    const out: Finding[] = [];
    for (const k of model.kustomizations) {
      const deps: any[] = Array.isArray(k.spec.dependsOn) ? k.spec.dependsOn : [];
      deps.forEach((d, i) => {
        const key = k.dependsOn[i] ?? '';
        if (!d || typeof d.name !== 'string' || !d.name) {
          out.push(finding(`spec.dependsOn[${i}].name`, 'dependsOn entry has no name', 'name the Flux Kustomization this one waits for', { target: k.manifest }));
          return;
        }
        const dep = model.byKey.get(key);
        if (!dep) {
          out.push(finding(`spec.dependsOn[${i}]`,
            `${ksLabel(k)} depends on ${key}, which is not a Flux Kustomization in the given manifests: if it does not exist, ${k.name} is never applied`,
            `fix the name/namespace, or validate together with the manifest of Kustomization ${key}`,
            { target: k.manifest, severity: Severity.WARNING }));
          return;
        }
        if (dep === k) {
          out.push(finding(`spec.dependsOn[${i}]`, `${ksLabel(k)} depends on itself: it is never applied`, 'remove the entry', { target: k.manifest }));
          return;
        }
        if (!dep.wait && !(Array.isArray(dep.spec.healthChecks) && dep.spec.healthChecks.length)) {
          out.push(finding(`spec.dependsOn[${i}]`,
            `${ksLabel(k)} depends on ${dep.name}, which has neither wait: true nor healthChecks: ${dep.name} turns Ready as soon as its objects are applied, so the dependency orders nothing that takes time (CRDs, webhooks, synced secrets)`,
            `set wait: true (or healthChecks) on Kustomization ${dep.name}`,
            { target: k.manifest, severity: Severity.WARNING }));
        }
      });
    }
    for (const cycle of cycles(model.kustomizations, model.byKey)) {
      const names = cycle.map(c => c.name);
      for (const k of cycle) {
        out.push(finding('spec.dependsOn',
          `${ksLabel(k)} is part of a dependsOn cycle among ${names.join(', ')}: Flux never applies these Kustomizations`,
          'remove one dependsOn edge of the cycle',
          { target: k.manifest }));
      }
    }
    return out;
  },
};

/** Strongly connected components with more than one node (Tarjan), in input order. */
function cycles(nodes: FluxKs[], byKey: Map<string, FluxKs>): FluxKs[][] {
  let counter = 0;
  const index = new Map<FluxKs, number>();
  const low = new Map<FluxKs, number>();
  const onStack = new Set<FluxKs>();
  const stack: FluxKs[] = [];
  const out: FluxKs[][] = [];
  const visit = (v: FluxKs) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const key of v.dependsOn) {
      const w = byKey.get(key);
      if (!w || w === v) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const comp: FluxKs[] = [];
      let w: FluxKs;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) out.push(comp.sort((a, b) => nodes.indexOf(a) - nodes.indexOf(b)));
    }
  };
  for (const n of nodes) if (!index.has(n)) visit(n);
  return out;
}
