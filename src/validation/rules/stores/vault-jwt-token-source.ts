import { ESO_GROUPS, STORE_KINDS, isObject, vaultBlocks } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/** V-4: JWT auth needs `secretRef` or `kubernetesServiceAccountToken`. */
export const vaultJwtTokenSourceRule: Rule = {
  id: 'ESO-VAULT-JWT-TOKEN-SOURCE',
  severity: Severity.ERROR,
  description: 'Vault jwt auth needs secretRef or kubernetesServiceAccountToken as the token source',
  example: 'auth.jwt: { path: jwt, role: eso }',
  pitfalls: ['P18'],
  kinds: STORE_KINDS,
  groups: ESO_GROUPS,
  checkObject(m) {
    return vaultBlocks(m, ['vault']).flatMap(b => {
      const jwt = b.spec.auth?.jwt;
      if (!isObject(jwt) || isObject(jwt.secretRef) || isObject(jwt.kubernetesServiceAccountToken)) return [];
      return [finding(`${b.field}.auth.jwt`, 'jwt auth has neither secretRef nor kubernetesServiceAccountToken: ESO has no JWT to log in with',
        'set auth.jwt.kubernetesServiceAccountToken.serviceAccountRef (VaultAuth.jwt({ serviceAccount })) or auth.jwt.secretRef')];
    });
  },
};
