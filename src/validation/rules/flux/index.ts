import { fluxCrdSameLayerRule } from './flux-crd-same-layer';
import { fluxDependsOnRule } from './flux-depends-on';
import { fluxHealthCheckApiVersionRule } from './flux-hc-api-version';
import { fluxHealthRule } from './flux-health';
import { fluxHelmCrdsRule } from './flux-helm-crds';
import { fluxKustomizationFileRule } from './flux-kustomization-file';
import { fluxLayerOrderRule } from './flux-layer-order';
import { fluxNamespaceRule } from './flux-namespace';
import { fluxNonKubernetesYamlRule } from './flux-non-k8s-yaml';
import { fluxPruneMoveRule } from './flux-prune-move';
import { fluxSecretDeadlockRule } from './flux-secret-deadlock';
import { fluxSopsRule } from './flux-sops';
import { fluxSpecRule } from './flux-spec';
import { fluxSubstituteRule } from './flux-substitute';
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
  fluxSecretDeadlockRule,
];
