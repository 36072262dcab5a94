'use strict';
/**
 * jsii compiles with inline source maps (and inline sources): each lib/*.js carries its map as a base64
 * comment, which Node keeps in memory with the module's source text for as long as the process runs (~5 MB of
 * heap for this library, a third of what its modules cost). This moves each map next to its file
 * (`x.js.map`, the same map, so stack traces and debuggers still find the TypeScript) and leaves a plain
 * `//# sourceMappingURL=x.js.map` comment. Idempotent: files without an inline map are left alone.
 *
 * Usage: node scripts/external-source-maps.js lib
 */
const fs = require('fs');
const path = require('path');

const MARKER = '\n//# sourceMappingURL=data:application/json;base64,';

function walk(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith('.js')) out.push(p);
  }
  return out;
}

let moved = 0;
for (const file of walk(process.argv[2] ?? 'lib', [])) {
  const text = fs.readFileSync(file, 'utf8');
  const at = text.lastIndexOf(MARKER);
  if (at < 0) continue;
  const map = Buffer.from(text.slice(at + MARKER.length).trim(), 'base64');
  JSON.parse(map.toString('utf8')); // a map that does not decode is left inline rather than lost
  fs.writeFileSync(`${file}.map`, map);
  fs.writeFileSync(file, `${text.slice(0, at)}\n//# sourceMappingURL=${path.basename(file)}.map\n`);
  moved++;
}
process.stdout.write(`external-source-maps: ${moved} maps moved out of ${process.argv[2] ?? 'lib'}\n`);
