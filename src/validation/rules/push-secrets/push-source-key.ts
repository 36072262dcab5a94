import { arr } from '../../../model/external-secrets';
import { allPsSpecs, isObject, pushSourceKeys } from '../../../model/push-secrets';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/** Keys for a message: `"a", "b"` (or `no key`). */
function keyList(keys: ReadonlySet<string>): string {
  return keys.size ? [...keys].sort().map(k => `"${k}"`).join(', ') : 'no key';
}

/**
 * A PushSecret pushes `data[].match.secretKey` from its source: a generator's output or a Secret. When the
 * app says for sure which keys that source has (a Password's secretKeys, a UUID's `uuid`, a Fake's data, the
 * keys an ExternalSecret of the app writes), a key outside them is never there: ESO fails every push.
 * Unknown is not wrong: a source whose keys the cluster decides (dataFrom, external templates, a Secret made
 * elsewhere) is not reported.
 */
export const pushSourceKeyRule: Rule = {
  id: 'ESO-PUSH-SOURCE-KEY',
  severity: Severity.ERROR,
  description: 'a PushSecret pushes only keys its source (generator or Secret written by an ExternalSecret of the app) produces',
  example: 'selector: {generatorRef: {kind: UUID, name: id}}, data: [{match: {secretKey: password, ...}}]',
  stricterThanUpstream: 'PushSecrets have no webhook: a key the source never has is admitted, then every push fails (the key is not in the source)',
  checkApp(ctx) {
    const out: Finding[] = [];
    for (const ps of allPsSpecs(ctx.index)) {
      const data = arr(ps.spec.data);
      if (!data.length) continue;
      const source = pushSourceKeys(ctx.index, ps);
      if (!source) continue;
      // one ESO-level template may add keys: only a templated key is known then, the rest is not judged
      const t = ps.spec.template;
      const templated = isObject(t) && (isObject(t.data) && Object.keys(t.data).length > 0 || arr(t.templateFrom).length > 0);
      if (templated) continue;
      data.forEach((d, i) => {
        const key = d?.match?.secretKey;
        if (typeof key !== 'string' || !key || source.keys.has(key)) return;
        // ReverseUnicode rewrites the source's key names before they are matched
        if (typeof d?.conversionStrategy === 'string' && d.conversionStrategy !== 'None') return;
        const known = [...source.keys].sort();
        out.push(finding(`${ps.prefix}.data[${i}].match.secretKey`,
          `${ps.label} pushes key "${key}", but its source ${source.label} (${source.field}) only produces ${keyList(source.keys)}: ESO fails every push`,
          known.length === 1
            ? `push "${known[0]}" (secretKey: "${known[0]}"), or make the source produce "${key}"`
            : `push one of ${keyList(source.keys)}, or make the source produce "${key}"`,
          { target: ps.manifest }));
      });
    }
    return out;
  },
};
