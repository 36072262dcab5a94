import { labelSelectorMatches } from '../../../model/label-selector';
import { list, presentedIdentities } from '../../../model/vault/identities';
import { globListContains, rolesForStore, vaultModel } from '../../../model/vault/objects';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * P13: the role a store logs in with must bind the service account and namespace the store presents
 * (`serviceAccountRef` in the store's namespace for a SecretStore, in `serviceAccountRef.namespace` for a
 * ClusterSecretStore, or in each consumer's namespace for referent auth). Wildcards are warned about.
 */
export const vaultRoleBindingRule: Rule = {
  id: 'ESO-VAULT-ROLE-BINDING',
  severity: Severity.ERROR,
  description: 'the Kubernetes auth role binds the service account and namespace the store presents',
  example: 'store serviceAccountRef external-secrets/eso, role targetServiceAccounts: [default]',
  pitfalls: ['P13'],
  checkApp(ctx) {
    const model = vaultModel(ctx.index);
    const out: Finding[] = [];
    const warned = new Set<unknown>();
    for (const store of model.stores) {
      if (!store.login) continue;
      const roles = rolesForStore(model, store);
      if (!roles.length) continue;
      const { identities } = presentedIdentities(ctx.index, store);
      const field = `${store.field}.auth.kubernetes.serviceAccountRef`;
      for (const role of roles) {
        for (const id of identities) {
          const nameOk = globListContains(role.saNames, id.name);
          let nsOk = globListContains(role.namespaces, id.namespace);
          if (!nsOk && role.namespaceSelector) {
            const ns = ctx.index.get('', 'Namespace', undefined, id.namespace);
            if (!ns) nsOk = true; // selector on a namespace not in the app: cannot judge
            else nsOk = labelSelectorMatches(role.namespaceSelector, ns.metadata?.labels);
          }
          if (nameOk && nsOk) continue;
          const binds = `binds names ${list(role.saNames)} in namespaces ${list(role.namespaces)}${role.namespaceSelector ? ' (+ a namespace selector)' : ''}`;
          const how = id.referent ? ` (referent auth: the service account of the consumer namespace "${id.namespace}")` : '';
          out.push(finding(field,
            `store "${store.name}" logs in as service account "${id.namespace}/${id.name}"${how}, but Vault role "${role.name}" ${binds}: login fails with 403 (${nameOk ? 'namespace' : 'service account name'} not authorized)`,
            'bind the same service account object in the role (VaultKubernetesAuthRole serviceAccounts, or VaultStoreAccess which reads it from the store), or change serviceAccountRef',
            { target: store.manifest }));
        }
        if (!warned.has(role) && (role.saNames.includes('*') || role.namespaces.includes('*'))) {
          warned.add(role);
          out.push(finding(role.saNames.includes('*') ? role.fields.saNames : role.fields.namespaces,
            `role "${role.name}" (used by store "${store.name}") binds ${role.saNames.includes('*') ? 'any service account name' : 'every namespace'} ("*"): any pod that can mount such a token gets ESO's Vault access`,
            'bind the exact service account and namespace the store presents',
            { target: role.manifest, severity: Severity.WARNING }));
        }
      }
    }
    return out;
  },
};
