import { ces, es, run } from './helpers';
import { esRewriteKeyRule } from '../../../../src/validation/rules/external-secrets/es-rewrite-key';

const withRewrite = (rewrite: any[]) => ({ data: undefined, dataFrom: [{ extract: { key: 'app/config' }, rewrite }] });

describe('ESO-ES-REWRITE-KEY (P28)', () => {
  test('a regexp target that adds "/" to every key is an error naming the field', () => {
    const d = run(esRewriteKeyRule, es(withRewrite([{ regexp: { source: '(.*)', target: 'app/$1' } }])));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-ES-REWRITE-KEY', field: 'spec.dataFrom[0].rewrite[0].regexp.target', severity: 'error' });
    expect(d[0].message).toContain('"/"');
    expect(d[0].fix).toContain('app_$1');
  });

  test('a transform template with a space outside {{ }} is an error; in a ClusterExternalSecret too', () => {
    const d = run(esRewriteKeyRule, ces(withRewrite([{ transform: { template: 'app {{ .value | lower }}' } }]), ['a']));
    expect(d[0]).toMatchObject({ field: 'spec.externalSecretSpec.dataFrom[0].rewrite[0].transform.template' });
    expect(d[0].message).toContain('" "');
  });

  test('references and template expressions are not literal characters', () => {
    expect(run(esRewriteKeyRule, es(withRewrite([
      { regexp: { source: '^db/(?P<field>.*)$', target: 'DB_${field}' } },
      { regexp: { source: '(.*)-(.*)', target: '$1.$2' } },
      { transform: { template: '{{ .value | upper | replace "/" "_" }}' } },
    ])))).toEqual([]);
    expect(run(esRewriteKeyRule, es())).toEqual([]);
  });
});
