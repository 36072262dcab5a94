'use strict';
/** The CLI's baseline: read and parse a multi-document YAML file into objects, nothing else. */
const fs = require('fs');
const { parseAllDocuments } = require('yaml');

const docs = parseAllDocuments(fs.readFileSync(process.argv[2], 'utf8'));
let n = 0;
for (const d of Array.isArray(docs) ? docs : [docs]) if (d.toJS()) n++;
process.stdout.write(JSON.stringify({ documents: n }) + '\n');
