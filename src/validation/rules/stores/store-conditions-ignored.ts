import { ESO_GROUPS } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/** `conditions` are honoured only on ClusterSecretStores: on a SecretStore they silently do nothing. */
export const storeConditionsIgnoredRule: Rule = {
  id: 'ESO-STORE-CONDITIONS-IGNORED',
  severity: Severity.WARNING,
  description: 'conditions on a namespaced SecretStore are ignored by ESO (only ClusterSecretStore honours them)',
  example: 'kind: SecretStore, spec.conditions: [{ namespaces: [a] }]',
  kinds: ['SecretStore'],
  groups: ESO_GROUPS,
  checkObject(m) {
    const c = m.spec?.conditions;
    if (!Array.isArray(c) || c.length === 0) return [];
    return [finding('spec.conditions', 'conditions are set on a SecretStore, where ESO ignores them: the store serves its own namespace only',
      'remove spec.conditions, or make it a ClusterSecretStore if several namespaces must use it')];
  },
};
