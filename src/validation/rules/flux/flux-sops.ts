import { fluxModel, ksLabel, objectLabel } from '../../../model/flux';
import { ESO_GROUP, Manifest, parseApiVersion } from '../../../model/manifest';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * P49: a SOPS-encrypted manifest in a Kustomization without `spec.decryption` fails to reconcile; a SOPS
 * Secret and an ExternalSecret writing the same Secret fight over it.
 */
export const fluxSopsRule: Rule = {
  id: 'ESO-FLUX-SOPS',
  severity: Severity.ERROR,
  pitfalls: ['P49'],
  judgesUnknown: true,
  description: 'SOPS-encrypted manifests need a Flux Kustomization with decryption.provider: sops, and must not be a Secret an ExternalSecret also writes',
  example: 'Secret with sops: metadata in a layer without spec.decryption',
  checkApp(ctx) {
    const model = fluxModel(ctx);
    const out: Finding[] = [];
    const sopsSecrets = new Map<string, Manifest>();
    for (const item of ctx.index.items) {
      const m = item.manifest;
      if (!m.sops || typeof m.sops !== 'object') continue;
      if (m.kind === 'Secret') sopsSecrets.set(`${m.metadata?.namespace ?? ''}/${m.metadata?.name ?? ''}`, m);
      const k = model.layerOf(m);
      if (k && k.spec.decryption?.provider !== 'sops') {
        out.push(finding('sops',
          `${objectLabel(m)} is SOPS-encrypted but ${ksLabel(k)} has no decryption: Flux fails with "is SOPS encrypted, configuring decryption is required"`,
          `add decryption: {provider: sops, secretRef: {name: sops-keys}} to Kustomization ${k.name}`,
          { target: m }));
      }
    }
    if (!sopsSecrets.size) return out;
    for (const es of ctx.index.ofKind('ExternalSecret', ESO_GROUP)) {
      if (parseApiVersion(es.apiVersion).group !== ESO_GROUP) continue;
      const target = es.spec?.target?.name ?? es.metadata?.name;
      const secret = sopsSecrets.get(`${es.metadata?.namespace ?? ''}/${target}`);
      if (!secret) continue;
      out.push(finding('spec.target.name',
        `${objectLabel(es)} writes Secret "${target}", which is also committed SOPS-encrypted (${objectLabel(secret)}): Flux and ESO overwrite each other`,
        'keep one source: delete the SOPS Secret (ESO owns it) or the ExternalSecret (SOPS only for bootstrap credentials)',
        { target: es }));
    }
    return out;
  },
};
