'use strict';
/**
 * The CLI's "ajv-only" baseline: what a plain ajv user does to schema-check rendered manifests. Reads the files
 * with the `yaml` package's parseAllDocuments (the parser such a user would naturally pick), and runs the
 * precompiled CRD validators of generated/schemas/ on every document of a kind they know (a store's provider
 * with its own part validator, so the whole CRD schema is checked). No Kubernetes scalar semantics, no line
 * numbers, no duplicate-key or alias checks, no rules. Usage: node ajv-only.js FILE...
 */
const fs = require('fs');
const path = require('path');
const { parseAllDocuments } = require('yaml');

const dir = path.join(__dirname, '..', 'generated', 'schemas');
const catalog = require(path.join(dir, 'catalog.json')).kinds;
const loaded = new Map();
const load = file => {
  let v = loaded.get(file);
  if (!v) {
    const mod = require(path.join(dir, file));
    v = mod.default ?? mod;
    loaded.set(file, v);
  }
  return v;
};

let documents = 0;
let checked = 0;
let invalid = 0;
for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
    const m = doc.toJS();
    if (!m || typeof m !== 'object') continue;
    documents++;
    const entry = catalog[`${m.apiVersion}/${m.kind}`];
    if (!entry || !entry.validator) continue;
    checked++;
    let ok = load(entry.validator)(m);
    if (entry.parts) {
      let holder = m;
      for (const seg of entry.parts.pointer.split('/').slice(1)) holder = holder && typeof holder === 'object' ? holder[seg] : undefined;
      for (const [alt, value] of Object.entries(holder && typeof holder === 'object' ? holder : {})) {
        const part = entry.parts.validators[alt];
        if (part && !load(part)(value)) ok = false;
      }
    }
    if (!ok) invalid++;
  }
}
process.stdout.write(JSON.stringify({ documents, checked, invalid }) + '\n');
