import { Acl } from '../../../model/vault/acl';
import { esoRoles, list } from '../../../model/vault/identities';
import { roleAcl, vaultModel } from '../../../model/vault/objects';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * P12: a role ESO uses that drops Vault's `default` policy must grant `auth/token/lookup-self` (read;
 * the store's validation and token reuse) and should grant `auth/token/revoke-self` (update; ESO
 * revokes its tokens when the token cache is off, the default).
 */
export const vaultRoleDefaultPolicyRule: Rule = {
  id: 'ESO-VAULT-ROLE-DEFAULT-POLICY',
  severity: Severity.ERROR,
  description: 'a role with token_no_default_policy needs read on auth/token/lookup-self (and update on revoke-self) for ESO',
  example: 'tokenNoDefaultPolicy: true, policies: [eso-read]   # eso-read lacks auth/token/lookup-self',
  pitfalls: ['P12'],
  checkApp(ctx) {
    const model = vaultModel(ctx.index);
    const out: Finding[] = [];
    for (const [role, users] of esoRoles(ctx.index)) {
      if (!role.noDefaultPolicy || role.policies.includes('default')) continue;
      const r = roleAcl(role, model, []);
      if (!r.complete) continue;
      const acl = new Acl(r.rules);
      const via = [...users].join(', ');
      const policies = role.policies.length ? `its policies ${list(role.policies.map(p => `"${p}"`))}` : 'it has no policies and';
      if (!acl.decide('auth/token/lookup-self', 'read').allowed) {
        out.push(finding(role.fields.noDefaultPolicy,
          `role "${role.name}" (used by ${via}) sets token_no_default_policy, and ${policies} grant${role.policies.length ? '' : 's'} no read on auth/token/lookup-self: ESO cannot validate the store (403 on lookup-self)`,
          'add path "auth/token/lookup-self" { capabilities = ["read"] } and path "auth/token/revoke-self" { capabilities = ["update"] } to a policy of the role (VaultPolicy.forStore adds both), or drop tokenNoDefaultPolicy',
          { target: role.manifest }));
      } else if (!acl.decide('auth/token/revoke-self', 'update').allowed) {
        out.push(finding(role.fields.noDefaultPolicy,
          `role "${role.name}" (used by ${via}) sets token_no_default_policy and grants no update on auth/token/revoke-self: ESO cannot revoke its tokens, which then live until they expire`,
          'add path "auth/token/revoke-self" { capabilities = ["update"] } to a policy of the role',
          { target: role.manifest, severity: Severity.WARNING }));
      }
    }
    return out;
  },
};
