import { ESO_GROUPS, STORE_KINDS, vaultBlocks } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/** CEL of the openBao provider: at most one of caBundle / caProvider. */
export const openBaoCaOneRule: Rule = {
  id: 'ESO-OPENBAO-CA-ONE',
  severity: Severity.ERROR,
  description: 'openBao provider may set at most one of caBundle and caProvider (CRD CEL rule)',
  example: 'provider.openBao: { caBundle: LS0t..., caProvider: {...} }',
  pitfalls: ['P21'],
  kinds: STORE_KINDS,
  groups: ESO_GROUPS,
  checkObject(m) {
    return vaultBlocks(m, ['openBao']).flatMap(b => {
      if (b.spec.caBundle === undefined || b.spec.caProvider === undefined) return [];
      return [finding(`${b.field}.caProvider`, 'both caBundle and caProvider are set: the API server rejects it (at most one may be set)',
        'keep only one of caBundle / caProvider')];
    });
  },
};
