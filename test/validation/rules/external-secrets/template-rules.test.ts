import { es, run } from './helpers';
import { esMergePolicyRule } from '../../../../src/validation/rules/external-secrets/es-merge-policy';
import { esTemplateEngineRule } from '../../../../src/validation/rules/external-secrets/es-template-engine';
import { esTypedSecretRule, placeholderJsonError } from '../../../../src/validation/rules/external-secrets/es-typed-secret';

const tlsData = [
  { secretKey: 'CRT', remoteRef: { key: 'tls/wildcard/CRT', property: 'value' } },
  { secretKey: 'KEY', remoteRef: { key: 'tls/wildcard/KEY', property: 'value' } },
];

describe('ESO-ES-TEMPLATE-ENGINE (P31)', () => {
  test('engineVersion v1 is refused', () => {
    const d = run(esTemplateEngineRule, es({ target: { template: { engineVersion: 'v1', data: { a: '{{ .password }}' } } } }));
    expect(d[0]).toMatchObject({ ruleId: 'ESO-ES-TEMPLATE-ENGINE', field: 'spec.target.template.engineVersion', severity: 'error' });
    expect(d[0].message).toContain('engineVersion "v1" no longer exists');
  });
  test('v1 function names are refused with their v2 replacement', () => {
    const d = run(esTemplateEngineRule, es({ target: { template: { data: { a: '{{ .password | base64decode }}', b: '{{ "toJSON" }} {{ .x | toJSON }}' } } } }));
    expect(d.map(x => x.message)).toEqual(['template uses "base64decode", removed in template engine v2', 'template uses "toJSON", removed in template engine v2']);
    expect(d[0].fix).toBe('use b64dec');
    expect(d[0].field).toBe('spec.target.template.data["a"]');
  });
  test('unbalanced delimiters are refused', () => {
    const d = run(esTemplateEngineRule, es({ target: { template: { templateFrom: [{ literal: 'key: {{ .password ' }] } } }));
    expect(d[0].field).toBe('spec.target.template.templateFrom[0].literal');
    expect(d[0].message).toContain('never closed');
  });
  test('v2 templates pass', () => {
    expect(run(esTemplateEngineRule, es({ target: { template: { engineVersion: 'v2', data: { a: '{{ .password | b64dec }}', b: 'x {{ index . "tls.crt" | toJson }}' } } } }))).toEqual([]);
  });
});

describe('ESO-ES-TYPED-SECRET (P34)', () => {
  test('a kubernetes.io/tls template without tls.key is an error', () => {
    const d = run(esTypedSecretRule, es({ data: tlsData, target: { template: { type: 'kubernetes.io/tls', data: { 'tls.crt': '{{ .CRT }}', 'key': '{{ .KEY }}' } } } }));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-ES-TYPED-SECRET', field: 'spec.target.template', severity: 'error' });
    expect(d[0].message).toContain('requires keys tls.crt and tls.key');
    expect(d[0].message).toContain('missing tls.key');
  });
  test('without template data, the fetched keys must be the typed keys', () => {
    const d = run(esTypedSecretRule, es({ data: tlsData, target: { template: { type: 'kubernetes.io/tls' } } }));
    expect(d[0].message).toContain('produces [CRT, KEY]');
  });
  test('dockerconfigjson needs .dockerconfigjson', () => {
    const d = run(esTypedSecretRule, es({ target: { template: { type: 'kubernetes.io/dockerconfigjson', data: { config: '{}' } } } }));
    expect(d[0].message).toContain('.dockerconfigjson');
  });
  test('a .dockerconfigjson that does not render to JSON warns', () => {
    const d = run(esTypedSecretRule, es({ target: { template: { type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': '{"auths":{"ghcr.io":{"auth":"{{ .a }}"}}' } } } }));
    expect(d[0]).toMatchObject({ severity: 'warning' });
    expect(d[0].message).toContain('does not render to JSON');
  });
  test('complete typed secrets pass; unknown keys (dataFrom) are not guessed', () => {
    expect(run(esTypedSecretRule, es({ data: tlsData, target: { template: { type: 'kubernetes.io/tls', data: { 'tls.crt': '{{ .CRT }}', 'tls.key': '{{ .KEY }}' } } } }))).toEqual([]);
    expect(run(esTypedSecretRule, es({ data: undefined, dataFrom: [{ extract: { key: 'tls' } }], target: { template: { type: 'kubernetes.io/tls' } } }))).toEqual([]);
    expect(run(esTypedSecretRule, es({
      target: { template: { type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': '{"auths":{"ghcr.io":{"username":{{ .u | toJson }},"auth":"{{ printf "%s:%s" .u .p | b64enc }}"}}}' } } },
    }))).toEqual([]);
  });
  test('placeholder rendering knows string context', () => {
    expect(placeholderJsonError('{"a":"{{ .x }}","b":{{ .y | toJson }}}')).toBeUndefined();
    expect(placeholderJsonError('{"a":{{ .x }}')).toBeDefined();
    expect(placeholderJsonError('{{ range . }}x{{ end }}')).toBeUndefined();
  });
});

describe('ESO-ES-MERGE-POLICY (P32)', () => {
  const data = [
    { secretKey: 'AWS_ACCESS_KEY_ID', remoteRef: { key: 'k', property: 'value' } },
    { secretKey: 'AWS_SECRET_ACCESS_KEY', remoteRef: { key: 's', property: 'value' } },
  ];
  test('fetched keys the template ignores warn (Replace is the default)', () => {
    const d = run(esMergePolicyRule, es({ data, target: { template: { data: { 's3.conf': 'repo1-s3-key={{ .AWS_ACCESS_KEY_ID }}\n' } } } }));
    expect(d[0]).toMatchObject({ ruleId: 'ESO-ES-MERGE-POLICY', severity: 'warning', field: 'spec.target.template' });
    expect(d[0].message).toContain('keys [AWS_SECRET_ACCESS_KEY] are fetched but not used by the template');
  });
  test('a templateFrom that only sets labels still drops the fetched keys', () => {
    const d = run(esMergePolicyRule, es({ data, target: { template: { templateFrom: [{ target: 'Labels', literal: 'team: a' }] } } }));
    expect(d[0].message).toContain('AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY');
  });
  test('used keys, Merge, whole-context templates and external templates pass', () => {
    const conf = '[global]\nrepo1-s3-key={{ .AWS_ACCESS_KEY_ID }}\nrepo1-s3-key-secret={{ index . "AWS_SECRET_ACCESS_KEY" }}\n';
    expect(run(esMergePolicyRule, es({ data, target: { template: { data: { 's3.conf': conf } } } }))).toEqual([]);
    expect(run(esMergePolicyRule, es({ data, target: { template: { mergePolicy: 'Merge', data: { x: '{{ .AWS_ACCESS_KEY_ID }}' } } } }))).toEqual([]);
    expect(run(esMergePolicyRule, es({ data, target: { template: { data: { all: '{{ . | toJson }}' } } } }))).toEqual([]);
    expect(run(esMergePolicyRule, es({ data, target: { template: { templateFrom: [{ configMap: { name: 'tpl', items: [{ key: 'x' }] } }] } } }))).toEqual([]);
    expect(run(esMergePolicyRule, es({ data, target: { template: { type: 'Opaque' } } }))).toEqual([]);
  });
});
