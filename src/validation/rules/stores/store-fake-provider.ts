import { ALLOW_PLAINTEXT_IN_GIT_ANNOTATION } from '../../../model/api';
import { ESO_GROUPS, STORE_KINDS, isObject } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/** The fake provider keeps its values in the manifest, i.e. in Git: refused unless explicitly opted in. */
export const storeFakeProviderRule: Rule = {
  id: 'ESO-STORE-FAKE-PROVIDER',
  severity: Severity.ERROR,
  description: `the fake provider puts secret values in Git in plain text: refused unless the store is annotated ${ALLOW_PLAINTEXT_IN_GIT_ANNOTATION}: "true"`,
  example: 'spec.provider.fake.data: [{ key: github-pat, value: ... }]',
  kinds: STORE_KINDS,
  groups: ESO_GROUPS,
  checkObject(m) {
    if (!isObject(m.spec?.provider) || m.spec.provider.fake === undefined) return [];
    if (m.metadata?.annotations?.[ALLOW_PLAINTEXT_IN_GIT_ANNOTATION] === 'true') return [];
    return [finding('spec.provider.fake', 'the fake provider stores its values in the manifest, so they are committed to Git in plain text',
      `use it for development only and opt in explicitly: SecretStoreProvider.fake({ ..., allowPlaintextInGit: true }) or the annotation ${ALLOW_PLAINTEXT_IN_GIT_ANNOTATION}: "true"`)];
  },
};
