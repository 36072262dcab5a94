import { layered, run } from './fixtures';
import { fluxSopsRule } from '../../../../src/validation/rules/flux/flux-sops';

const sopsSecret = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name, namespace: 'example' },
  data: { token: 'ENC[AES256_GCM,data:example-not-a-secret,type:str]' },
  sops: { mac: 'ENC[example-not-a-secret]', version: '3.9.0' },
});

describe('ESO-FLUX-SOPS', () => {
  test('bad: SOPS-encrypted Secret in a layer without decryption', () => {
    const d = run(fluxSopsRule, [...layered(), { manifest: sopsSecret('bootstrap'), file: 'repo/dist/apps/bootstrap.yaml' }]);
    expect(d).toHaveLength(1);
    expect(d[0].field).toBe('sops');
    expect(d[0].message).toContain('configuring decryption is required');
  });

  test('bad: SOPS Secret and ExternalSecret writing the same Secret', () => {
    const items = [...layered({ apps: { decryption: { provider: 'sops', secretRef: { name: 'sops-keys' } } } }), { manifest: sopsSecret('db'), file: 'repo/dist/apps/db-secret.yaml' }];
    const d = run(fluxSopsRule, items);
    expect(d).toHaveLength(1);
    expect(d[0].object).toMatchObject({ kind: 'ExternalSecret', name: 'db' });
    expect(d[0].message).toContain('also committed SOPS-encrypted');
  });

  test('good: decryption configured, distinct names', () => {
    const items = [...layered({ apps: { decryption: { provider: 'sops' } } }), { manifest: sopsSecret('bootstrap'), file: 'repo/dist/apps/bootstrap.yaml' }];
    expect(run(fluxSopsRule, items)).toEqual([]);
  });
});
