/** The Secrets a workload's pods use, read once for the secret graph and the Flux deadlock rule. */
import { isObject } from './json';
import { Manifest } from './manifest';

/** Kinds whose pods are described by a pod spec (core, apps, batch). */
export const WORKLOAD_KINDS: readonly string[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'];

/** Where the pod spec of a workload kind is. */
const POD_SPEC_PATH: { readonly [kind: string]: readonly string[] } = {
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  Pod: ['spec'],
};

/** One reference of a pod spec to a Secret of the pod's namespace. */
export interface PodSecretRef {
  readonly name: string;
  /** JSON path of the reference in the workload. */
  readonly field: string;
  /** How the pod uses it. */
  readonly use: 'env' | 'mount' | 'pull-image';
  /** `optional: true`: the pod starts without it. */
  readonly optional: boolean;
}

/**
 * The Secrets a workload's pod spec references: envFrom / env valueFrom (env), secret volumes and projected
 * sources (mount), imagePullSecrets (pull-image). Empty for other kinds.
 */
export function podSecretRefs(m: Manifest): PodSecretRef[] {
  const path = POD_SPEC_PATH[String(m.kind)];
  if (!path) return [];
  let pod: any = m;
  for (const p of path) pod = isObject(pod) ? pod[p] : undefined;
  if (!isObject(pod)) return [];
  const spec: any = pod;
  const at = path.join('.');
  const out: PodSecretRef[] = [];
  const add = (name: unknown, field: string, use: PodSecretRef['use'], optional: unknown = false) => {
    if (typeof name === 'string' && name) out.push({ name, field: `${at}.${field}`, use, optional: optional === true });
  };
  for (const list of ['containers', 'initContainers', 'ephemeralContainers']) {
    const containers = Array.isArray(spec[list]) ? spec[list] : [];
    containers.forEach((c: any, i: number) => {
      (Array.isArray(c?.envFrom) ? c.envFrom : []).forEach((e: any, j: number) =>
        add(e?.secretRef?.name, `${list}[${i}].envFrom[${j}].secretRef.name`, 'env', e?.secretRef?.optional));
      (Array.isArray(c?.env) ? c.env : []).forEach((e: any, j: number) =>
        add(e?.valueFrom?.secretKeyRef?.name, `${list}[${i}].env[${j}].valueFrom.secretKeyRef.name`, 'env', e?.valueFrom?.secretKeyRef?.optional));
    });
  }
  (Array.isArray(spec.volumes) ? spec.volumes : []).forEach((v: any, i: number) => {
    add(v?.secret?.secretName, `volumes[${i}].secret.secretName`, 'mount', v?.secret?.optional);
    (Array.isArray(v?.projected?.sources) ? v.projected.sources : []).forEach((s: any, j: number) =>
      add(s?.secret?.name, `volumes[${i}].projected.sources[${j}].secret.name`, 'mount', s?.secret?.optional));
  });
  (Array.isArray(spec.imagePullSecrets) ? spec.imagePullSecrets : []).forEach((p: any, i: number) =>
    add(p?.name, `imagePullSecrets[${i}].name`, 'pull-image'));
  return out;
}
