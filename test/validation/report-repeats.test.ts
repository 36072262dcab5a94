import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { toolInfo, validateCommand } from '../../src/cli/validate-command';
import { Diagnostic, Severity } from '../../src/validation/diagnostic';
import { validateManifests } from '../../src/validation/engine';
import { foldRepeats, formatSynthReport, repeatCount, repeatFields } from '../../src/validation/report';
import { VAULT_CLUSTER_STORE } from '../support/repo-files';

/** A store and an ExternalSecret whose 4 data entries read 2 mount-prefixed keys (3 entries of one): 4 findings, 2 distinct. */
const YAML = `${VAULT_CLUSTER_STORE}---
apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: db
  namespace: shop
spec:
  secretStoreRef: {name: vault, kind: ClusterSecretStore}
  target: {name: db}
  data:
    - {secretKey: user, remoteRef: {key: secret/data/shop/db, property: user, metadataPolicy: Fetch}}
    - {secretKey: pass, remoteRef: {key: secret/data/shop/db, property: pass, metadataPolicy: Fetch}}
    - {secretKey: host, remoteRef: {key: secret/data/shop/db, property: host, metadataPolicy: Fetch}}
    - {secretKey: api, remoteRef: {key: secret/data/shop/api, property: key, metadataPolicy: Fetch}}
`;

const TOOL = { ...toolInfo(), version: '1.2.3' };

function cli(format: string): { code: number; out: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eso-repeats-'));
  const file = path.join(dir, 'es.yaml');
  fs.writeFileSync(file, YAML);
  const out: string[] = [];
  const code = validateCommand([path.relative(process.cwd(), file)], { raw: true, format: format as any, tool: TOOL, out: l => out.push(l) });
  fs.rmSync(dir, { recursive: true, force: true });
  return { code, out: out.map(l => l.split(path.relative(process.cwd(), file)).join('es.yaml')) };
}

const d = (field: string, message = 'm', extra: Partial<Diagnostic> = {}): Diagnostic => ({
  severity: Severity.ERROR, ruleId: 'ESO-X', object: { kind: 'ExternalSecret', namespace: 'shop', name: 'db' }, field, message, fix: 'f', ...extra,
});

describe('a finding repeated once per data entry is reported once, with its count', () => {
  test('foldRepeats: same rule, object, message and fix on fields that differ in list indexes only', () => {
    const ds = [d('spec.data[0].remoteRef.key'), d('spec.data[1].remoteRef.key'), d('spec.data[2].remoteRef.key', 'other'),
      d('spec.data[3].remoteRef.key'), d('spec.dataFrom[0].extract.key'), d('spec.data[4].remoteRef.key', 'm', { ruleId: 'ESO-Y' }),
      d('spec.data[5].remoteRef.key', 'm', { object: { kind: 'ExternalSecret', namespace: 'shop', name: 'other' } })];
    const folded = foldRepeats(ds);
    expect(folded.map(x => x.field)).toEqual(['spec.data[0].remoteRef.key', 'spec.data[2].remoteRef.key', 'spec.dataFrom[0].extract.key',
      'spec.data[4].remoteRef.key', 'spec.data[5].remoteRef.key']);
    expect(folded.map(repeatCount)).toEqual([3, 1, 1, 1, 1]);
    expect(repeatFields(folded[0])).toEqual(['spec.data[0].remoteRef.key', 'spec.data[1].remoteRef.key', 'spec.data[3].remoteRef.key']);
    expect(repeatFields(folded[1])).toEqual(['spec.data[2].remoteRef.key']);
  });

  test('synth report: one block per distinct key, "(×3)", the summary counts the blocks', () => {
    const items = YAML.split(/^---\n/m).map(t => ({ manifest: parse(t), constructPath: t.includes('ExternalSecret') ? 'apps/db' : 'configs/vault' }));
    const report = validateManifests(items);
    expect(report.errors).toBe(4);
    const text = formatSynthReport(report);
    expect(text.split('\n').filter(l => l.startsWith('Error ['))).toEqual([
      'Error [ESO-ES-VAULT-KEY]: apps/db (ExternalSecret shop/db): spec.data[0].remoteRef.key (×3)',
      'Error [ESO-ES-VAULT-KEY]: apps/db (ExternalSecret shop/db): spec.data[3].remoteRef.key',
    ]);
    expect(text.split('\n').pop()).toBe('2 errors, 0 warnings in 2 objects — nothing was written.');
  });

  test('CLI text and github: one line per distinct key with "(×3)"; exit code 1', () => {
    const text = cli('text');
    expect(text.code).toBe(1);
    expect(text.out).toHaveLength(3);
    expect(text.out[0]).toMatch(/^es\.yaml:16: ExternalSecret shop\/db: spec\.data\[0\]\.remoteRef\.key \(×3\): remoteRef\.key "secret\/data\/shop\/db" repeats the mount/);
    expect(text.out[1]).toMatch(/^es\.yaml:16: ExternalSecret shop\/db: spec\.data\[3\]\.remoteRef\.key: remoteRef\.key "secret\/data\/shop\/api"/);
    expect(text.out[2]).toBe('2 errors, 0 warnings in 2 objects');
    const gh = cli('github');
    expect(gh.out.filter(l => l.startsWith('::error'))).toHaveLength(2);
    expect(gh.out[0]).toContain('spec.data[0].remoteRef.key (×3): remoteRef.key');
    expect(gh.out[2]).toBe('2 errors, 0 warnings in 2 objects');
  });

  test('CLI json: the folded finding keeps count and fields, valid against the report schema; sarif and junit agree', () => {
    const json = JSON.parse(cli('json').out[0]);
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'cli', 'fixtures', 'validate-report.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(json)).toBe(true);
    expect(json.summary).toMatchObject({ errors: 2, warnings: 0, text: '2 errors, 0 warnings in 2 objects' });
    expect(json.diagnostics).toHaveLength(2);
    expect(json.diagnostics[0]).toMatchObject({ field: 'spec.data[0].remoteRef.key', count: 3, fields: ['spec.data[0].remoteRef.key', 'spec.data[1].remoteRef.key', 'spec.data[2].remoteRef.key'] });
    expect(json.diagnostics[1].count).toBeUndefined();
    const sarif = JSON.parse(cli('sarif').out.join('\n'));
    expect(sarif.runs[0].results).toHaveLength(2);
    expect(sarif.runs[0].results[0].properties).toMatchObject({ count: 3 });
    expect(sarif.runs[0].results[0].message.text).toContain('spec.data[0].remoteRef.key (×3): ');
    const junit = cli('junit').out.join('\n');
    expect(junit).toMatch(/failures="2"/);
  });
});
