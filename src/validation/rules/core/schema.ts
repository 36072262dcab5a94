import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';
import { admissions, admit } from '../../schema/admit';
import { SchemaError } from '../../schema/catalog';

/** `/spec/data/0/remoteRef` → `spec.data[0].remoteRef`. */
export function jsonPointerToField(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(seg)) out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

function join(field: string, prop: string): string {
  return field ? `${field}.${prop}` : prop;
}

function toFinding(e: SchemaError): Finding | undefined {
  const field = jsonPointerToField(e.instancePath);
  switch (e.keyword) {
    case 'required':
      return finding(join(field, e.params.missingProperty), `required field "${e.params.missingProperty}" is missing`, `set ${join(field, e.params.missingProperty)}`);
    case 'additionalProperties':
      return finding(join(field, e.params.additionalProperty), `unknown field "${e.params.additionalProperty}": the API server silently drops it`,
        'check the spelling against the CRD (field names are case-sensitive)');
    case 'enum':
      return finding(field, `value must be one of ${(e.params.allowedValues as unknown[]).map(v => JSON.stringify(v)).join(', ')}`, 'use one of the allowed values');
    case 'type':
      return finding(field, `must be of type ${e.params.type}`, `write a ${e.params.type} value`);
    case 'pattern':
      return finding(field, `does not match the pattern ${e.params.pattern}`, 'use a lower-case DNS name / valid key');
    case 'maxProperties':
    case 'minProperties':
      return finding(field, `${e.message}: exactly one of the alternatives must be set`, 'set exactly one of the alternative fields');
    case 'anyOf':
    case 'oneOf':
      return undefined; // the branch errors say more
    default:
      return finding(field, e.message ?? e.keyword, 'fix the value to satisfy the CRD schema');
  }
}

/** Every ESO / generator / Vault-operator object is checked against the pinned CRD's OpenAPI schema. */
export const schemaRule: Rule = {
  id: 'ESO-SCHEMA',
  severity: Severity.ERROR,
  description: 'objects must satisfy the OpenAPI schema of the pinned CRD (required fields, enums, patterns, unknown fields) and the API server\'s name rules',
  example: 'ExternalSecret spec.data[0] without secretKey, or spec.provider.vault.auth.kubernetes.mountpath (misspelt)',
  checkObject(m, ctx) {
    const admission = admit(m, admissions(ctx.index));
    const errors = admission?.schemaErrors ?? [];
    const seen = new Set<string>();
    const out: Finding[] = (admission?.metaErrors ?? []).map(e => finding(e.field, e.message,
      e.required ? 'name the object' : e.dropped ? 'quote the value' : 'use lower-case letters, digits, "-" (and "." in names), starting and ending with a letter or digit',
      e.dropped ? { severity: Severity.WARNING } : {}));
    for (const e of errors) {
      const f = toFinding(e);
      if (!f) continue;
      const key = `${f.field}|${f.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(f);
    }
    return out;
  },
};
