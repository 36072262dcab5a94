import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { KustomizationFile } from '../../src';
import { validateCommand } from '../../src/cli/validate-command';

test('KustomizationFile.writeFor lists every YAML file and kustomized sub-folder, sorted', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kfile-'));
  const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: x\n`;
  fs.writeFileSync(path.join(dir, 'b.k8s.yaml'), cm('b'));
  fs.writeFileSync(path.join(dir, 'a.yml'), cm('a'));
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'not yaml');
  fs.mkdirSync(path.join(dir, 'plain'));
  fs.mkdirSync(path.join(dir, 'nested'));
  fs.writeFileSync(path.join(dir, 'nested', 'c.yaml'), cm('c'));
  expect(KustomizationFile.writeFor(path.join(dir, 'nested'))).toEqual(['c.yaml']);
  expect(KustomizationFile.writeFor(dir)).toEqual(['a.yml', 'b.k8s.yaml', 'nested']);
  const k = parseAllDocuments(fs.readFileSync(path.join(dir, 'kustomization.yaml'), 'utf8'))[0].toJS();
  expect(k).toEqual({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: ['a.yml', 'b.k8s.yaml', 'nested'] });
  // idempotent, and the listing satisfies ESO-FLUX-KUSTOMIZATION-FILE
  expect(KustomizationFile.writeFor(dir)).toEqual(['a.yml', 'b.k8s.yaml', 'nested']);
  const lines: string[] = [];
  expect(validateCommand([dir], { out: l => lines.push(l) })).toBe(0);
  expect(lines.join('\n')).not.toContain('ESO-FLUX-KUSTOMIZATION-FILE');
});
