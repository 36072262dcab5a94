import { patternMatches, probePath } from '../../../model/vault/acl';
import { Access, appAccesses } from '../../../model/vault/derive';
import { esoRoles, list } from '../../../model/vault/identities';
import { PolicyInfo, loginKey, vaultModel } from '../../../model/vault/objects';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

const WRITE = ['create', 'update', 'delete', 'patch'];

/** `*` at the end or a `+` segment: the pattern matches more than one path. */
const isGlob = (path: string) => path.endsWith('*') || path.split('/').includes('+');

/** How many distinct keys (per store) the accesses touch: data and metadata paths of one key count once. */
function distinctKeys(accesses: readonly Access[]): number {
  return new Set(accesses.map(a => `${a.store?.key ?? ''}|${a.key}`)).size;
}

/**
 * A hand-written policy of a role ESO uses that grants much more than the app uses: a glob over a
 * whole KV mount (`kv/*`, `kv/data/*`, `kv/+/*`) that no `dataFrom.find` needs, write capabilities
 * where nothing pushes, write capabilities on a glob wider than the literal keys the app pushes, or `sudo`.
 */
export const vaultPolicyBroadRule: Rule = {
  id: 'ESO-VAULT-POLICY-BROAD',
  severity: Severity.WARNING,
  description: 'a policy of an ESO role grants far more than the app uses (whole mount, unused writes, writes on a glob wider than the pushed keys, sudo)',
  example: 'path "kv/*" { capabilities = ["create", "read", "update", "delete", "list"] }',
  checkApp(ctx) {
    const model = vaultModel(ctx.index);
    const accesses = appAccesses(ctx.index);
    const roles = esoRoles(ctx.index);
    // policy -> accesses of the ESO logins it is attached to
    const usage = new Map<PolicyInfo, Access[]>();
    for (const [role] of roles) {
      const mine = accesses.filter(a => a.login && loginKey(a.login) === loginKey({ mountPath: role.mountPath, role: role.name }));
      for (const name of role.policies) {
        for (const p of model.policiesByName.get(name) ?? []) usage.set(p, [...(usage.get(p) ?? []), ...mine]);
      }
    }
    const mounts = [...new Set(model.stores.map(s => s.mount).filter((m): m is string => !!m))];
    const out: Finding[] = [];
    for (const [p, used] of usage) {
      for (const r of p.parsed.rules) {
        const path = r.path.replace(/^\//, '');
        if (path.startsWith('auth/token/')) continue;
        const needed = used.filter(a => a.capabilities.some(c => patternMatches(path, probePath(a.path, c))));
        if (path.endsWith('*')) {
          const base = path.slice(0, -1).replace(/\/$/, '');
          const mount = mounts.find(m => base === '' || base === m || [`${m}/data`, `${m}/metadata`, `${m}/+`].includes(base) || m.startsWith(base));
          const root = used.some(a => a.path === path || a.path.replace(/\*$/, '').replace(/\/$/, '') === base);
          if (mount !== undefined && !root) {
            const keys = distinctKeys(needed);
            out.push(finding(p.field,
              `policy "${p.name}" grants ${list([...r.capabilities])} on "${r.path}", i.e. the whole mount "${mount}", but the app only uses ${keys} distinct key${keys === 1 ? '' : 's'} under it`,
              'narrow the rule to the folders ESO uses, or derive the policy with VaultPolicy.forStore(...)',
              { target: p.manifest }));
            continue;
          }
        }
        const writes = r.capabilities.filter(c => WRITE.includes(c));
        const writesUsed = needed.some(a => a.capabilities.some(c => WRITE.includes(c)));
        if (writes.length && writesUsed && isGlob(path)) {
          // the app writes literal keys only (derived paths are never globs): a write glob lets the role
          // overwrite every other key below it
          const written = needed.filter(a => a.capabilities.some(c => WRITE.includes(c)));
          const globWrites = written.some(a => isGlob(a.path));
          const keys = [...new Set(written.map(a => a.key))].sort();
          if (!globWrites) {
            out.push(finding(p.field,
              `policy "${p.name}" grants ${writes.join(', ')} on the glob "${r.path}", but the app pushes only ${keys.length} distinct key${keys.length === 1 ? '' : 's'} below it (${keys.slice(0, 5).map(k => JSON.stringify(k)).join(', ')}${keys.length > 5 ? ', …' : ''}); every other key below it can be overwritten with this role`,
              'grant the write capabilities on the exact key paths (keep read/list on the glob if you need it), or derive the policy with VaultPolicy.forStore(...)',
              { target: p.manifest }));
          }
        }
        if (writes.length && !writesUsed) {
          out.push(finding(p.field,
            `policy "${p.name}" grants ${writes.join(', ')} on "${r.path}", but nothing in the app writes there (no PushSecret or write-method VaultDynamicSecret through its roles)`,
            `drop ${writes.join(', ')} from the rule, or derive the policy with VaultPolicy.forStore(...)`,
            { target: p.manifest }));
        }
        if (r.capabilities.includes('sudo')) {
          out.push(finding(p.field, `policy "${p.name}" grants sudo on "${r.path}"; ESO never needs sudo`, 'remove "sudo"', { target: p.manifest }));
        }
      }
    }
    return out;
  },
};
