import { clusterGeneratorSpecField } from '../../../model/generator-kinds';
import { isObject } from '../../../model/json';
import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';

/** ClusterGenerator: `spec.kind` must name the populated `spec.generator.<kind>Spec`. */
export const clusterGeneratorKindRule: Rule = {
  id: 'ESO-GEN-CLUSTER-KIND',
  severity: Severity.ERROR,
  description: 'a ClusterGenerator\'s spec.kind must match its populated spec.generator.<kind>Spec',
  example: 'kind: ClusterGenerator\nspec: {kind: UUID, generator: {passwordSpec: {...}}}',
  kinds: ['ClusterGenerator'],
  groups: ['generators.external-secrets.io'],
  checkObject(m) {
    const kind = m.spec?.kind;
    const gen = m.spec?.generator;
    if (typeof kind !== 'string' || !isObject(gen)) return [];
    const want = clusterGeneratorSpecField(kind);
    if (gen[want] !== undefined) return [];
    const present = Object.keys(gen);
    return [finding('spec.kind',
      `kind is ${kind} but spec.generator sets ${present.length ? present.join(', ') : 'nothing'}: ESO fails with "when kind is ${kind}, ${want} must be set"`,
      present.length === 1
        ? `set spec.kind to the kind of ${present[0]}, or move the spec under spec.generator.${want}`
        : `set spec.generator.${want}`)];
  },
};
