import { ApiObject, App, Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import * as eso from '../../src';
import { addKubernetesAuthStore, esoServiceAccount } from '../seed-000-openova/app';

/** Where seed 003 is committed: the Flux Kustomizations point into this folder of the repository. */
export const SEED_003_REPOSITORY_PATH = 'dist-seeds/seed-003-tazlab';

/**
 * Seed 003 (TazLab): the two-store model in Flux layers. `tazlab-secrets-vault` (Vault, KV v2 at `secret`)
 * serves every ExternalSecret; `tazlab-secrets` (Infisical, legacy) is kept for backward compatibility, has
 * no consumers, and is applied by Terraform, not Flux: it goes to a folder no Flux Kustomization applies.
 *
 * ```
 * flux/         the Flux Kustomizations
 * controllers/  ESO (HelmRelease)                                   wait
 * bridge/       IngressClass (cluster plumbing the configs rely on)  -> controllers
 * configs/      the Vault store, the wildcard TLS replication        -> bridge
 * apps/         the ExternalSecrets, one file per namespace          -> configs
 * terraform/    the legacy Infisical store (Terraform applies it)
 * ```
 */
export function buildApp(outdir?: string): App {
  const app = new App(outdir ? { outdir } : {});
  const layout = new eso.FluxLayout(app, 'flux', {
    source: eso.FluxSource.gitRepository('flux-system'),
    repositoryPath: SEED_003_REPOSITORY_PATH,
  });

  // bridge (level 1 of the seed's DAG): inserted between the operators and the configs.
  const bridge = new Chart(app, 'bridge');
  new ApiObject(bridge, 'nginx', {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: { name: 'nginx' },
    spec: { controller: 'k8s.io/ingress-nginx' },
  });
  layout.addLayer('bridge', { before: layout.configs }).add(bridge);

  // Cluster-scoped objects (the store, the replication) live in the `configs` chart.
  const configs = new Chart(app, 'configs');
  layout.configs.add(configs);

  // Primary: every key is mount-relative (`tazlab-k8s/static/<domain>/<consumer>/<KEY>`).
  const tazlabVault = addKubernetesAuthStore(configs, esoServiceAccount(configs), {
    name: 'tazlab-secrets-vault',
    server: 'https://vault.tazlab.example.internal:8200',
  });

  // Legacy Infisical store (deployed by Terraform upstream): empty credentials, zero consumers. Validated with
  // the app, written to terraform/, and never applied (nor pruned) by Flux.
  const legacyChart = new Chart(app, 'legacy-store');
  layout.addUnmanagedFolder('terraform').add(legacyChart);
  const infisicalCreds = kplus.Secret.fromSecretName(legacyChart, 'infisical-creds', 'infisical-universal-auth');
  new eso.ClusterSecretStore(legacyChart, 'tazlab-secrets', {
    metadata: { name: 'tazlab-secrets' },
    provider: eso.SecretStoreProvider.custom('infisical', {
      hostAPI: 'https://eu.infisical.com',
      auth: {
        universalAuthCredentials: {
          clientId: { name: infisicalCreds.name, namespace: 'external-secrets', key: 'clientId' },
          clientSecret: { name: infisicalCreds.name, namespace: 'external-secrets', key: 'clientSecret' },
        },
      },
      secretsScope: { projectSlug: 'tazlab', environmentSlug: 'prod' },
    }),
  });

  // ExternalSecrets, one chart per namespace, in the apps layer; the wildcard TLS Secret is replicated into
  // dex, auth and longhorn-system by a ClusterExternalSecret.
  addTazlabSecrets(ns => {
    const chart = new Chart(app, `secrets-${ns}`, { namespace: ns });
    layout.apps.add(chart);
    return chart;
  }, tazlabVault, {
    replicateWildcardTls: wildcard => eso.ClusterExternalSecret.tls(configs, 'wildcard-tls-replicas', {
      ...wildcard,
      metadata: { name: 'wildcard-tls-replicas' },
      externalSecretName: 'wildcard-tls',
      namespaces: ['dex', 'auth', 'longhorn-system'],
    }),
  });

  return app;
}

/** What `addTazlabSecrets` varies: how the wildcard TLS Secret reaches other namespaces, and which sections. */
export interface TazlabSecretsOptions {
  /** Replicates the wildcard TLS Secret (store, refresh, cert and key) into dex, auth and longhorn-system. */
  readonly replicateWildcardTls: (wildcard: TazlabWildcardTls) => void;
  /**
   * Also the flux-system (GitHub token, Grafana DB password) and dex (rendered config) secrets.
   * @default true
   */
  readonly clusterTools?: boolean;
}

/** The props of the wildcard TLS ExternalSecrets, without their metadata. */
export interface TazlabWildcardTls {
  readonly store: eso.ISecretStore;
  readonly refreshInterval: Duration;
  readonly cert: eso.SecretValue;
  readonly key: eso.SecretValue;
}

/**
 * Seed 003's ExternalSecrets, each in the chart `nsChart(namespace)` gives. Every value lives at
 * `secret/data/tazlab-k8s/static/<domain>/<consumer>/<KEY>` with the `property: value` convention; the
 * key is mount-relative because the store's mount is `secret`. All refresh hourly except S3 (24h).
 */
export function addTazlabSecrets(nsChart: (namespace: string) => Construct, store: eso.ISecretStore, options: TazlabSecretsOptions): void {
  const value = (secretKey: string, path: string) =>
    eso.SecretValue.fromProperty(secretKey, `tazlab-k8s/static/${path}`, 'value');
  const hourly = { store, refreshInterval: Duration.hours(1) };

  // cert-manager: Cloudflare API token for DNS-01.
  new eso.ExternalSecret(nsChart('cert-manager'), 'cloudflare-api-token', {
    ...hourly,
    metadata: { name: 'cloudflare-api-token' },
    data: [value('api-token', 'infra/cloudflare-ddns/CLOUDFLARE_API_TOKEN')],
  });

  // Wildcard TLS: a kubernetes.io/tls Secret in hugo-blog, replicated into dex, auth and longhorn-system.
  const wildcard = {
    ...hourly,
    cert: value('WILDCARD_CRT', 'tls/wildcard/WILDCARD_CRT'),
    key: value('WILDCARD_KEY', 'tls/wildcard/WILDCARD_KEY'),
  };
  eso.ExternalSecret.tls(nsChart('hugo-blog'), 'wildcard-tls', { ...wildcard, metadata: { name: 'wildcard-tls' } });
  options.replicateWildcardTls(wildcard);

  // tazlab-db: pgBackRest reads its S3 credentials as a whole config file.
  new eso.ExternalSecret(nsChart('tazlab-db'), 's3-backrest-creds', {
    store,
    refreshInterval: Duration.hours(24), // S3 credentials change rarely
    metadata: { name: 's3-backrest-creds' },
    data: [
      value('AWS_ACCESS_KEY_ID', 'storage/tazlab-db/AWS_ACCESS_KEY_ID'),
      value('AWS_SECRET_ACCESS_KEY', 'storage/tazlab-db/AWS_SECRET_ACCESS_KEY'),
    ],
    template: eso.SecretTemplate.files({
      's3.conf': '[global]\nrepo1-s3-key={{ .AWS_ACCESS_KEY_ID }}\nrepo1-s3-key-secret={{ .AWS_SECRET_ACCESS_KEY }}\n',
    }),
  });

  const clusterTools = options.clusterTools ?? true;
  if (clusterTools) {
    // flux-system: the token Flux ImageUpdateAutomation pushes with, and Grafana's DB bootstrap password.
    const fluxSystem = nsChart('flux-system');
    new eso.ExternalSecret(fluxSystem, 'github-api-token', {
      ...hourly,
      metadata: { name: 'github-api-token' },
      data: [value('github_token', 'infra/github/GITHUB_TOKEN')],
    });
    new eso.ExternalSecret(fluxSystem, 'grafana-bootstrap-secret', {
      ...hourly,
      metadata: { name: 'grafana-bootstrap-secret' },
      data: [value('GRAFANA_DB_PASSWORD', 'monitoring/grafana/GRAFANA_DB_PASSWORD')],
    });
  }

  // auth: OAuth2 Proxy.
  new eso.ExternalSecret(nsChart('auth'), 'oauth2-proxy-secrets', {
    ...hourly,
    metadata: { name: 'oauth2-proxy-secrets' },
    data: [
      value('OAUTH2_PROXY_CLIENT_SECRET', 'auth/oauth2-proxy/OAUTH2_PROXY_CLIENT_SECRET'),
      value('OAUTH2_PROXY_COOKIE_SECRET', 'auth/oauth2-proxy/OAUTH2_PROXY_COOKIE_SECRET'),
    ],
  });

  if (clusterTools) {
    // dex: the rendered config combines a ConfigMap template with the OIDC credentials from Vault.
    const dex = nsChart('dex');
    const dexTemplate = kplus.ConfigMap.fromConfigMapName(dex, 'dex-config-template', 'dex-config-template');
    new eso.ExternalSecret(dex, 'dex-rendered-config', {
      ...hourly,
      metadata: { name: 'dex-rendered-config' },
      data: [
        value('DEX_OIDC_CLIENT_ID', 'auth/dex/DEX_OIDC_CLIENT_ID'),
        value('DEX_OIDC_CLIENT_SECRET', 'auth/dex/DEX_OIDC_CLIENT_SECRET'),
      ],
      template: eso.SecretTemplate.of({
        templateFrom: [eso.TemplateFrom.configMap(dexTemplate, [{ key: 'config.yaml' }])],
      }),
    });
  }

  // tailscale: operator OAuth client (was a plain Terraform-seeded Secret before migration followup 12).
  new eso.ExternalSecret(nsChart('tailscale'), 'tailscale-operator-oauth', {
    ...hourly,
    metadata: { name: 'tailscale-operator-oauth' },
    data: [
      value('TAILSCALE_OPERATOR_CLIENT_ID', 'infra/tailscale/TAILSCALE_OPERATOR_CLIENT_ID'),
      value('TAILSCALE_OPERATOR_CLIENT_SECRET', 'infra/tailscale/TAILSCALE_OPERATOR_CLIENT_SECRET'),
    ],
  });
}
