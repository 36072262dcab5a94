import { Rule } from '../src/validation/rule';
import { ALL_RULES } from '../src/validation/rules';
import { stricterThanUpstream } from '../src/validation/schema/upstream-lints';

const cell = (s: string | undefined) => (s ?? '').replace(/\|/g, '\\|').replace(/\n/g, '<br>');

/** docs/rules.md, rendered from the rule registry so the table cannot drift from the code. */
export function renderRulesDoc(rules: readonly Rule[] = ALL_RULES): string {
  const sorted = [...rules].sort((a, b) => a.id.localeCompare(b.id));
  const lines = [
    '# Validation rules',
    '',
    '<!-- Generated from src/validation/rules by `npx projen docs:rules`; test/docs/rules-doc.test.ts fails when it is stale. -->',
    '',
    `${sorted.length} rules run at \`cdk8s synth\` and in \`cdk8s-eso validate\`. Errors fail; warnings fail only with`,
    '`strict` / `--strict`. Silence one rule on one object with the annotation',
    '`cdk8s-external-secrets.io/ignore: RULE-ID` (comma-separated for several); the summary counts what was silenced.',
    'The last column lists the deliberate lints: rules that refuse objects upstream admits (the API server\'s CRD',
    'pipeline and ESO\'s webhooks, run by `npm run conformance`), and why.',
    '',
    '| rule id | severity | scope | kinds | what it catches | example | stricter than upstream, because … |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of sorted) {
    const scope = r.checkApp ? (r.checkObject ? 'object + app' : 'app') : 'object';
    // an anchor per rule: SARIF's helpUri and the CLI's help link to docs/rules.md#<rule id in lower case>
    lines.push(`| <a id="${r.id.toLowerCase()}"></a>\`${r.id}\` | ${r.severity} | ${scope} | ${cell((r.kinds ?? ['any']).join(', '))} | ${cell(r.description)} | ${r.example ? `<code>${cell(r.example)}</code>` : ''} | ${cell(stricterThanUpstream(r))} |`);
  }
  return lines.join('\n') + '\n';
}
