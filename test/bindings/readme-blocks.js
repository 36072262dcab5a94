// Prints the N-th fenced code block (0-based) of the given language in one section of README.md, verbatim.
// Usage: node test/bindings/readme-blocks.js SECTION_HEADING LANG N
// test/bindings/run.sh runs the README's quick starts exactly as written through it.
const fs = require('fs');
const path = require('path');
const [heading, lang, n] = process.argv.slice(2);
const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
const start = readme.indexOf(`\n${heading}\n`);
if (start < 0) throw new Error(`README.md has no section "${heading}"`);
const level = heading.match(/^#+/)[0];
const rest = readme.slice(start + heading.length + 2);
const next = rest.search(new RegExp(`^#{1,${level.length}} `, 'm'));
const section = next < 0 ? rest : rest.slice(0, next);
const blocks = [...section.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].filter(m => m[1] === lang).map(m => m[2]);
const block = blocks[Number(n)];
if (block === undefined) throw new Error(`README.md section "${heading}" has ${blocks.length} ${lang} block(s), not #${n}`);
process.stdout.write(block);
