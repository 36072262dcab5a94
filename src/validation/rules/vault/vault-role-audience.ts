import { list } from '../../../model/vault/identities';
import { rolesForStore, vaultModel } from '../../../model/vault/objects';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * P14: a role `audience` must be among the audiences the store requests in `serviceAccountRef.audiences`
 * (the controller's mounted token cannot carry it). A role without audience is a warning (Vault warns
 * on every login and a future version may require it).
 */
export const vaultRoleAudienceRule: Rule = {
  id: 'ESO-VAULT-ROLE-AUDIENCE',
  severity: Severity.ERROR,
  description: "the role's audience is among the store's serviceAccountRef.audiences (warning when the role has none)",
  example: 'role audience: vault; store serviceAccountRef.audiences: [api]',
  pitfalls: ['P14'],
  checkApp(ctx) {
    const model = vaultModel(ctx.index);
    const out: Finding[] = [];
    const warned = new Set<unknown>();
    for (const store of model.stores) {
      if (!store.login) continue;
      const sa = store.serviceAccount;
      const auds = sa?.audiences ?? [];
      for (const role of rolesForStore(model, store)) {
        if (role.audience) {
          if (!sa && !store.usesSecretRef) {
            out.push(finding(`${store.field}.auth.kubernetes`,
              `role "${role.name}" expects audience "${role.audience}", but store "${store.name}" has no serviceAccountRef, so ESO presents its controller's mounted token, which carries only the API server audience: login fails with "invalid audience"`,
              `set serviceAccountRef with audiences: ["${role.audience}"] (VaultAuth.kubernetes({ serviceAccount, audiences: ["${role.audience}"] }))`,
              { target: store.manifest }));
          } else if (sa && !auds.includes(role.audience)) {
            out.push(finding(`${store.field}.auth.kubernetes.serviceAccountRef.audiences`,
              `role "${role.name}" expects audience "${role.audience}", but store "${store.name}" requests ${auds.length ? list(auds) : 'no audience (the API server default)'}: login fails with "invalid audience (aud) claim"`,
              `add "${role.audience}" to serviceAccountRef.audiences, or set the role's audience to one of ${list(auds)}`,
              { target: store.manifest }));
          }
        } else if (!warned.has(role)) {
          warned.add(role);
          out.push(finding(role.fields.audience,
            `role "${role.name}" (used by store "${store.name}") has no audience: Vault logs a warning on every login and a future version will require one`,
            auds.length ? `set the role's audience to "${auds[0]}" (the store requests ${list(auds)})`
              : 'request a dedicated audience in the store (serviceAccountRef.audiences: ["vault"]) and set the same audience on the role',
            { target: role.manifest, severity: Severity.WARNING }));
        }
      }
    }
    return out;
  },
};
