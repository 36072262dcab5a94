import { arr, esSpecIn } from '../../../model/external-secrets';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

function isObj(x: unknown): x is Record<string, any> {
  return !!x && typeof x === 'object' && !Array.isArray(x);
}

/**
 * ES-9 (P27): a sourceRef names exactly one of a store or a generator, and `data[].sourceRef.generatorRef`
 * is not implemented by ESO. (The generator reference itself is checked by ESO-GEN-REF.)
 */
export const esSourceRefRule: Rule = {
  id: 'ESO-ES-SOURCE-REF',
  severity: Severity.ERROR,
  description: 'sourceRef sets exactly one of storeRef / generatorRef (generatorRef only in dataFrom)',
  example: 'dataFrom:\n- sourceRef: {}',
  pitfalls: ['P27'],
  kinds: ['ExternalSecret', 'ClusterExternalSecret'],
  checkObject(m, ctx) {
    const es = esSpecIn(ctx.index, m);
    if (!es) return [];
    const out: Finding[] = [];
    arr(es.spec.dataFrom).forEach((d, i) => {
      const sr = d?.sourceRef;
      if (sr === undefined || sr === null) return;
      const field = `${es.prefix}.dataFrom[${i}].sourceRef`;
      const hasStore = isObj(sr) && !!sr.storeRef;
      const hasGen = isObj(sr) && !!sr.generatorRef;
      if (!hasStore && !hasGen) {
        out.push(finding(field, `dataFrom[${i}].sourceRef names neither a store nor a generator: the ESO webhook rejects it ("generatorRef or storeRef must be set")`,
          'set sourceRef.storeRef {name, kind} or sourceRef.generatorRef {apiVersion, kind, name}, or drop sourceRef'));
      } else if (hasStore && hasGen) {
        out.push(finding(field, `dataFrom[${i}].sourceRef sets both storeRef and generatorRef; exactly one is allowed`, 'keep one of them'));
      }
    });
    arr(es.spec.data).forEach((d, i) => {
      if (d?.sourceRef?.generatorRef) {
        out.push(finding(`${es.prefix}.data[${i}].sourceRef.generatorRef`,
          `data[${i}].sourceRef.generatorRef is deprecated and not implemented: ESO only reads data[] entries from stores`,
          'move the generator to dataFrom: [{sourceRef: {generatorRef: ...}}] (SecretSource.generator(...))'));
      }
    });
    return out;
  },
};
