import { ps, ref, run } from './helpers';
import { pushDataToCelRule as rule } from '../../../../src/validation/rules/push-secrets/push-datato-cel';

describe('ESO-PUSH-DATATO-CEL', () => {
  test('storeRef without name or labelSelector', () => {
    const d = run(rule, ps('p', { secretStoreRefs: [ref('vault')], dataTo: [{ storeRef: { kind: 'ClusterSecretStore' } }, {}] }));
    expect(d.map(x => x.field)).toEqual(['spec.dataTo[0].storeRef', 'spec.dataTo[1].storeRef']);
    expect(d[0].message).toContain('storeRef must specify either name or labelSelector');
  });

  test('remoteKey with rewrite', () => {
    const d = run(rule, ps('p', { secretStoreRefs: [ref('vault')], dataTo: [{ storeRef: ref('vault'), remoteKey: 'app/all', rewrite: [{ regexp: { source: '^', target: 'x/' } }] }] }));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-PUSH-DATATO-CEL', field: 'spec.dataTo[0].rewrite' });
  });

  test('rewrite with both or neither of regexp/transform', () => {
    const d = run(rule, ps('p', { secretStoreRefs: [ref('vault')], dataTo: [{ storeRef: ref('vault'), rewrite: [{ regexp: { source: 'a', target: 'b' }, transform: { template: 'x' } }, {}] }] }));
    expect(d.map(x => x.field)).toEqual(['spec.dataTo[0].rewrite[0]', 'spec.dataTo[0].rewrite[1]']);
    expect(d[0].message).toContain('both');
  });

  test('valid dataTo entries, also in a ClusterPushSecret', () => {
    expect(run(rule, ps('p', {
      secretStoreRefs: [ref('vault')],
      dataTo: [
        { storeRef: ref('vault'), match: { regexp: '^db-' }, rewrite: [{ regexp: { source: '^db-', target: 'app/' } }, { transform: { template: '{{ .value }}' } }] },
        { storeRef: { kind: 'ClusterSecretStore', labelSelector: { matchLabels: { a: 'b' } } }, remoteKey: 'app/all', rewrite: [] },
      ],
    }))).toEqual([]);
    const cps = { apiVersion: 'external-secrets.io/v1alpha1', kind: 'ClusterPushSecret', metadata: { name: 'c' }, spec: { pushSecretSpec: { secretStoreRefs: [ref('vault')], selector: { secret: { name: 's' } }, dataTo: [{}] } } };
    expect(run(rule, cps)[0].field).toBe('spec.pushSecretSpec.dataTo[0].storeRef');
  });
});
