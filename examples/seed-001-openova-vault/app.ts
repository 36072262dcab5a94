import { App, Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as eso from '../../src';

/**
 * Seed 001 (OpenOva, older Vault variant; ../shared/seeds/001_*): two Vault regions, both writable
 * (PushSecret writes to both), KV v2 at `secret`, Kubernetes auth as ESO's service account.
 */
export function buildApp(outdir?: string): App {
  const app = new App(outdir ? { outdir } : {});
  // Cluster-scoped objects (stores) live in the `configs` chart.
  const configs = new Chart(app, 'configs');

  const esoSa = kplus.ServiceAccount.fromServiceAccountName(configs, 'eso-sa', 'external-secrets', {
    namespaceName: 'external-secrets',
  });

  const region1 = new eso.ClusterSecretStore(configs, 'vault-region1', {
    metadata: { name: 'vault-region1' },
    provider: eso.SecretStoreProvider.vault({
      server: 'https://vault.region1.example.internal',
      kv: eso.VaultKv.v2('secret'),
      auth: eso.VaultAuth.kubernetes({ mountPath: 'kubernetes', role: 'external-secrets', serviceAccount: esoSa }),
    }),
  });

  const region2 = new eso.ClusterSecretStore(configs, 'vault-region2', {
    metadata: { name: 'vault-region2' },
    provider: eso.SecretStoreProvider.vault({
      server: 'https://vault.region2.example.internal',
      kv: eso.VaultKv.v2('secret'),
      auth: eso.VaultAuth.kubernetes({ mountPath: 'kubernetes', role: 'external-secrets', serviceAccount: esoSa }),
    }),
  });
  void region1;
  void region2;

  // "Password generator" (seed 001): generate → K8s Secret `db-credentials` → one PushSecret to both
  // Vault regions (multi-region sync: both regions are writable here, unlike seed 000's replicas).
  const databases = new Chart(app, 'databases', { namespace: 'databases' });
  const dbPassword = new eso.PasswordGenerator(databases, 'db-password-generator', {
    metadata: { name: 'db-password-generator' },
    length: 32,
    digits: 6,
    symbols: 4,
    noUpper: false,
    allowRepeat: true,
  });
  // Generate once (`refreshInterval: "0"` in the seed → refreshPolicy: CreatedOnce, the library's default here).
  const dbCredentials = new eso.ExternalSecret(databases, 'db-password', {
    metadata: { name: 'db-password' },
    dataFrom: [eso.SecretSource.generator(dbPassword)],
    target: { name: 'db-credentials', creationPolicy: eso.CreationPolicy.OWNER },
  });
  new eso.PushSecret(databases, 'push-db-credentials', {
    metadata: { name: 'push-db-credentials' },
    stores: [region1, region2],
    secret: dbCredentials.targetSecret,
    data: [eso.PushValue.property('password', 'databases/db-credentials', 'password')],
  });

  // "ExternalSecret Template": `<service>-secrets` in `<tenant>-prod` (tenant "globex", service "shop").
  const tenantProd = new Chart(app, 'globex-prod', { namespace: 'globex-prod' });
  new eso.ExternalSecret(tenantProd, 'shop-secrets', {
    metadata: { name: 'shop-secrets' },
    store: region1,
    refreshInterval: Duration.hours(1),
    target: { name: 'shop-secrets' },
    data: [
      eso.SecretValue.fromProperty('DATABASE_URL', 'globex/postgres', 'url'),
      eso.SecretValue.fromProperty('API_KEY', 'globex/api-keys', 'main'),
    ],
  });

  return app;
}
