import * as fs from 'fs';
import * as path from 'path';
import { renderRulesDoc } from './rules-doc';

const file = path.join(__dirname, '..', 'docs', 'rules.md');
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, renderRulesDoc());
console.log(`wrote ${path.relative(process.cwd(), file)}`);
