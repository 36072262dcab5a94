import { Manifest } from '../../../model/manifest';
import { presentedIdentities } from '../../../model/vault/identities';
import { vaultModel } from '../../../model/vault/objects';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

const RBAC = 'rbac.authorization.k8s.io';

function bindsTo(binding: Manifest, name: string, namespace: string): boolean {
  if (binding.roleRef?.kind !== 'ClusterRole' || binding.roleRef?.name !== 'system:auth-delegator') return false;
  return (Array.isArray(binding.subjects) ? binding.subjects : []).some((s: any) => s?.kind === 'ServiceAccount' && s.name === name && (s.namespace ?? binding.metadata?.namespace) === namespace);
}

/**
 * P15: when the app owns the Kubernetes auth config, the service account that calls TokenReview (Vault's
 * pod SA, the dedicated reviewer, or — "client JWT as reviewer" — every SA that logs in) needs a
 * ClusterRoleBinding to `system:auth-delegator` (a RoleBinding does not work).
 */
export const vaultTokenReviewerRule: Rule = {
  id: 'ESO-VAULT-TOKEN-REVIEWER',
  severity: Severity.ERROR,
  description: 'the token reviewer of a Kubernetes auth config in the app has a ClusterRoleBinding to system:auth-delegator',
  example: 'KubernetesAuthEngineConfig tokenReviewerServiceAccount: vault-auth, no ClusterRoleBinding',
  pitfalls: ['P15'],
  checkApp(ctx) {
    const model = vaultModel(ctx.index);
    if (!model.authConfigs.length) return [];
    const crbs = ctx.index.ofKind('ClusterRoleBinding', RBAC);
    const rbs = ctx.index.ofKind('RoleBinding', RBAC);
    const out: Finding[] = [];
    for (const c of model.authConfigs) {
      let reviewers: Array<{ name: string; namespace: string; why: string }> = [];
      if (c.mode === 'client') {
        for (const s of model.stores) {
          if (s.login?.mountPath !== c.mountPath) continue;
          for (const id of presentedIdentities(ctx.index, s).identities) reviewers.push({ ...id, why: `client JWT of store "${s.name}"` });
        }
      } else if (c.reviewer) {
        reviewers = [{ ...c.reviewer, why: c.mode === 'local' ? "Vault's own pod service account" : 'the dedicated reviewer' }];
      }
      const seen = new Set<string>();
      for (const r of reviewers) {
        const k = `${r.namespace}/${r.name}`;
        if (seen.has(k)) continue;
        seen.add(k);
        if (crbs.some(b => bindsTo(b, r.name, r.namespace))) continue;
        const rb = rbs.some(b => bindsTo(b, r.name, r.namespace));
        out.push(finding(c.field,
          `Vault Kubernetes auth "${c.mountPath}" validates tokens with service account "${k}" (${r.why}), which has no ClusterRoleBinding to system:auth-delegator${rb ? ' (a RoleBinding does not work: TokenReview is cluster-scoped)' : ''}: every login fails with 403`,
          'bind it: new VaultTokenReviewerBinding(scope, id, { serviceAccounts: [sa] }) (VaultKubernetesAuthConfig and VaultStoreAccess({ tokenReviewer }) emit it)',
          { target: c.manifest }));
      }
    }
    return out;
  },
};
