import { list } from '../../../model/vault/identities';
import { loginKey, vaultModel } from '../../../model/vault/objects';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * P19 (cross-resource part): the store's `auth.kubernetes.mountPath` must be the mount the role is
 * defined on; a store logging in at a mount the app does not configure while it configures others is a
 * warning.
 */
export const vaultRoleMountRule: Rule = {
  id: 'ESO-VAULT-ROLE-MOUNT',
  severity: Severity.ERROR,
  description: "the store's auth mountPath matches the mount of the role it logs in with",
  example: 'store mountPath: kubernetes; KubernetesAuthEngineRole path: k8s-prod',
  pitfalls: ['P19'],
  checkApp(ctx) {
    const model = vaultModel(ctx.index);
    const out: Finding[] = [];
    const configured = new Set(model.authConfigs.map(c => c.mountPath));
    for (const store of model.stores) {
      if (!store.login) continue;
      if (model.rolesByLogin.has(loginKey(store.login))) continue;
      const field = `${store.field}.auth.kubernetes.mountPath`;
      const elsewhere = model.roles.filter(r => r.name === store.login!.role.toLowerCase());
      if (elsewhere.length) {
        const mounts = [...new Set(elsewhere.map(r => r.mountPath))];
        out.push(finding(field,
          `store "${store.name}" logs in at auth/${store.login.mountPath} with role "${store.login.role}", but that role is defined on ${mounts.map(m => `auth/${m}`).join(', ')}: login fails ("role not found" / 403)`,
          `set mountPath: "${mounts[0]}" in the store, or define the role on mount "${store.login.mountPath}"`,
          { target: store.manifest }));
      } else if (configured.size && !configured.has(store.login.mountPath)) {
        out.push(finding(field,
          `store "${store.name}" logs in at auth/${store.login.mountPath}, but this app configures Kubernetes auth only at ${list([...configured].map(m => `auth/${m}`))}`,
          `use one of the configured mounts, or configure auth/${store.login.mountPath} (VaultKubernetesAuthConfig)`,
          { target: store.manifest, severity: Severity.WARNING }));
      }
    }
    return out;
  },
};
