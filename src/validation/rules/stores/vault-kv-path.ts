import { ESO_GROUPS, STORE_KINDS, vaultBlocks } from '../../../model/stores';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * P02: `path` is the KV mount only. ESO inserts `/data/` after it on v2, so `secret/data` reads
 * `secret/data/data/<key>`; slashes at either end produce `//`.
 */
export const vaultKvPathRule: Rule = {
  id: 'ESO-VAULT-KV-PATH',
  severity: Severity.ERROR,
  description: 'provider.vault.path must be the KV mount only: no "data"/"metadata" segment, no leading or trailing "/"',
  example: 'path: secret/data',
  pitfalls: ['P02'],
  kinds: STORE_KINDS,
  groups: ESO_GROUPS,
  checkObject(m) {
    const out: Finding[] = [];
    for (const b of vaultBlocks(m)) {
      const path = b.spec.path;
      if (typeof path !== 'string' || path === '') continue;
      const field = `${b.field}.path`;
      const segments = path.split('/').filter(s => s !== '');
      const v1 = b.spec.version === 'v1';
      const idx = segments.findIndex(s => s === 'data' || s === 'metadata');
      if (idx >= 0) {
        const mount = segments.slice(0, idx).join('/') || '<mount>';
        const rest = segments.slice(idx + 1).join('/');
        out.push(finding(field,
          `path "${path}" contains "${segments[idx]}": path must be the KV mount only, ESO inserts "/data/" itself${v1 ? '' : ` (reads would go to "${segments.join('/')}/data/<key>")`}`,
          `set path: "${mount}"${rest ? ` and start every key with "${rest}/"` : ''} (VaultKv.v2('${mount}'))`,
          { severity: v1 ? Severity.WARNING : Severity.ERROR }));
        continue;
      }
      if (path.startsWith('/') || path.endsWith('/')) {
        const clean = segments.join('/');
        out.push(finding(field, `path "${path}" has a leading or trailing "/": ESO builds "${path}/data/<key>" with a double slash`,
          `set path: "${clean}"`));
        continue;
      }
      if (segments.length > 1) {
        out.push(finding(field, `path "${path}" has several segments: unless "${path}" is itself the mount, the mount is "${segments[0]}" and the rest belongs in the keys`,
          `if the mount is "${segments[0]}", set path: "${segments[0]}" and prefix keys with "${segments.slice(1).join('/')}/"; if "${path}" is a nested mount, silence this rule`,
          { severity: Severity.WARNING }));
      }
    }
    return out;
  },
};
