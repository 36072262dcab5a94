import { ESO_GROUPS, STORE_KINDS, isObject } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/** SS-3: a store has exactly one provider (webhook: "secret stores must only have exactly one backend specified"). */
export const storeOneProviderRule: Rule = {
  id: 'ESO-STORE-ONE-PROVIDER',
  severity: Severity.ERROR,
  description: 'a SecretStore/ClusterSecretStore must configure exactly one provider under spec.provider',
  example: 'spec.provider: { vault: {...}, fake: {...} }',
  kinds: STORE_KINDS,
  groups: ESO_GROUPS,
  checkObject(m) {
    const provider = m.spec?.provider;
    const keys = isObject(provider) ? Object.keys(provider).filter(k => provider[k] !== undefined && provider[k] !== null) : [];
    if (keys.length === 1) return [];
    if (keys.length === 0) {
      return [finding('spec.provider', 'no provider is configured: ESO rejects the store ("exactly one backend")',
        'set exactly one provider, e.g. spec.provider.vault')];
    }
    return [finding('spec.provider', `${keys.length} providers are configured (${keys.join(', ')}): a store must have exactly one backend`,
      `keep one of ${keys.join(', ')} and move the others to their own stores`)];
  },
};
