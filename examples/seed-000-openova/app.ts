import { App, Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as eso from '../../src';

/**
 * Seed 000 (OpenOva, OpenBao backend; ../shared/seeds/000_*): one OpenBao per region with async
 * performance replication. ExternalSecrets read the local replica (`vault-region1`, read-only);
 * PushSecrets write to the primary (`bao-primary`). Both use Kubernetes auth as ESO's service account
 * (OpenBao speaks the Vault API, and the dedicated `openBao` provider has no Kubernetes auth).
 */
export function buildApp(outdir?: string): App {
  const app = new App(outdir ? { outdir } : {});
  // Cluster-scoped objects (stores) live in the `configs` chart.
  const configs = new Chart(app, 'configs');

  // ESO's own service account is created by its Helm chart: reference it, don't create it.
  const esoSa = kplus.ServiceAccount.fromServiceAccountName(configs, 'eso-sa', 'external-secrets', {
    namespaceName: 'external-secrets',
  });

  // The local replica: reads only (perf replication is one-way primary → standby).
  const region1 = new eso.ClusterSecretStore(configs, 'vault-region1', {
    metadata: { name: 'vault-region1' },
    provider: eso.SecretStoreProvider.vault({
      server: 'https://openbao.region1.example.internal',
      kv: eso.VaultKv.v2('secret'),
      auth: eso.VaultAuth.kubernetes({ mountPath: 'kubernetes', role: 'external-secrets', serviceAccount: esoSa }),
    }),
  });
  region1.markReadOnly();

  // The primary region: the only store PushSecrets write to.
  const primary = new eso.ClusterSecretStore(configs, 'bao-primary', {
    metadata: { name: 'bao-primary' },
    provider: eso.SecretStoreProvider.vault({
      server: 'https://openbao.primary.example.internal',
      kv: eso.VaultKv.v2('secret'),
      auth: eso.VaultAuth.kubernetes({ mountPath: 'kubernetes', role: 'external-secrets', serviceAccount: esoSa }),
    }),
  });
  void primary;

  // "Password generator" (seed 000): generate → K8s Secret `db-credentials` → push to the primary only.
  const databases = new Chart(app, 'databases', { namespace: 'databases' });
  const dbPassword = new eso.PasswordGenerator(databases, 'db-password-generator', {
    metadata: { name: 'db-password-generator' },
    length: 32,
    digits: 6,
    symbols: 4,
    noUpper: false,
    allowRepeat: true,
  });
  // Generate once: the seed's `refreshInterval: "0"` is emitted as refreshPolicy: CreatedOnce (the
  // library's default for Password/UUID sources). Rotation per the seed's table (DB passwords every 90
  // days) is opt-in: refreshPolicy: eso.RefreshPolicy.PERIODIC, refreshInterval: Duration.days(90).
  const dbCredentials = new eso.ExternalSecret(databases, 'db-password', {
    metadata: { name: 'db-password' },
    dataFrom: [eso.SecretSource.generator(dbPassword)],
    target: { name: 'db-credentials', creationPolicy: eso.CreationPolicy.OWNER },
  });
  // Writes hit the primary region only: vault-region1 is a read-only replica (a push to it fails the synth).
  new eso.PushSecret(databases, 'push-db-credentials', {
    metadata: { name: 'push-db-credentials' },
    stores: [primary],
    secret: dbCredentials.targetSecret,
    data: [eso.PushValue.property('password', 'databases/db-credentials', 'password')],
  });
  // Each region then reads the replicated value from its local replica: pushing to the primary and
  // reading the same key from a replica is not a loop.
  const apps = new Chart(app, 'apps', { namespace: 'apps' });
  new eso.ExternalSecret(apps, 'app-db-credentials', {
    metadata: { name: 'app-db-credentials' },
    store: region1,
    data: [eso.SecretValue.fromProperty('DB_PASSWORD', 'databases/db-credentials', 'password')],
  });

  // "ExternalSecret Template": `<service>-secrets` in `<org>-prod` (org "acme", service "shop"), read from
  // the local replica; the workload gets every key as an env var through `targetSecret`.
  const acmeProd = new Chart(app, 'acme-prod', { namespace: 'acme-prod' });
  const shopSecrets = new eso.ExternalSecret(acmeProd, 'shop-secrets', {
    metadata: { name: 'shop-secrets' },
    store: region1,
    refreshInterval: Duration.hours(1),
    target: { name: 'shop-secrets' },
    data: [
      eso.SecretValue.fromProperty('DATABASE_URL', 'acme/postgres', 'url'),
      eso.SecretValue.fromProperty('API_KEY', 'acme/api-keys', 'main'),
    ],
  });
  new kplus.Deployment(acmeProd, 'shop', {
    metadata: { name: 'shop' },
    containers: [{
      image: 'registry.example.internal/acme/shop:1.0.0',
      envFrom: [kplus.Env.fromSecret(shopSecrets.targetSecret)],
    }],
  });

  return app;
}
