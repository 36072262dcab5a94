import { vaultModel } from '../../../model/vault/objects';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/** Path segments KV v2 serves right after its mount. */
const KV2_SEGMENTS = new Set(['data', 'metadata', 'delete', 'undelete', 'destroy', 'subkeys', 'config']);

/** P11: a policy path under a KV v2 mount without `data/` / `metadata/` matches nothing ESO calls. */
export const vaultPolicyKv2PathRule: Rule = {
  id: 'ESO-VAULT-POLICY-KV2-PATH',
  severity: Severity.ERROR,
  description: 'policy paths under a KV v2 mount need "data/" or "metadata/" after the mount (the mount and version come from the stores)',
  example: 'path "kv/external-secrets/*" { capabilities = ["read"] }   # kv is KV v2',
  pitfalls: ['P11'],
  checkApp(ctx) {
    const model = vaultModel(ctx.index);
    const versions = new Map<string, Set<string>>();
    for (const s of model.stores) if (s.mount) (versions.get(s.mount) ?? versions.set(s.mount, new Set()).get(s.mount)!).add(s.version);
    // mounts every store agrees is v2, longest first (kv/team-a before kv)
    const v2 = [...versions.entries()].filter(([, v]) => v.size === 1 && v.has('v2')).map(([m]) => m).sort((a, b) => b.length - a.length);
    if (!v2.length) return [];
    const out: Finding[] = [];
    for (const p of model.policies) {
      for (const r of p.parsed.rules) {
        const path = r.path.replace(/^\//, '');
        const mount = v2.find(m => path.startsWith(`${m}/`));
        if (!mount) continue;
        const next = path.slice(mount.length + 1).split('/')[0];
        if (next === '' || KV2_SEGMENTS.has(next) || next.includes('*') || next.includes('+')) continue;
        const rest = path.slice(mount.length + 1);
        out.push(finding(p.field,
          `policy "${p.name}" path "${r.path}" is missing "data/" for KV v2 mount "${mount}": ESO reads ${mount}/data/${rest.replace(/\*$/, '...')}, so this rule matches nothing and reads get 403`,
          `use path "${mount}/data/${rest}" (and "${mount}/metadata/${rest}" for metadata, find and PushSecret), or derive the policy with VaultPolicy.forStore(...)`,
          { target: p.manifest }));
      }
    }
    return out;
  },
};
