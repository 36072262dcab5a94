import {
  FLUX_HELM_GROUP, FLUX_KUSTOMIZE_GROUP, FLUX_SOURCE_GROUP, HELM_CRD_POLICIES, HELM_REPOSITORY_TYPES, KUSTOMIZATION_SOURCE_KINDS,
} from '../../../model/flux-api';
import { isGoDuration } from '../../../model/go-duration';
import { parseApiVersion } from '../../../model/manifest';
import { Severity } from '../../diagnostic';
import { Finding, Rule, finding } from '../../rule';

/**
 * The Flux objects the library emits (and users write next to ESO objects), checked against the Flux API
 * docs: required fields, Go durations, enums. A malformed Flux object is rejected by the API server or
 * never reconciles, and with it every ESO object of the layer.
 */
export const fluxSpecRule: Rule = {
  id: 'ESO-FLUX-SPEC',
  severity: Severity.ERROR,
  description: 'Flux Kustomization / HelmRelease / HelmRepository / GitRepository: required fields, Go durations and enums per the Flux API',
  example: 'Kustomization without prune, or interval: 1d',
  kinds: ['Kustomization', 'HelmRelease', 'HelmRepository', 'GitRepository'],
  groups: [FLUX_KUSTOMIZE_GROUP, FLUX_HELM_GROUP, FLUX_SOURCE_GROUP],
  checkObject(m) {
    const group = parseApiVersion(m.apiVersion).group;
    const out: Finding[] = [];
    const spec = m.spec;
    if (!spec || typeof spec !== 'object' || Array.isArray(spec)) {
      return [finding('spec', `${m.kind} has no spec`, 'add the spec (see the Flux API docs)')];
    }
    const duration = (field: string, required: boolean) => {
      const v = spec[field];
      if (v === undefined) {
        if (required) out.push(finding(`spec.${field}`, `spec.${field} is required`, `set spec.${field} to a Go duration, e.g. 10m`));
      } else if (typeof v !== 'string' || !isGoDuration(v)) {
        out.push(finding(`spec.${field}`, `spec.${field} "${v}" is not a Go duration`, 'use units h, m, s (e.g. 1h30m); d and w do not exist'));
      }
    };
    const ref = (field: string, value: any, kinds: string[]) => {
      if (!value || typeof value !== 'object') {
        out.push(finding(field, `${field} is required`, `set ${field}: {kind: ${kinds[0]}, name: ...}`));
        return;
      }
      if (!kinds.includes(value.kind)) out.push(finding(`${field}.kind`, `${field}.kind "${value.kind}" is not one of ${kinds.join(', ')}`, `use one of ${kinds.join(', ')}`));
      if (typeof value.name !== 'string' || !value.name) out.push(finding(`${field}.name`, `${field}.name is required`, 'name the source object'));
    };

    if (group === FLUX_KUSTOMIZE_GROUP && m.kind === 'Kustomization') {
      duration('interval', true);
      duration('retryInterval', false);
      duration('timeout', false);
      if (typeof spec.prune !== 'boolean') out.push(finding('spec.prune', 'spec.prune is required (true or false)', 'set prune: true to delete objects removed from Git'));
      ref('spec.sourceRef', spec.sourceRef, KUSTOMIZATION_SOURCE_KINDS);
      if (spec.path !== undefined && (typeof spec.path !== 'string' || spec.path.startsWith('/') || spec.path.split('/').includes('..'))) {
        out.push(finding('spec.path', `spec.path "${spec.path}" must be relative to the source root and stay inside it`, 'use a path like ./dist/apps'));
      }
      for (const f of ['wait', 'force', 'suspend']) {
        if (spec[f] !== undefined && typeof spec[f] !== 'boolean') out.push(finding(`spec.${f}`, `spec.${f} must be a boolean`, `set ${f}: true or false`));
      }
      list(spec.dependsOn, 'spec.dependsOn', out, (d, at) => (typeof d?.name === 'string' && d.name ? [] : [finding(`${at}.name`, 'dependsOn entry needs a name', 'name a Flux Kustomization')]));
      list(spec.healthChecks, 'spec.healthChecks', out, (c, at) => ['apiVersion', 'kind', 'name']
        .filter(f => typeof c?.[f] !== 'string' || !c[f])
        .map(f => finding(`${at}.${f}`, `healthChecks entry needs ${f}`, `set ${f}`)));
      list(spec.healthCheckExprs, 'spec.healthCheckExprs', out, (c, at) => ['apiVersion', 'kind', 'current']
        .filter(f => typeof c?.[f] !== 'string' || !c[f])
        .map(f => finding(`${at}.${f}`, `healthCheckExprs entry needs ${f}`, `set ${f}${f === 'current' ? " (a CEL expression, e.g. status.conditions.filter(e, e.type == 'Ready').all(e, e.status == 'True'))" : ''}`)));
      if (spec.decryption !== undefined && spec.decryption?.provider !== 'sops') {
        out.push(finding('spec.decryption.provider', `spec.decryption.provider "${spec.decryption?.provider}" is not supported`, 'use provider: sops'));
      }
    } else if (group === FLUX_HELM_GROUP && m.kind === 'HelmRelease') {
      duration('interval', true);
      duration('timeout', false);
      const hasChart = spec.chart !== undefined;
      const hasRef = spec.chartRef !== undefined;
      if (hasChart === hasRef) {
        out.push(finding(hasChart ? 'spec.chartRef' : 'spec.chart', 'exactly one of spec.chart and spec.chartRef must be set', 'use spec.chart (chart template) or spec.chartRef, not both'));
      }
      if (hasChart) {
        const cs = spec.chart?.spec;
        const kind = spec.chart?.kind ?? 'HelmChart';
        if (!cs || typeof cs !== 'object') {
          out.push(finding('spec.chart.spec', 'spec.chart.spec is required', 'set chart, version and sourceRef'));
        } else if (kind === 'HelmChart') {
          if (typeof cs.chart !== 'string' || !cs.chart) out.push(finding('spec.chart.spec.chart', 'spec.chart.spec.chart is required', 'name the chart'));
          ref('spec.chart.spec.sourceRef', cs.sourceRef, ['HelmRepository', 'GitRepository', 'Bucket']);
        } else if (kind === 'OCIRepository') {
          if (typeof cs.url !== 'string' || !cs.url.startsWith('oci://')) out.push(finding('spec.chart.spec.url', 'an OCIRepository chart template needs url: oci://...', 'set spec.chart.spec.url'));
        } else {
          out.push(finding('spec.chart.kind', `spec.chart.kind "${kind}" is not HelmChart or OCIRepository`, 'use HelmChart (default) or OCIRepository'));
        }
      }
      if (hasRef) ref('spec.chartRef', spec.chartRef, ['OCIRepository', 'HelmChart', 'ExternalArtifact']);
      for (const action of ['install', 'upgrade']) {
        const crds = spec[action]?.crds;
        if (crds !== undefined && !HELM_CRD_POLICIES.includes(crds)) {
          out.push(finding(`spec.${action}.crds`, `spec.${action}.crds "${crds}" is not one of ${HELM_CRD_POLICIES.join(', ')}`, 'use CreateReplace to keep CRDs up to date'));
        }
      }
      list(spec.dependsOn, 'spec.dependsOn', out, (d, at) => (typeof d?.name === 'string' && d.name ? [] : [finding(`${at}.name`, 'dependsOn entry needs a name', 'name a HelmRelease')]));
    } else if (group === FLUX_SOURCE_GROUP && m.kind === 'HelmRepository') {
      const type = spec.type ?? 'default';
      if (!HELM_REPOSITORY_TYPES.includes(type)) out.push(finding('spec.type', `spec.type "${type}" is not one of ${HELM_REPOSITORY_TYPES.join(', ')}`, 'use default or oci'));
      if (typeof spec.url !== 'string' || !spec.url) {
        out.push(finding('spec.url', 'spec.url is required', 'set the repository URL'));
      } else if (type === 'oci' ? !spec.url.startsWith('oci://') : !/^https?:\/\//.test(spec.url)) {
        out.push(finding('spec.url', `spec.url "${spec.url}" does not fit type ${type}`, type === 'oci' ? 'an OCI repository URL starts with oci://' : 'use an https:// URL, or type: oci for oci://'));
      }
      duration('interval', false);
      duration('timeout', false);
    } else if (group === FLUX_SOURCE_GROUP && m.kind === 'GitRepository') {
      duration('interval', true);
      duration('timeout', false);
      if (typeof spec.url !== 'string' || !/^(https?|ssh):\/\//.test(spec.url)) {
        out.push(finding('spec.url', `spec.url "${spec.url ?? ''}" must be an http(s):// or ssh:// URL`, 'set the repository URL'));
      }
      if (spec.ref !== undefined) {
        const keys = Object.keys(spec.ref ?? {}).filter(k => ['branch', 'tag', 'semver', 'name', 'commit'].includes(k));
        if (!keys.length) out.push(finding('spec.ref', 'spec.ref names no branch, tag, semver, name or commit', 'set e.g. ref: {branch: main}'));
      }
    }
    return out;
  },
};

function list(v: unknown, at: string, out: Finding[], check: (item: any, at: string) => Finding[]) {
  if (v === undefined) return;
  if (!Array.isArray(v)) {
    out.push(finding(at, `${at} must be a list`, 'write it as a YAML list'));
    return;
  }
  v.forEach((item, i) => out.push(...check(item, `${at}[${i}]`)));
}

