// Internal: the data + template of the typed-Secret helpers (ExternalSecret.tls / .dockerConfigJson).
import type { DockerConfigJsonExternalSecretProps, TlsExternalSecretProps } from '../external-secret';
import { SecretTemplate, SecretType } from '../secret-template';
import { SecretValue } from '../secret-value';
import { templateRef } from './render-spec';

function assertDistinct(where: string, values: SecretValue[]) {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v.secretKey)) {
      throw new Error(`${where}: secretKey "${v.secretKey}" is used twice; give each fetched value its own secretKey`);
    }
    seen.add(v.secretKey);
  }
}

/** `data` + `template` of a kubernetes.io/tls Secret. */
export function tlsSpec(p: TlsExternalSecretProps): { data: SecretValue[]; template: SecretTemplate } {
  const data = [p.cert, p.key, ...(p.ca ? [p.ca] : [])];
  assertDistinct('ExternalSecret.tls', data);
  const files: { [key: string]: string } = {
    'tls.crt': templateRef(p.cert.secretKey),
    'tls.key': templateRef(p.key.secretKey),
  };
  if (p.ca) files['ca.crt'] = templateRef(p.ca.secretKey);
  return {
    data,
    template: SecretTemplate.files(files, { type: SecretType.TLS, labels: p.secretLabels, annotations: p.secretAnnotations }),
  };
}

/** A Go template expression for the value of fetched key `key`, usable inside a pipeline. */
function valueExpr(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `(index . ${JSON.stringify(key)})`;
}

/** `data` + `template` of a kubernetes.io/dockerconfigjson Secret. */
export function dockerConfigJsonSpec(p: DockerConfigJsonExternalSecretProps, where: string): { data: SecretValue[]; template: SecretTemplate } {
  const parts = p.registry !== undefined || p.username !== undefined || p.password !== undefined;
  if (p.dockerConfigJson && parts) {
    throw new Error(`${where}: set either dockerConfigJson, or registry + username + password, not both`);
  }
  const meta = { type: SecretType.DOCKER_CONFIG_JSON, labels: p.secretLabels, annotations: p.secretAnnotations };
  if (p.dockerConfigJson) {
    return { data: [p.dockerConfigJson], template: SecretTemplate.files({ '.dockerconfigjson': templateRef(p.dockerConfigJson.secretKey) }, meta) };
  }
  if (!p.registry || !p.username || !p.password) {
    throw new Error(`${where}: a dockerconfigjson Secret needs registry, username and password (or dockerConfigJson)`);
  }
  assertDistinct('ExternalSecret.dockerConfigJson', [p.username, p.password]);
  const u = valueExpr(p.username.secretKey);
  const pw = valueExpr(p.password.secretKey);
  const json = `{"auths":{${JSON.stringify(p.registry)}:{"username":{{ ${u} | toJson }},"password":{{ ${pw} | toJson }},` +
    `"auth":{{ printf "%s:%s" ${u} ${pw} | b64enc | toJson }}}}}`;
  return { data: [p.username, p.password], template: SecretTemplate.files({ '.dockerconfigjson': json }, meta) };
}
