import { Manifest } from '../../../model/manifest';
import { roleInfo } from '../../../model/vault/objects';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/** Vault's role name pattern (`\w(([\w-.]+)?\w)?`), lower case: Vault stores role names lower-cased. */
const NAME = /^[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?$/;

/** Reads the token fields of either target in one shape (seconds). */
function tokenFields(m: Manifest, target: 'operator' | 'crossplane') {
  const s = target === 'operator' ? (m.spec ?? {}) : (m.spec?.forProvider ?? {});
  const p = target === 'operator' ? 'spec' : 'spec.forProvider';
  const k = target === 'operator'
    ? { ttl: 'tokenTTL', max: 'tokenMaxTTL', period: 'tokenPeriod', uses: 'tokenNumUses', type: 'tokenType', alias: 'aliasNameSource', name: 'name' }
    : { ttl: 'tokenTtl', max: 'tokenMaxTtl', period: 'tokenPeriod', uses: 'tokenNumUses', type: 'tokenType', alias: 'aliasNameSource', name: 'roleName' };
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  return {
    ttl: num(s[k.ttl]),
    max: num(s[k.max]),
    period: num(s[k.period]),
    uses: num(s[k.uses]),
    type: s[k.type] as string | undefined,
    alias: s[k.alias] as string | undefined,
    f: (key: keyof typeof k) => `${p}.${k[key]}`,
  };
}

/**
 * Field rules of a Kubernetes auth role that the CRDs do not enforce but Vault does
 * (vault-auth.md §1.1): token type, TTL order, batch restrictions, service-account name globs,
 * namespace list or selector, selector shape, lower-case name.
 */
export const vaultRoleFieldsRule: Rule = {
  id: 'ESO-VAULT-ROLE-FIELDS',
  severity: Severity.ERROR,
  description: 'Kubernetes auth role fields Vault rejects: token type, ttl > max_ttl, batch with period/num_uses, "*" mixed with names, selector shape',
  example: 'tokenType: default-service',
  kinds: ['KubernetesAuthEngineRole', 'AuthBackendRole'],
  groups: ['redhatcop.redhat.io', 'kubernetes.vault.m.upbound.io', 'kubernetes.vault.upbound.io'],
  checkObject(m) {
    const role = roleInfo(m);
    if (!role) return [];
    const out: Finding[] = [];
    const t = tokenFields(m, role.target);
    const rn = `role "${role.name}"`;
    if (t.type && !['service', 'batch', 'default', ''].includes(t.type)) {
      out.push(finding(t.f('type'), `${rn} has token type "${t.type}": Kubernetes auth roles accept only service, batch or default (default-service/default-batch are token-store-only)`, 'use VaultTokenType.SERVICE, BATCH or DEFAULT'));
    }
    if (t.ttl > 0 && t.max > 0 && t.ttl > t.max) {
      out.push(finding(t.f('ttl'), `${rn} has token_ttl ${t.ttl}s greater than token_max_ttl ${t.max}s; Vault rejects the role`, 'make tokenTtl <= tokenMaxTtl'));
    }
    if (t.type === 'batch' && t.period > 0) {
      out.push(finding(t.f('period'), `${rn} issues batch tokens with token_period ${t.period}s; batch tokens cannot be periodic`, 'drop tokenPeriod or use service tokens'));
    }
    if (t.type === 'batch' && t.uses > 0) {
      out.push(finding(t.f('uses'), `${rn} issues batch tokens with token_num_uses ${t.uses}; batch tokens cannot be limited by uses`, 'drop tokenNumUses or use service tokens'));
    }
    if (t.alias && !['serviceaccount_uid', 'serviceaccount_name'].includes(t.alias)) {
      out.push(finding(t.f('alias'), `${rn} has alias_name_source "${t.alias}"; only serviceaccount_uid or serviceaccount_name exist`, 'use VaultAliasNameSource.SERVICEACCOUNT_UID or SERVICEACCOUNT_NAME'));
    }
    if (role.saNames.length === 0) {
      out.push(finding(role.fields.saNames, `${rn} binds no service account name; Vault requires bound_service_account_names`, 'bind the service account the store presents'));
    }
    for (const [list, field, what] of [[role.saNames, role.fields.saNames, 'names'], [role.namespaces, role.fields.namespaces, 'namespaces']] as const) {
      if (list.includes('*') && list.length > 1) {
        out.push(finding(field, `${rn} mixes "*" with other service account ${what} ${JSON.stringify(list)}; Vault rejects it`, `use either "*" alone or explicit ${what}`));
      }
      for (const g of list) {
        if (g.length > 2 && g.slice(1, -1).includes('*')) {
          out.push(finding(field, `${rn}: "${g}" has a "*" in the middle; Vault only honours a leading or trailing "*", so it matches literally`, 'use a leading and/or trailing "*" only', { severity: Severity.WARNING }));
        }
      }
    }
    if (role.namespaces.length === 0 && !role.namespaceSelector) {
      out.push(finding(role.fields.namespaces, `${rn} binds no namespace and no namespace selector; Vault requires one of them`, 'bind the namespace of the service account the store presents'));
    }
    if (role.target === 'crossplane') {
      const raw = m.spec?.forProvider?.boundServiceAccountNamespaceSelector;
      if (typeof raw === 'string' && raw.trim()) {
        let sel: any;
        try {
          sel = JSON.parse(raw);
        } catch {
          sel = undefined;
        }
        if (!sel || typeof sel !== 'object') {
          out.push(finding('spec.forProvider.boundServiceAccountNamespaceSelector', `${rn}: the namespace selector ${JSON.stringify(raw)} is not a JSON LabelSelector object (a "k=v" string is rejected)`, 'write {"matchLabels":{"k":"v"}} (namespaceSelectorLabels does this)'));
        } else if (Array.isArray(sel.matchExpressions) && sel.matchExpressions.length) {
          out.push(finding('spec.forProvider.boundServiceAccountNamespaceSelector', `${rn}: Vault's namespace selector rejects matchExpressions`, 'use matchLabels only'));
        }
      }
      if (role.policies.length === 0) {
        out.push(finding(role.fields.policies, `${rn} attaches no policies: its tokens get only Vault's default policy and can read no secret`, 'attach the store\'s policy (VaultPolicy.forStore)', { severity: Severity.WARNING }));
      }
    }
    const rawName = role.target === 'operator' ? (m.spec?.name ?? m.metadata?.name) : m.spec?.forProvider?.roleName;
    if (typeof rawName === 'string' && !NAME.test(rawName)) {
      out.push(finding(role.target === 'operator' ? (m.spec?.name ? 'spec.name' : 'metadata.name') : 'spec.forProvider.roleName',
        rawName === rawName.toLowerCase()
          ? `role name "${rawName}" is not a Vault role name (letters, digits, "_", "-" and ".", starting and ending with a letter, digit or "_")`
          : `role name "${rawName}" is not lower-case; Vault stores role names lower-cased, so it reads back as "${rawName.toLowerCase()}"`,
        `name the role "${rawName.toLowerCase().replace(/[^a-z0-9_.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '')}" and use the same name in the store`, { severity: Severity.WARNING }));
    }
    return out;
  },
};
