import { fluxModel, ksLabel, objectLabel } from '../../../model/flux';
import { Manifest } from '../../../model/manifest';
import { vaultModel } from '../../../model/vault/objects';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * A Kubernetes auth role or config needs its auth mount. When the app declares that mount, the Flux
 * Kustomization applying the role must be the mount's or depend on it: otherwise Vault refuses the role
 * ("no handler for route") until the mount exists, and the operator only catches up on its retry backoff.
 */
export const vaultMountOrderRule: Rule = {
  id: 'ESO-VAULT-MOUNT-ORDER',
  severity: Severity.WARNING,
  description: 'a Kubernetes auth role or config is applied with, or after, the auth mount object it needs (same Flux Kustomization or a dependsOn on it)',
  example: 'AuthEngineMount kubernetes in Kustomization apps, KubernetesAuthEngineRole on it in Kustomization configs (apps dependsOn configs)',
  checkApp(ctx) {
    const model = vaultModel(ctx.index);
    const mounts = model.mounts.filter(m => m.kind === 'auth');
    if (!mounts.length) return [];
    const flux = fluxModel(ctx);
    if (!flux.kustomizations.length) return [];
    const out: Finding[] = [];
    const users: Array<{ manifest: Manifest; mountPath: string; field: string }> = [
      ...model.roles.map(r => ({ manifest: r.manifest, mountPath: r.mountPath, field: r.fields.mountPath })),
      ...model.authConfigs.map(c => ({ manifest: c.manifest, mountPath: c.mountPath, field: c.manifest.kind === 'AuthBackendConfig' ? 'spec.forProvider.backend' : 'spec.path' })),
    ];
    for (const u of users) {
      const own = mounts.filter(m => m.mountPath === u.mountPath);
      if (!own.length) continue;
      const layer = flux.layerOf(u.manifest);
      if (!layer) continue;
      const mountLayers = own.map(m => flux.layerOf(m.manifest));
      if (mountLayers.some(l => !l || l === layer || flux.reaches(layer, l))) continue;
      const ml = mountLayers[0]!;
      out.push(finding(u.field,
        `${objectLabel(u.manifest)} is on auth/${u.mountPath}, whose ${own[0].manifest.kind} is applied by ${ksLabel(ml)}, which ${ksLabel(layer)} does not depend on: `
        + 'Vault refuses the object until the mount exists, and the operator only catches up on its retry backoff',
        `put the mount in the same layer as ${objectLabel(u.manifest)} or in a layer it depends on (dependsOn: [{name: ${ml.name}}])`,
        { target: u.manifest }));
    }
    return out;
  },
};
