import { ESO_GROUP } from '../../../model/manifest';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

const OPERATOR_GROUP = 'redhatcop.redhat.io';

/**
 * vault-config-operator logs in with a service account of each CR's own namespace, so whoever can
 * create CRs in that namespace acts with the operator's Vault role (vault-auth.md §2.1). Its objects
 * belong in an admin namespace, not where tenants' ExternalSecrets, PushSecrets or SecretStores live.
 */
export const vaultConfigNamespaceRule: Rule = {
  id: 'ESO-VAULT-CONFIG-NAMESPACE',
  severity: Severity.WARNING,
  description: 'vault-config-operator objects live in an admin namespace, not in a tenant namespace with ExternalSecrets',
  example: 'KubernetesAuthEngineRole in namespace "apps" next to ExternalSecrets',
  checkApp(ctx) {
    const tenant = new Map<string, string>();
    for (const kind of ['ExternalSecret', 'PushSecret', 'SecretStore']) {
      for (const m of ctx.index.ofKind(kind, ESO_GROUP)) {
        const ns = m.metadata?.namespace;
        if (ns && !tenant.has(ns)) tenant.set(ns, `${kind} "${m.metadata?.name}"`);
      }
    }
    const out: Finding[] = [];
    for (const item of ctx.index.items) {
      const m = item.manifest;
      if (typeof m.apiVersion !== 'string' || !m.apiVersion.startsWith(`${OPERATOR_GROUP}/`)) continue;
      const ns = m.metadata?.namespace;
      const role = m.spec?.authentication?.role ?? '<unset>';
      if (!ns) {
        out.push(finding('metadata.namespace',
          `vault-config-operator ${m.kind} "${m.metadata?.name}" has no namespace: it lands wherever it is applied, and the operator logs in with a service account of that namespace`,
          'set an admin namespace: VaultConfigOperator.authenticateAs("<role>", { namespace: "vault-admin" })',
          { target: m }));
      } else if (tenant.has(ns)) {
        out.push(finding('metadata.namespace',
          `vault-config-operator ${m.kind} "${m.metadata?.name}" is in namespace "${ns}", where ${tenant.get(ns)} lives: anyone who can create CRs there acts with the operator's Vault role "${role}"`,
          'move the Vault objects to a dedicated admin namespace: VaultConfigOperator.authenticateAs("<role>", { namespace: "vault-admin" })',
          { target: m }));
      }
    }
    return out;
  },
};
