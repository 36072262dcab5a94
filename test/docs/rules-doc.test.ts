import * as fs from 'fs';
import * as path from 'path';
import { renderRulesDoc } from '../../scripts/rules-doc';
import { ALL_RULES } from '../../src/validation/rules';

test('docs/rules.md is generated from the registry (run `npx projen docs:rules` after adding a rule)', () => {
  const file = path.join(__dirname, '..', '..', 'docs', 'rules.md');
  expect(fs.readFileSync(file, 'utf8')).toBe(renderRulesDoc());
});

test('rule ids are unique and every rule describes itself', () => {
  const ids = ALL_RULES.map(r => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const r of ALL_RULES) {
    expect(r.id).toMatch(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/);
    expect(r.description.length).toBeGreaterThan(10);
    expect(Boolean(r.checkObject) || Boolean(r.checkApp)).toBe(true);
  }
});
