import { fieldName, itemField } from '../../src/model/field-names';

describe('field names', () => {
  test('are the joined text, and one string for each distinct name', () => {
    expect(itemField('spec', 'data', 0)).toBe('spec.data[0]');
    expect(itemField('spec.externalSecretSpec', 'dataFrom', 70)).toBe('spec.externalSecretSpec.dataFrom[70]');
    expect(fieldName(itemField('spec', 'data', 3), '.remoteRef')).toBe('spec.data[3].remoteRef');
    // the same name is the same string object (what keeps 10 000 ExternalSecrets from holding 10 000 copies)
    const a = fieldName(`${'spec'}.data[1]`, '.remoteRef');
    const b = fieldName(['spec', 'data[1]'].join('.'), '.remoteRef');
    expect(a).toBe(b);
    expect(Object.is(itemField('spec', 'data', 2), itemField('spec', 'data', 2))).toBe(true);
  });
});
