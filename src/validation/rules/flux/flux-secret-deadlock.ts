import { FluxKs, fluxModel, ksLabel, objectLabel } from '../../../model/flux';
import { FLUX_HELM_GROUP } from '../../../model/flux-api';
import { isObject } from '../../../model/json';
import { ESO_GROUP, Manifest, parseApiVersion } from '../../../model/manifest';
import { addTo } from '../../../model/multimap';
import { podSecretRefs } from '../../../model/pod-secrets';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

const FLUX_SOURCE_GROUP = 'source.toolkit.fluxcd.io';
const SOURCE_KINDS = ['GitRepository', 'HelmRepository', 'OCIRepository', 'Bucket'];

/** A Secret an object needs before it can turn healthy. */
interface SecretNeed {
  readonly name: string;
  /** JSON path of the reference, for the finding. */
  readonly field: string;
}

/** The Secrets (same namespace) an object cannot become Ready without; optional references are left out. */
function secretNeeds(m: Manifest): SecretNeed[] {
  const group = parseApiVersion(m.apiVersion).group;
  const kind = String(m.kind);
  const out: SecretNeed[] = [];
  const add = (name: unknown, field: string) => {
    if (typeof name === 'string' && name) out.push({ name, field });
  };
  if (group === FLUX_SOURCE_GROUP && SOURCE_KINDS.includes(kind)) {
    add(m.spec?.secretRef?.name, 'spec.secretRef.name');
    return out;
  }
  if (group === FLUX_HELM_GROUP && kind === 'HelmRelease') {
    const from = Array.isArray(m.spec?.valuesFrom) ? m.spec.valuesFrom : [];
    from.forEach((v: any, i: number) => {
      if (isObject(v) && v.kind === 'Secret' && v.optional !== true) add(v.name, `spec.valuesFrom[${i}].name`);
    });
    return out;
  }
  if (!(group === '' || group === 'apps' || group === 'batch')) return out;
  for (const ref of podSecretRefs(m)) if (!ref.optional) add(ref.name, ref.field);
  return out;
}

/** Namespace an object lands in: the Kustomization's targetNamespace replaces its own. */
function namespaceIn(m: Manifest, layer: FluxKs | undefined): string | undefined {
  const target = layer?.spec?.targetNamespace;
  const ns = typeof target === 'string' && target ? target : m.metadata?.namespace;
  return typeof ns === 'string' && ns ? ns : undefined;
}

/**
 * Does `layer` wait for `m` to be healthy before it turns Ready (wait: true, or m in its healthChecks)? Flux's
 * status check has no notion of a CronJob's health (it is current as soon as it exists): its Jobs fail, the
 * layer does not wait.
 */
function waitsFor(layer: FluxKs, m: Manifest): boolean {
  if (m.kind === 'CronJob') return false;
  if (layer.wait) return true;
  const checks = Array.isArray(layer.spec?.healthChecks) ? layer.spec.healthChecks : [];
  return checks.some((c: any) => isObject(c) && c.kind === m.kind && c.name === m.metadata?.name);
}

/**
 * An object that cannot become healthy without a Secret (a Flux source's `secretRef`, a HelmRelease's
 * `valuesFrom`, a workload's env / envFrom / secret volume / imagePullSecrets) is applied by a Flux
 * Kustomization that a later one depends on, and only that later Kustomization's ExternalSecret writes the
 * Secret. The earlier Kustomization waits for the object, the object for the Secret, and the later
 * Kustomization (and its ExternalSecret) is never applied: a deadlock until the timeout, on every retry.
 */
export const fluxSecretDeadlockRule: Rule = {
  id: 'ESO-FLUX-SECRET-DEADLOCK',
  severity: Severity.ERROR,
  description: 'an object in an earlier Flux Kustomization needs a Secret that only an ExternalSecret of a Kustomization depending on it writes: the earlier one waits forever',
  example: '# configs: GitRepository charts (secretRef: git-token)\n# apps (dependsOn configs): ExternalSecret git-token',
  checkApp(ctx) {
    const model = fluxModel(ctx);
    if (!model.kustomizations.length) return [];
    // Secrets by namespace/name → the Kustomizations whose objects write them (ExternalSecrets, ClusterExternalSecrets, Secrets).
    const writers = new Map<string, { layer?: FluxKs; by: Manifest }[]>();
    const addWriter = (ns: string | undefined, name: unknown, layer: FluxKs | undefined, by: Manifest) => {
      if (!ns || typeof name !== 'string' || !name) return;
      const key = `${ns}/${name}`;
      addTo(writers, key, { layer, by });
    };
    for (const item of ctx.index.items) {
      const m = item.manifest;
      const group = parseApiVersion(m.apiVersion).group;
      const layer = model.layerOf(m);
      if (group === ESO_GROUP && m.kind === 'ExternalSecret') {
        const policy = m.spec?.target?.creationPolicy;
        if (policy === 'Merge' || policy === 'None') continue; // writes no Secret of its own
        addWriter(namespaceIn(m, layer), m.spec?.target?.name || m.metadata?.name, layer, m);
      } else if (group === ESO_GROUP && m.kind === 'ClusterExternalSecret') {
        const spec = m.spec?.externalSecretSpec;
        const name = spec?.target?.name || m.spec?.externalSecretName || m.metadata?.name;
        for (const ns of Array.isArray(m.spec?.namespaces) ? m.spec.namespaces : []) addWriter(ns, name, layer, m);
      } else if (group === '' && m.kind === 'Secret') {
        addWriter(namespaceIn(m, layer), m.metadata?.name, layer, m);
      }
    }
    if (!writers.size) return [];
    const out: Finding[] = [];
    for (const item of ctx.index.items) {
      const m = item.manifest;
      const needs = secretNeeds(m);
      if (!needs.length) continue;
      const layer = model.layerOf(m);
      const ns = namespaceIn(m, layer);
      if (!layer || !ns) continue;
      for (const need of needs) {
        const ws = writers.get(`${ns}/${need.name}`);
        if (!ws?.length) continue;
        // written in the same layer, an earlier one, an unrelated one, or outside Flux: no deadlock
        const later = ws.filter(w => w.layer && w.layer !== layer && model.reaches(w.layer, layer));
        if (later.length !== ws.length) continue;
        const writer = later[0];
        const waits = waitsFor(layer, m);
        out.push(finding(need.field,
          `${objectLabel(m)} needs Secret "${ns}/${need.name}", which only ${objectLabel(writer.by)} writes, in ${ksLabel(writer.layer!)}; ` +
          `that Kustomization depends on ${ksLabel(layer)}, which applies ${objectLabel(m)}: ` +
          (waits
            ? `${layer.name} waits for it to turn healthy, which it never does without the Secret, so ${writer.layer!.name} is never applied (a deadlock, on every retry)`
            : `${layer.name} does not wait for it, but it fails until ${writer.layer!.name} has written the Secret`),
          `move ${objectLabel(writer.by)} into ${ksLabel(layer)} or a Kustomization it depends on (or the object into ${writer.layer!.name})`,
          { target: m, ...(waits ? {} : { severity: Severity.WARNING }) }));
      }
    }
    return out;
  },
};
