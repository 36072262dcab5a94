import { ESO_GROUPS, STORE_KINDS, vaultBlocks } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decode(s: string): string | undefined {
  const compact = s.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) return undefined;
  return Buffer.from(compact, 'base64').toString('utf8');
}

/** P21: `caBundle` is `format: byte`: base64 of a PEM bundle of certificates (never a key). */
export const vaultCaBundleRule: Rule = {
  id: 'ESO-VAULT-CA-BUNDLE',
  severity: Severity.ERROR,
  description: 'caBundle must be base64 of a PEM bundle with at least one CERTIFICATE and no private key',
  example: 'caBundle: "-----BEGIN CERTIFICATE-----..."',
  pitfalls: ['P21'],
  kinds: STORE_KINDS,
  groups: ESO_GROUPS,
  checkObject(m) {
    return vaultBlocks(m).flatMap(b => {
      const v = b.spec.caBundle;
      if (v === undefined || v === null || v === '') return [];
      const field = `${b.field}.caBundle`;
      if (typeof v !== 'string') return [finding(field, 'caBundle is not a string', 'write the base64 of the PEM bundle')];
      if (v.includes('-----BEGIN')) {
        return [finding(field, 'caBundle holds raw PEM: the field is format byte, the API server rejects it ("must be of type byte")',
          'base64-encode the PEM (base64 -w0 ca.pem), or pass the PEM to SecretStoreProvider.vault({ caBundle }) which encodes it')];
      }
      let text = decode(v);
      if (text === undefined) {
        return [finding(field, 'caBundle is not valid base64', 'write the base64 of the PEM bundle (base64 -w0 ca.pem)')];
      }
      if (!text.includes('-----BEGIN')) text = decode(text) ?? text; // ESO tolerates a doubly-encoded PEM
      if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
        return [finding(field, 'caBundle contains a PRIVATE KEY: a CA bundle holds certificates only, and the key is now in Git',
          'remove the key from the bundle and rotate it; keep only the CA certificate(s)')];
      }
      if (!text.includes('-----BEGIN CERTIFICATE-----')) {
        return [finding(field, 'caBundle decodes to something that is not a PEM certificate bundle (no "-----BEGIN CERTIFICATE-----")',
          'base64-encode the CA certificate(s) in PEM form')];
      }
      return [];
    });
  },
};
