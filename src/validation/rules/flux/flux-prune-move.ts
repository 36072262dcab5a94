import { FluxKs, fluxModel } from '../../../model/flux';
import { ESO_GROUP, Manifest } from '../../../model/manifest';
import { ManifestIndex } from '../../../model/manifest-index';
import { addTo } from '../../../model/multimap';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/** Flux annotation that keeps an object out of the Kustomization's garbage collection. */
const PRUNE_ANNOTATION = 'kustomize.toolkit.fluxcd.io/prune';

interface OwnerEs {
  readonly manifest: Manifest;
  readonly namespace: string;
  readonly name: string;
  readonly secret: string;
  readonly layer?: FluxKs;
}

/** ExternalSecrets that own their target Secret (creationPolicy Owner, ESO's default), with their Flux layer. */
function ownerExternalSecrets(index: ManifestIndex): OwnerEs[] {
  const model = fluxModel({ index });
  const out: OwnerEs[] = [];
  for (const m of index.ofKind('ExternalSecret', ESO_GROUP)) {
    const target = m.spec?.target;
    const policy = typeof target?.creationPolicy === 'string' && target.creationPolicy ? target.creationPolicy : 'Owner';
    if (policy !== 'Owner') continue;
    const mf = target?.manifest;
    if (mf && typeof mf === 'object' && !(mf.kind === 'Secret' && (mf.apiVersion === undefined || mf.apiVersion === 'v1'))) continue;
    const name = m.metadata?.name;
    if (typeof name !== 'string' || !name) continue;
    const layer = model.layerOf(m);
    const ns = m.metadata?.namespace ?? layer?.spec?.targetNamespace;
    out.push({
      manifest: m,
      namespace: typeof ns === 'string' ? ns : '',
      name,
      secret: typeof target?.name === 'string' && target.name ? target.name : name,
      layer,
    });
  }
  return out;
}

/**
 * FLUX-PRUNE-048 (P48): compared with the previous output, the Secret of an Owner ExternalSecret is now
 * produced by an ExternalSecret with another name or in another Flux Kustomization. With `prune: true`, Flux
 * deletes the old ExternalSecret, Kubernetes garbage-collects its Secret through the ownerReference, and
 * the Secret is missing until the new ExternalSecret recreates it (with a NEW value behind a generator).
 * Needs the previous output (FluxLayout.synth: the outdir committed at git HEAD, else on disk, or `previousOutput`;
 * CLI `--previous DIR`). Reads only `metadata`, `spec.target` and the Kustomizations' path/prune of it.
 */
export const fluxPruneMoveRule: Rule = {
  id: 'ESO-FLUX-PRUNE-MOVE',
  severity: Severity.WARNING,
  pitfalls: ['P48'],
  description: 'compared with the previous output, an Owner ExternalSecret was renamed or moved to another Flux Kustomization: prune deletes its Secret before the new one recreates it',
  example: '# before: apps/db.yaml  ExternalSecret shop/db (target db)\n# now:    payments/db.yaml ExternalSecret shop/db',
  checkApp(ctx) {
    if (!ctx.previous) return [];
    const current = ownerExternalSecrets(ctx.index);
    if (!current.length) return [];
    const producers = new Map<string, OwnerEs[]>();
    for (const es of current) {
      const key = `${es.namespace}/${es.secret}`;
      addTo(producers, key, es);
    }
    const out: Finding[] = [];
    for (const old of ownerExternalSecrets(ctx.previous)) {
      // Only a pruning Kustomization deletes the old ExternalSecret; the annotation opts it out.
      if (!old.layer || old.layer.spec?.prune !== true) continue;
      if (old.manifest.metadata?.annotations?.[PRUNE_ANNOTATION] === 'disabled') continue;
      const now = producers.get(`${old.namespace}/${old.secret}`);
      if (!now) continue;
      // The old ExternalSecret is still applied by the same Kustomization: nothing is pruned.
      if (now.some(es => es.name === old.name && (!es.layer || es.layer.key === old.layer!.key))) continue;
      for (const es of now) {
        const renamed = es.name !== old.name;
        const moved = !!es.layer && es.layer.key !== old.layer.key;
        if (!renamed && !moved) continue;
        const layers = moved ? `"${old.layer.name}" → "${es.layer!.name}"` : `"${old.layer.name}"`;
        const ns = (n: string) => (es.namespace ? `${es.namespace}/${n}` : n);
        out.push(finding('',
          `ExternalSecret "${ns(es.name)}" takes over Secret "${es.secret}" from "${ns(old.name)}" (Kustomization ${layers}): ` +
          'with prune, Flux deletes the old ExternalSecret and its Owner Secret is garbage-collected before the new one recreates it',
          'for the cut-over set creationPolicy: Orphan on the old ExternalSecret (or annotate it kustomize.toolkit.fluxcd.io/prune: disabled), then remove it',
          { target: es.manifest }));
      }
    }
    return out;
  },
};
