import { ces, es, run } from './helpers';
import { esDataRequiredRule } from '../../../../src/validation/rules/external-secrets/es-data-required';
import { esDataFromSourceRule } from '../../../../src/validation/rules/external-secrets/es-datafrom-source';
import { esDeletionPolicyRule } from '../../../../src/validation/rules/external-secrets/es-deletion-policy';
import { esDuplicateKeyRule } from '../../../../src/validation/rules/external-secrets/es-duplicate-key';
import { esSourceRefRule } from '../../../../src/validation/rules/external-secrets/es-source-ref';
import { esTemplateFromTargetRule } from '../../../../src/validation/rules/external-secrets/es-template-from-target';
import { esTemplateTypeRule } from '../../../../src/validation/rules/external-secrets/es-template-type';

describe('ESO-ES-DELETION-POLICY (ES-1, ES-2)', () => {
  test.each(['Merge', 'None', 'CreateOrMerge'])('deletionPolicy Delete with creationPolicy %s is an error', (c) => {
    const d = run(esDeletionPolicyRule, es({ target: { name: 'app', creationPolicy: c, deletionPolicy: 'Delete' } }));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'ESO-ES-DELETION-POLICY', field: 'spec.target.deletionPolicy', severity: 'error' });
    expect(d[0].message).toContain(`deletionPolicy Delete with creationPolicy ${c}`);
  });
  test('deletionPolicy Merge with creationPolicy None is an error', () => {
    const d = run(esDeletionPolicyRule, es({ target: { creationPolicy: 'None', deletionPolicy: 'Merge' } }));
    expect(d[0].message).toContain('deletionPolicy Merge with creationPolicy None');
  });
  test('also checks the spec a ClusterExternalSecret stamps out', () => {
    const d = run(esDeletionPolicyRule, ces({ target: { creationPolicy: 'Merge', deletionPolicy: 'Delete' } }, ['a']));
    expect(d[0].field).toBe('spec.externalSecretSpec.target.deletionPolicy');
  });
  test.each([['Owner', 'Delete'], ['Orphan', 'Delete'], ['Merge', 'Merge'], [undefined, undefined], ['None', 'Retain']])('%s + %s passes', (c, d) => {
    expect(run(esDeletionPolicyRule, es({ target: { name: 'app', creationPolicy: c, deletionPolicy: d } }))).toEqual([]);
  });
});

describe('ESO-ES-DATA-REQUIRED (ES-3)', () => {
  test('no data and no dataFrom is an error', () => {
    const d = run(esDataRequiredRule, es({ data: undefined }));
    expect(d[0]).toMatchObject({ ruleId: 'ESO-ES-DATA-REQUIRED', field: 'spec', severity: 'error' });
    expect(d[0].message).toContain('neither data nor dataFrom');
    expect(run(esDataRequiredRule, es({ data: [], dataFrom: [] }))).toHaveLength(1);
  });
  test('data or dataFrom passes', () => {
    expect(run(esDataRequiredRule, es())).toEqual([]);
    expect(run(esDataRequiredRule, es({ data: undefined, dataFrom: [{ extract: { key: 'app' } }] }))).toEqual([]);
  });
});

describe('ESO-ES-DUPLICATE-KEY (ES-10)', () => {
  test('the same secretKey twice is an error, whatever the deletionPolicy', () => {
    const data = [
      { secretKey: 'password', remoteRef: { key: 'a', property: 'p' } },
      { secretKey: 'user', remoteRef: { key: 'a', property: 'u' } },
      { secretKey: 'password', remoteRef: { key: 'b', property: 'p' } },
    ];
    for (const deletionPolicy of ['Retain', 'Delete']) {
      const d = run(esDuplicateKeyRule, es({ data, target: { creationPolicy: 'Owner', deletionPolicy } }));
      expect(d).toHaveLength(1);
      expect(d[0]).toMatchObject({ ruleId: 'ESO-ES-DUPLICATE-KEY', field: 'spec.data[2].secretKey' });
      expect(d[0].message).toContain('secretKey "password" is produced twice');
      expect(d[0].message).toContain('(data[0], data[2])');
    }
  });
  test('unique keys pass', () => {
    expect(run(esDuplicateKeyRule, es())).toEqual([]);
  });
});

describe('ESO-ES-DATAFROM-SOURCE (ES-7, ES-8)', () => {
  test('extract and find in one entry is an error', () => {
    const d = run(esDataFromSourceRule, es({ dataFrom: [{ extract: { key: 'a' }, find: { path: 'b' } }] }));
    expect(d[0]).toMatchObject({ field: 'spec.dataFrom[0]', severity: 'error' });
    expect(d[0].message).toContain('sets extract and find');
  });
  test('find and a generator in one entry is an error', () => {
    const d = run(esDataFromSourceRule, es({ dataFrom: [{ find: { path: 'b' }, sourceRef: { generatorRef: { kind: 'Password', name: 'pw' } } }] }));
    expect(d[0].message).toContain('find and sourceRef.generatorRef');
  });
  test('an empty entry is an error', () => {
    const d = run(esDataFromSourceRule, es({ dataFrom: [{}] }));
    expect(d[0].message).toContain('sets none of extract, find or sourceRef');
  });
  test('a store-only sourceRef produces nothing: warning', () => {
    const d = run(esDataFromSourceRule, es({ dataFrom: [{ sourceRef: { storeRef: { name: 'vault', kind: 'ClusterSecretStore' } } }] }));
    expect(d[0]).toMatchObject({ severity: 'warning' });
    expect(d[0].message).toContain('produces no keys');
  });
  test('one source per entry passes', () => {
    expect(run(esDataFromSourceRule, es({
      dataFrom: [
        { extract: { key: 'a' } },
        { find: { path: 'b', name: { regexp: '.*' } }, sourceRef: { storeRef: { name: 'other', kind: 'ClusterSecretStore' } } },
        { sourceRef: { generatorRef: { apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'Password', name: 'pw' } } },
      ],
    }))).toEqual([]);
  });
});

describe('ESO-ES-SOURCE-REF (ES-9)', () => {
  test('an empty sourceRef is an error', () => {
    const d = run(esSourceRefRule, es({ dataFrom: [{ extract: { key: 'a' }, sourceRef: {} }] }));
    expect(d[0]).toMatchObject({ field: 'spec.dataFrom[0].sourceRef', severity: 'error' });
    expect(d[0].message).toContain('names neither a store nor a generator');
  });
  test('a generator in data[] is not implemented by ESO', () => {
    const d = run(esSourceRefRule, es({ data: [{ secretKey: 'p', remoteRef: { key: 'x' }, sourceRef: { generatorRef: { kind: 'Password', name: 'pw' } } }] }));
    expect(d[0].field).toBe('spec.data[0].sourceRef.generatorRef');
    expect(d[0].message).toContain('not implemented');
  });
  test('a store or a generator passes', () => {
    expect(run(esSourceRefRule, es({
      dataFrom: [
        { extract: { key: 'a' }, sourceRef: { storeRef: { name: 'v', kind: 'SecretStore' } } },
        { sourceRef: { generatorRef: { apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'UUID', name: 'id' } } },
      ],
    }))).toEqual([]);
  });
});

describe('ESO-ES-TEMPLATE-TYPE (ES-4, ES-5)', () => {
  test('bootstrap tokens are refused', () => {
    const d = run(esTemplateTypeRule, es({ target: { template: { type: 'bootstrap.kubernetes.io/token' } } }));
    expect(d[0]).toMatchObject({ field: 'spec.target.template.type', severity: 'error' });
    expect(d[0].message).toContain('bootstrap.kubernetes.io/token');
  });
  test('service-account tokens may not name the service account', () => {
    const d = run(esTemplateTypeRule, es({
      target: {
        template: {
          type: 'kubernetes.io/service-account-token',
          metadata: { annotations: { 'kubernetes.io/service-account.name': 'admin' } },
          templateFrom: [{ target: 'annotations', literal: 'a: b' }],
        },
      },
    }));
    expect(d.map(x => x.field)).toEqual(['spec.target.template.metadata.annotations', 'spec.target.template.templateFrom[0].target']);
  });
  test('other types, and service-account tokens without the annotation, pass', () => {
    expect(run(esTemplateTypeRule, es({ target: { template: { type: 'kubernetes.io/service-account-token', templateFrom: [{ target: 'Data', literal: 'a: b' }] } } }))).toEqual([]);
    expect(run(esTemplateTypeRule, es({ target: { template: { type: 'Opaque' } } }))).toEqual([]);
  });
});

describe('ESO-ES-TEMPLATE-FROM-TARGET (ES-6)', () => {
  test('a nested path is refused for Secret targets', () => {
    const d = run(esTemplateFromTargetRule, es({ target: { template: { templateFrom: [{ target: 'spec.data', literal: 'x' }] } } }));
    expect(d[0]).toMatchObject({ field: 'spec.target.template.templateFrom[0].target', severity: 'error' });
    expect(d[0].message).toContain('templateFrom target "spec.data" is not allowed when targeting a Secret');
  });
  test('Data/Annotations/Labels (any case) pass, and generic targets may use paths', () => {
    expect(run(esTemplateFromTargetRule, es({ target: { template: { templateFrom: [{ target: 'data', literal: 'x' }, { target: 'Labels', literal: 'y' }, { literal: 'z' }] } } }))).toEqual([]);
    expect(run(esTemplateFromTargetRule, es({ target: { manifest: { apiVersion: 'v1', kind: 'ConfigMap' }, template: { templateFrom: [{ target: 'spec.data', literal: 'x' }] } } }))).toEqual([]);
  });
});
