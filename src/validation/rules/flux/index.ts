import { fluxCrdSameLayerRule } from './crd-same-layer';
import { fluxDependsOnRule } from './depends-on';
import { fluxSpecRule } from './flux-spec';
import { fluxHealthRule } from './health';
import { fluxHealthCheckApiVersionRule } from './health-check-api-version';
import { fluxHelmCrdsRule } from './helm-crds';
import { fluxKustomizationFileRule } from './kustomization-file';
import { fluxLayerOrderRule } from './layer-order';
import { fluxNamespaceRule } from './namespace';
import { fluxNonKubernetesYamlRule } from './non-kubernetes-yaml';
import { fluxPruneMoveRule } from './prune-move';
import { fluxSopsRule } from './sops';
import { fluxSubstituteRule } from './substitute';
import { Rule } from '../../rule';

/** Rules for flux: one file per rule, listed here. */
export const FLUX_RULES: Rule[] = [
  fluxSpecRule,
  fluxLayerOrderRule,
  fluxCrdSameLayerRule,
  fluxDependsOnRule,
  fluxHealthRule,
  fluxHealthCheckApiVersionRule,
  fluxNamespaceRule,
  fluxKustomizationFileRule,
  fluxNonKubernetesYamlRule,
  fluxSubstituteRule,
  fluxHelmCrdsRule,
  fluxSopsRule,
  fluxPruneMoveRule,
];
