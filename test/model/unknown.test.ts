import { containsUnknown, countUnknown, isUnknownString, valueAt } from '../../src/model/unknown';

describe('unknown values (only the cluster knows them)', () => {
  test('Flux variables, SOPS ciphertext and the reader SOPS marker are unknown; look-alikes are not', () => {
    expect(isUnknownString('\u00abflux:APP\u00bb-env')).toBe(true);
    expect(isUnknownString('ENC[AES256_GCM,data:AAAA,iv:BBBB,tag:CCCC,type:str]')).toBe(true);
    expect(isUnknownString('\u00absops\u00bb')).toBe(true);
    expect(isUnknownString('${APP}')).toBe(false); // literal when Flux does not substitute
    expect(isUnknownString('ENC[not sops')).toBe(false);
    expect(isUnknownString('password')).toBe(false);
  });

  test('valueAt resolves diagnostic field paths, keys with dots included', () => {
    const m = { stringData: { 'tls.crt': 'x', '1password-credentials.json': 'y' }, spec: { data: [{ remoteRef: { key: 'k' } }] }, metadata: { annotations: { 'a.b/c': 'z' } } };
    expect(valueAt(m, 'stringData.tls.crt')).toBe('x');
    expect(valueAt(m, 'stringData.1password-credentials.json')).toBe('y');
    expect(valueAt(m, 'spec.data[0].remoteRef.key')).toBe('k');
    expect(valueAt(m, 'metadata.annotations.a.b/c')).toBe('z');
    expect(valueAt(m, 'spec.nothing.here')).toBeUndefined();
    expect(valueAt(m, '')).toBe(m);
  });

  test('containsUnknown and countUnknown look inside objects and lists', () => {
    const m = { a: ['ENC[AES256_GCM,data:x,type:str]', { b: '\u00abflux:X\u00bb' }], c: 'plain' };
    expect(containsUnknown(m)).toBe(true);
    expect(countUnknown(m)).toBe(2);
    expect(containsUnknown({ c: 'plain' })).toBe(false);
  });
});
