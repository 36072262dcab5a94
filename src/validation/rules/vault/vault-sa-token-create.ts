import { Manifest } from '../../../model/manifest';
import { presentedIdentities } from '../../../model/vault/identities';
import { vaultModel } from '../../../model/vault/objects';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

const RBAC = 'rbac.authorization.k8s.io';

/** The ESO controller release of the app (Flux HelmRelease of chart `external-secrets`). */
function esoReleases(all: Manifest[]) {
  return all
    .filter(h => h.spec?.chart?.spec?.chart === 'external-secrets')
    .map(h => {
      const v = h.spec?.values ?? {};
      const s = (x: unknown) => (typeof x === 'string' && x ? x : undefined);
      const release = s(h.spec?.releaseName) ?? s(h.metadata?.name) ?? 'external-secrets';
      // chart helper "external-secrets.fullname": the release name when it contains the chart name
      const fullname = s(v.fullnameOverride) ?? (release.includes('external-secrets') ? release : `${release}-external-secrets`);
      return {
        manifest: h,
        tokenCreate: v.rbac?.serviceAccountTokenCreate !== false && v.rbac?.create !== false,
        sa: { name: s(v.serviceAccount?.name) ?? fullname, namespace: s(h.spec?.targetNamespace) ?? s(h.metadata?.namespace) ?? 'default' },
      };
    });
}

const arr = (v: unknown): any[] => (Array.isArray(v) ? v : []);

function grantsTokenCreate(rules: unknown, saName: string): boolean {
  return arr(rules).some(r => arr(r?.apiGroups).some((g: string) => g === '' || g === '*')
    && arr(r?.resources).some((x: string) => x === 'serviceaccounts/token' || x === '*')
    && arr(r?.verbs).some((v: string) => v === 'create' || v === '*')
    && (arr(r?.resourceNames).length === 0 || arr(r?.resourceNames).includes(saName)));
}

/**
 * P16: with `serviceAccountRef`, ESO's controller requests a token for that SA (TokenRequest). When the
 * app installs ESO with `rbac.serviceAccountTokenCreate: false`, some Role/ClusterRole must grant
 * `create serviceaccounts/token` for the SA to ESO's controller. Checked only when the ESO HelmRelease
 * is in the app.
 */
export const vaultServiceAccountTokenCreateRule: Rule = {
  id: 'ESO-VAULT-SA-TOKEN-CREATE',
  severity: Severity.ERROR,
  description: 'ESO may create serviceaccounts/token for every service account a Vault store references',
  example: 'HelmRelease external-secrets values.rbac.serviceAccountTokenCreate: false, store serviceAccountRef: eso-vault',
  pitfalls: ['P16'],
  checkApp(ctx) {
    const releases = esoReleases(ctx.index.ofKind('HelmRelease'));
    if (!releases.length || releases.some(r => r.tokenCreate)) return [];
    const controller = releases[0].sa;
    const bindings = [...ctx.index.ofKind('RoleBinding', RBAC), ...ctx.index.ofKind('ClusterRoleBinding', RBAC)]
      .filter(b => arr(b.subjects).some((s: any) => s?.kind === 'ServiceAccount' && s.name === controller.name && (s.namespace ?? b.metadata?.namespace) === controller.namespace));
    const out: Finding[] = [];
    for (const store of vaultModel(ctx.index).stores) {
      for (const id of presentedIdentities(ctx.index, store).identities) {
        const ok = bindings.some(b => {
          if (b.kind === 'RoleBinding' && b.metadata?.namespace !== id.namespace) return false;
          const role = b.roleRef?.kind === 'ClusterRole'
            ? ctx.index.get(RBAC, 'ClusterRole', undefined, b.roleRef?.name)
            : ctx.index.get(RBAC, 'Role', b.metadata?.namespace, b.roleRef?.name);
          return !!role && grantsTokenCreate(role.rules, id.name);
        });
        if (ok) continue;
        out.push(finding(`${store.field}.auth.kubernetes.serviceAccountRef`,
          `store "${store.name}" uses serviceAccountRef "${id.namespace}/${id.name}", but the ESO release "${releases[0].manifest.metadata?.name}" sets rbac.serviceAccountTokenCreate: false and no Role grants its controller "${controller.namespace}/${controller.name}" create on serviceaccounts/token: ESO reports "cannot find secrets bound to service account"`,
          `grant create on serviceaccounts/token (resourceNames: ["${id.name}"]) in namespace "${id.namespace}" to ${controller.namespace}/${controller.name}, or keep rbac.serviceAccountTokenCreate: true`,
          { target: store.manifest }));
      }
    }
    return out;
  },
};
