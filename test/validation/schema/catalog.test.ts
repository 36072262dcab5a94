import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { isKnownGroup, lookupKind, partValidatorFor, validatorFor, versionsOf } from '../../../src/validation/schema/catalog';

const root = path.join(__dirname, '..', '..', '..');
const catalog = JSON.parse(fs.readFileSync(path.join(root, 'generated', 'schemas', 'catalog.json'), 'utf8'));
const shared = path.join(root, '..', 'shared');

describe('generated schema catalog', () => {
  test('served versions have a validator; v1beta1 is known but unserved', () => {
    expect(lookupKind('external-secrets.io', 'v1', 'ExternalSecret')).toMatchObject({ served: true, scope: 'Namespaced' });
    expect(lookupKind('external-secrets.io', 'v1beta1', 'ExternalSecret')).toMatchObject({ served: false, deprecated: true });
    expect(lookupKind('external-secrets.io', 'v1alpha1', 'PushSecret')?.served).toBe(true);
    expect(versionsOf('generators.external-secrets.io', 'Password').map(e => e.version)).toEqual(['v1alpha1']);
    expect(isKnownGroup('redhatcop.redhat.io')).toBe(true);
    expect(isKnownGroup('example.com')).toBe(false);
    for (const e of Object.values<any>(catalog.kinds)) {
      if (e.served) expect(fs.existsSync(path.join(root, 'generated', 'schemas', e.validator))).toBe(true);
    }
  });

  test('store providers are split into lazily loaded validators', () => {
    const css = lookupKind('external-secrets.io', 'v1', 'ClusterSecretStore')!;
    expect(css.parts?.pointer).toBe('/spec/provider');
    expect(Object.keys(css.parts!.validators)).toEqual(expect.arrayContaining(['vault', 'openBao', 'fake', 'aws']));
    expect(validatorFor(css)!({ apiVersion: 'external-secrets.io/v1', kind: 'ClusterSecretStore', metadata: { name: 'x' }, spec: { provider: { vault: {} } } })).toBe(true);
    const vault = partValidatorFor(css, 'vault')!;
    expect(vault({})).toBe(false);
    expect(vault.errors![0].params.missingProperty).toBe('server');
  });

  // The pinned CRDs are data in ../shared; the validators are generated from them (npx projen gen:schemas)
  // and must never drift or be edited by hand.
  (fs.existsSync(path.join(shared, 'eso', 'bundle.yaml')) ? test : test.skip)('generated/ matches the pinned CRDs in ../shared', () => {
    for (const [file, sha] of Object.entries<string>(catalog.sources)) {
      expect([file, createHash('sha256').update(fs.readFileSync(path.join(shared, file))).digest('hex')]).toEqual([file, sha]);
    }
  });
});
