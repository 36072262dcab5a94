import * as path from 'path';
import { App, Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as eso from '../../src';
import { addDbPasswordPush, addRegionStores } from '../seed-000-openova/app';
import { addTazlabSecrets } from '../seed-003-tazlab/app';

/** Where the platform is written (and, from the repository root, where Flux finds it). */
export const PLATFORM_OUTDIR = 'dist';

/**
 * The end-to-end platform repo: the seeds composed into one cluster, laid out in Flux layers.
 *
 * ```
 * dist/flux/         Flux Kustomizations (point your bootstrap Kustomization here)
 * dist/controllers/  ESO 2.9.0 + vault-config-operator HelmReleases            wait
 * dist/configs/      OpenBao stores, Vault roles/policies, generator  -> controllers
 * dist/apps/         namespaces (made by the layout), ExternalSecrets, PushSecret, a workload -> configs
 * dist/dev/          dev overlay: fake store + its ExternalSecret              -> configs
 * ```
 *
 * - seed 000/001: OpenBao primary (writable) + a local read-only replica; the generated DB password is
 *   pushed to the primary only, and read back from the replica;
 * - seed 003: TazLab's ExternalSecrets (`property: value` convention, s3.conf template, wildcard TLS, 1h/24h);
 * - seed 004: WebGrip-style Vault access: the Kubernetes auth role of each store with a policy derived from
 *   what the app reads and pushes, applied by vault-config-operator;
 * - seed 002: a dev overlay layer with the `fake` provider (plaintext, explicitly opted in).
 */
export function buildPlatform(outdir: string = PLATFORM_OUTDIR, repositoryPath?: string): { app: App; layout: eso.FluxLayout } {
  // Flux sees the folder at its path inside the Git repository: the outdir, when it is relative to the root.
  repositoryPath = repositoryPath ?? (path.isAbsolute(outdir) ? 'dist' : outdir.split(path.sep).join('/'));
  const app = new App({ outdir });
  const layout = new eso.FluxLayout(app, 'flux', { source: eso.FluxSource.gitRepository('flux-system'), repositoryPath });

  // ---------------------------------------------------------------- configs: namespaces, stores, Vault, generator
  // The Namespaces the layers use are created by the layout, each in the earliest layer that needs it.

  const configs = new Chart(app, 'stores');
  // Seed 000's stores: reads go to the local replica (read-only: a PushSecret to it fails the synth),
  // writes to the primary only. ESO's service account comes with its Helm chart (controllers layer).
  const { replica, primary } = addRegionStores(configs, {
    replica: { name: 'openbao-replica', server: 'https://openbao.region1.example.internal:8200', role: 'eso-reader', audiences: ['vault'] },
    primary: { name: 'openbao-primary', server: 'https://openbao.primary.example.internal:8200', role: 'eso-writer', audiences: ['vault'] },
  });

  // Seed 004: the Vault side of each store, as vault-config-operator CRs in the admin namespace: the role
  // the store logs in with, bound to ESO's service account, and a least-privilege policy derived from
  // every ExternalSecret/PushSecret of the app that uses the store.
  const vaultConfig = new Chart(app, 'vault-access', { namespace: 'vault-admin' });
  const vaultAdmin = kplus.ServiceAccount.fromServiceAccountName(vaultConfig, 'vault-admin-sa', 'vault-admin', { namespaceName: 'vault-admin' });
  for (const [id, store, address] of [
    ['reader', replica, 'https://openbao.region1.example.internal:8200'],
    ['writer', primary, 'https://openbao.primary.example.internal:8200'],
  ] as const) {
    new eso.VaultStoreAccess(vaultConfig, id, {
      store,
      audience: 'vault',
      target: eso.VaultConfigOperator.authenticateAs('vault-admin', { namespace: 'vault-admin', serviceAccount: vaultAdmin, address }),
    });
  }

  // Seed 000: generate the database password once (configs: generators), keep it in Kubernetes and push it
  // to the primary (apps); every region reads it from its replica.
  const generators = new Chart(app, 'generators', { namespace: 'databases' });
  // ---------------------------------------------------------------- apps: ExternalSecrets, PushSecrets
  const databases = new Chart(app, 'databases', { namespace: 'databases' });
  addDbPasswordPush(generators, databases, [primary]);
  const apps = new Chart(app, 'apps', { namespace: 'apps' });
  const appDb = new eso.ExternalSecret(apps, 'app-db-credentials', {
    metadata: { name: 'app-db-credentials' },
    store: replica,
    refreshInterval: Duration.hours(1),
    data: [eso.SecretValue.fromProperty('DB_PASSWORD', 'databases/db-credentials', 'password')],
  });
  new kplus.Deployment(apps, 'shop', {
    metadata: { name: 'shop' },
    containers: [{
      image: 'registry.example.internal/acme/shop:1.0.0',
      envFrom: [kplus.Env.fromSecret(appDb.targetSecret)],
      securityContext: { user: 1000, group: 1000 },
    }],
  });

  // Seed 003: TazLab's ExternalSecrets, read from the replica (`tazlab-k8s/static/<domain>/<consumer>/<KEY>`,
  // `property: value`), hourly except the S3 credentials (24h).
  const tazlab: Chart[] = [];
  const tazlabChart = (ns: string) => {
    const c = new Chart(app, `tazlab-${ns}`, { namespace: ns });
    tazlab.push(c);
    return c;
  };
  addTazlabSecrets(tazlabChart, replica, {
    clusterTools: false,
    // One ExternalSecret per namespace (each in its own chart) instead of seed 003's ClusterExternalSecret.
    replicateWildcardTls: wildcard => {
      for (const ns of ['dex', 'auth', 'longhorn-system']) {
        eso.ExternalSecret.tls(tazlabChart(`${ns}-tls`), 'wildcard-tls', { ...wildcard, metadata: { name: 'wildcard-tls', namespace: ns } });
      }
    },
  });

  // ---------------------------------------------------------------- dev overlay (seed 002)
  const dev = layout.addLayer('dev', { dependsOn: [layout.configs] });
  const devChart = new Chart(app, 'dev', { namespace: 'dev' });
  // Development only: the fake provider's values end up in Git, hence the explicit opt-in.
  const fake = new eso.SecretStore(devChart, 'fake', {
    metadata: { name: 'fake' },
    provider: eso.SecretStoreProvider.fake({
      allowPlaintextInGit: true,
      data: [
        { key: 'github-pat', value: 'example-not-a-secret' },
        { key: 'docker-username', value: 'example-user' },
      ],
    }),
  });
  new eso.ExternalSecret(devChart, 'dev-app-secrets', {
    metadata: { name: 'app-secrets' },
    store: fake,
    refreshInterval: Duration.hours(1),
    target: { name: 'app-secrets', creationPolicy: eso.CreationPolicy.OWNER },
    data: [eso.SecretValue.fromKey('github-pat', 'github-pat')],
  });

  layout.configs.add(configs, vaultConfig, generators);
  layout.apps.add(databases, apps, ...tazlab);
  dev.add(devChart);
  return { app, layout };
}
