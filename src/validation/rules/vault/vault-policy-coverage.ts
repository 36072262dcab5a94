import { Acl, DEFAULT_POLICY_RULES, probePath } from '../../../model/vault/acl';
import { appAccesses } from '../../../model/vault/derive';
import { list } from '../../../model/vault/identities';
import { RoleInfo, loginKey, roleAcl, vaultModel } from '../../../model/vault/objects';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * Every key an ExternalSecret / ClusterExternalSecret reads, every key a PushSecret writes, every
 * `dataFrom.find` listing and every VaultDynamicSecret call must be allowed by the policies of the role
 * the store (or generator) logs in with, evaluated with Vault's glob rules (`*` prefix, `+` segment,
 * most specific pattern wins, `deny` wins). Checked only when the role and all its policies are in the
 * app. The paths come from the same module as `VaultPolicy.forStore`.
 */
export const vaultPolicyCoverageRule: Rule = {
  id: 'ESO-VAULT-POLICY-COVERAGE',
  severity: Severity.ERROR,
  description: 'every key read or pushed through a store must be granted by a policy of the role the store logs in with',
  example: 'reads kv/data/app/db through store "vault", but role "eso" only has path "kv/data/other/*"',
  pitfalls: ['P06', 'P11'],
  checkApp(ctx) {
    const model = vaultModel(ctx.index);
    const out: Finding[] = [];
    // a role is listed under one login key only (its own), so the role alone identifies its ACL
    const acls = new Map<RoleInfo, Acl | null>();
    for (const a of appAccesses(ctx.index)) {
      if (!a.login) continue;
      const roles = model.rolesByLogin.get(loginKey(a.login));
      if (!roles) continue;
      for (const role of roles) {
        let acl = acls.get(role);
        if (acl === undefined) {
          const r = roleAcl(role, model, DEFAULT_POLICY_RULES);
          acl = r.complete ? new Acl(r.rules) : null;
          acls.set(role, acl);
        }
        if (!acl) continue; // a policy of the role is defined outside the app: cannot judge
        const missing: string[] = [];
        let decider: { path: string; capabilities: readonly string[] } | undefined;
        let shown = a.path;
        for (const cap of a.capabilities) {
          const probe = probePath(a.path, cap);
          const d = acl.decide(probe, cap);
          if (!d.allowed) {
            missing.push(cap);
            decider = decider ?? d.rule;
            if (cap === 'list') shown = probe;
          }
        }
        if (!missing.length) continue;
        const via = a.store ? `through store "${a.store.name}"` : `logging in at auth/${a.login.mountPath}`;
        const why = decider
          ? ` (the pattern that applies, "${decider.path}", ${decider.capabilities.includes('deny') ? 'denies it' : `grants only ${list([...decider.capabilities])}`})`
          : '';
        const policies = role.policies.length ? `policies ${list(role.policies.map(p => `"${p}"`))}` : 'no policies';
        out.push(finding(a.field,
          `${a.verb} ${shown} (key "${a.key}") ${via}, but role "${role.name}" has no policy granting ${missing.join(', ')} on it${why}`,
          `add path "${a.path}" { capabilities = [${missing.map(c => `"${c}"`).join(', ')}] } to one of the role's ${policies}, or derive the policy with VaultPolicy.forStore(...)`,
          { target: a.consumer }));
      }
    }
    return out;
  },
};
