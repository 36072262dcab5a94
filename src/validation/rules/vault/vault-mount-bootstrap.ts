import { objectLabel } from '../../../model/flux';
import { Manifest, parseApiVersion } from '../../../model/manifest';
import { addTo } from '../../../model/multimap';
import { OPERATOR_GROUP, normMount, vaultModel } from '../../../model/vault/objects';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/** The auth mount a vault-config-operator object logs in through (`spec.authentication.path`, default kubernetes). */
function loginMount(m: Manifest): string | undefined {
  if (parseApiVersion(m.apiVersion).group !== OPERATOR_GROUP) return undefined;
  const a = m.spec?.authentication;
  if (!a || typeof a !== 'object') return undefined;
  return normMount(typeof a.path === 'string' ? a.path : 'kubernetes');
}

/**
 * vault-config-operator logs in at `auth/<spec.authentication.path>` before it applies anything. An auth
 * mount object at that path can never be created by the operator (it needs the mount to log in), and
 * deleting the object (a Flux prune, a `kubectl delete`) disables the method and locks the operator out of
 * Vault. The operator's login mount is bootstrap, made before Flux applies anything.
 */
export const vaultMountBootstrapRule: Rule = {
  id: 'ESO-VAULT-MOUNT-BOOTSTRAP',
  severity: Severity.ERROR,
  description: 'no auth mount object declares the mount vault-config-operator itself logs in through (it must exist before the operator runs)',
  example: 'AuthEngineMount kubernetes while every Policy has spec.authentication.path: kubernetes',
  checkApp(ctx) {
    const model = vaultModel(ctx.index);
    const auth = model.mounts.filter(m => m.kind === 'auth');
    if (!auth.length) return [];
    const users = new Map<string, Manifest[]>();
    for (const item of ctx.index.items) {
      const p = loginMount(item.manifest);
      if (p !== undefined) addTo(users, p, item.manifest);
    }
    const out: Finding[] = [];
    for (const mount of auth) {
      const logins = users.get(mount.mountPath);
      if (!logins?.length) continue;
      const example = `${objectLabel(logins[0])}${logins.length > 1 ? ` and ${logins.length - 1} more` : ''}`;
      out.push(finding(mount.field,
        `${mount.manifest.kind} mounts auth/${mount.mountPath}, the mount vault-config-operator logs in through (spec.authentication.path of ${example}): `
        + 'the operator cannot create the mount it needs to log in, and deleting this object disables the method and locks the operator out of Vault',
        `make the operator's login mount before Flux applies anything (README "Vault bootstrap") and leave it out of the app, or let the operator log in through another mount (VaultConfigOperator.authenticateAs(role, { authMountPath: "vault-config-operator" })) and keep auth/${mount.mountPath} here`,
        { target: mount.manifest }));
    }
    return out;
  },
};
