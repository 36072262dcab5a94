import { NEW_CAPABILITIES, patternProblems, unknownCapabilities } from '../../../model/vault/acl';
import { policyInfo } from '../../../model/vault/objects';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/** Vault ACL policy text (vault-config-operator / provider-vault Policy) that Vault would reject. */
export const vaultPolicySyntaxRule: Rule = {
  id: 'ESO-VAULT-POLICY-SYNTAX',
  severity: Severity.ERROR,
  description: 'Vault policy HCL must parse, use known capabilities, "*" only last, "+" only as a whole segment, no "+*"',
  example: 'path "kv/data/*/app" { capabilities = ["read", "write"] }',
  kinds: ['Policy'],
  groups: ['redhatcop.redhat.io', 'vault.vault.m.upbound.io', 'vault.vault.upbound.io'],
  checkObject(m) {
    const p = policyInfo(m);
    if (!p) return [];
    const out: Finding[] = [];
    const name = p.name;
    for (const e of p.parsed.errors) {
      out.push(finding(p.field, `policy "${name}" does not parse: ${e}`, 'write path blocks as path "<pattern>" { capabilities = ["read"] } (or build it with new VaultPolicy(...).addRule())'));
    }
    if (!p.parsed.errors.length && p.parsed.rules.length === 0) {
      out.push(finding(p.field, `policy "${name}" has no path blocks, so it grants nothing`, 'add path blocks, or derive them with VaultPolicy.forStore(...)', { severity: Severity.WARNING }));
    }
    for (const r of p.parsed.rules) {
      for (const problem of patternProblems(r.path)) {
        out.push(finding(p.field, `policy "${name}" path "${r.path}": ${problem}`, 'use "*" only at the end (prefix match) and "+" only as a whole segment, e.g. "kv/data/+/app/*"'));
      }
      const unknown = unknownCapabilities(r.capabilities);
      if (unknown.length) {
        out.push(finding(p.field, `policy "${name}" path "${r.path}": unknown capabilit${unknown.length > 1 ? 'ies' : 'y'} ${unknown.map(c => `"${c}"`).join(', ')}; Vault rejects the policy ("invalid capability")`,
          'use create, read, update, patch, delete, list, sudo or deny'));
      }
      const gated = r.capabilities.filter(c => NEW_CAPABILITIES.includes(c));
      if (gated.length) {
        out.push(finding(p.field, `policy "${name}" path "${r.path}": ${gated.map(c => `"${c}"`).join(', ')} needs Vault >= 1.21; older servers reject the whole policy`,
          'remove it unless every Vault this policy is applied to runs 1.21 or later', { severity: Severity.WARNING }));
      }
    }
    if (p.target === 'operator' && m.spec?.type !== 'acl') {
      out.push(finding('spec.type', `vault-config-operator Policy "${name}" has no type: acl, so it is written to the legacy sys/policy/${name} endpoint`,
        'set spec.type: acl', { severity: Severity.WARNING }));
    }
    return out;
  },
};
