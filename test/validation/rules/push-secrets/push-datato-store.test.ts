import { css, ps, ref, run } from './helpers';
import { pushDataToStoreRule as rule } from '../../../../src/validation/rules/push-secrets/push-datato-store';

describe('ESO-PUSH-DATATO-STORE', () => {
  test('named storeRef that is not in secretStoreRefs (kind defaults to SecretStore)', () => {
    const d = run(rule, css('vault'), ps('p', { secretStoreRefs: [ref('vault')], dataTo: [{ storeRef: { name: 'vault' } }, { storeRef: ref('other') }] }));
    expect(d.map(x => x.field)).toEqual(['spec.dataTo[0].storeRef', 'spec.dataTo[1].storeRef']);
    expect(d[0].message).toContain('the kind defaults to SecretStore');
    expect(d[0].fix).toBe('set storeRef.kind: ClusterSecretStore');
  });

  test('label selector that matches none of the stores', () => {
    const d = run(rule, css('vault', { labels: { region: 'eu' } }), ps('p', { secretStoreRefs: [ref('vault')], dataTo: [{ storeRef: { kind: 'ClusterSecretStore', labelSelector: { matchLabels: { region: 'us' } } } }] }));
    expect(d[0]).toMatchObject({ ruleId: 'ESO-PUSH-DATATO-STORE', field: 'spec.dataTo[0].storeRef.labelSelector' });
  });

  test('regexps that Go cannot compile', () => {
    const d = run(rule, css('vault'), ps('p', { secretStoreRefs: [ref('vault')], dataTo: [{ storeRef: ref('vault'), match: { regexp: '^(?!tmp)' }, rewrite: [{ regexp: { source: '(a)\\1', target: 'b' } }] }] }));
    expect(d.map(x => x.field)).toEqual(['spec.dataTo[0].match.regexp', 'spec.dataTo[0].rewrite[0].regexp.source']);
  });

  test('valid entries are clean', () => {
    expect(run(rule, css('vault', { labels: { region: 'eu' } }), ps('p', {
      secretStoreRefs: [ref('vault')],
      dataTo: [
        { storeRef: ref('vault'), match: { regexp: '^db-.*$' }, rewrite: [{ regexp: { source: '^db-', target: 'app/' } }] },
        { storeRef: { kind: 'ClusterSecretStore', labelSelector: { matchLabels: { region: 'eu' } } } },
      ],
    }))).toEqual([]);
  });
});
