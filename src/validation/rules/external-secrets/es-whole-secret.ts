import { kvReads } from '../../../model/external-secret-kv-entries';
import { allEsSpecs, referencedKeys, templateStrings } from '../../../model/external-secrets';
import { Severity } from '../../diagnostic';
import { Finding, Rule, RuleContext, finding } from '../../rule';

/**
 * P05: a Vault/OpenBao `data[]` entry without `property` puts the whole secret, as JSON, into one key.
 * Fine when a template parses it; otherwise usually a forgotten property.
 */
export const esWholeSecretRule: Rule = {
  id: 'ESO-ES-WHOLE-SECRET',
  severity: Severity.WARNING,
  description: 'a Vault data[] entry without remoteRef.property gets the whole secret as JSON in one key',
  example: 'data: [{secretKey: password, remoteRef: {key: app/db}}]',
  pitfalls: ['P05'],
  checkApp(ctx: RuleContext) {
    const out: Finding[] = [];
    const usedCache = new Map<object, ReturnType<typeof referencedKeys>>();
    for (const r of kvReads(ctx.index, allEsSpecs(ctx.index))) {
      if (r.via !== 'data') continue;
      const ref = r.entry?.remoteRef;
      if (!ref || ref.property !== undefined || ref.metadataPolicy === 'Fetch') continue;
      let used = usedCache.get(r.es);
      if (!used) usedCache.set(r.es, (used = referencedKeys(templateStrings(r.es).map(s => s.text))));
      const k = r.entry?.secretKey;
      if (used.all || used.keys.has(k)) continue;
      out.push(finding(`${r.field}.remoteRef`,
        `data entry "${k}" has no remoteRef.property, so the whole secret "${ref.key}" lands in "${k}" as JSON`,
        'add property: "<field>" (SecretValue.fromProperty), or use dataFrom extract (SecretSource.extract) to get every field as its own key',
        { target: r.es.manifest }));
    }
    return out;
  },
};
