import { App, Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
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

  // The local replica (reads only: perf replication is one-way primary → standby) and the primary region
  // (the only store PushSecrets write to).
  const { replica: region1, primary } = addRegionStores(configs, {
    replica: { name: 'vault-region1', server: 'https://openbao.region1.example.internal' },
    primary: { name: 'bao-primary', server: 'https://openbao.primary.example.internal' },
  });

  // "Password generator" (seed 000): generate → K8s Secret `db-credentials` → push to the primary only.
  const databases = new Chart(app, 'databases', { namespace: 'databases' });
  addDbPasswordPush(databases, databases, [primary]);
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
  const shopSecrets = addShopSecrets(acmeProd, region1, 'acme');
  new kplus.Deployment(acmeProd, 'shop', {
    metadata: { name: 'shop' },
    containers: [{
      image: 'registry.example.internal/acme/shop:1.0.0',
      envFrom: [kplus.Env.fromSecret(shopSecrets.targetSecret)],
    }],
  });

  return app;
}

/** The "ExternalSecret Template" of seeds 000/001: `shop-secrets`, read from `<org>/postgres` and `<org>/api-keys`. */
export function addShopSecrets(scope: Construct, store: eso.ISecretStore, org: string): eso.ExternalSecret {
  return new eso.ExternalSecret(scope, 'shop-secrets', {
    metadata: { name: 'shop-secrets' },
    store,
    refreshInterval: Duration.hours(1),
    target: { name: 'shop-secrets' },
    data: [
      eso.SecretValue.fromProperty('DATABASE_URL', `${org}/postgres`, 'url'),
      eso.SecretValue.fromProperty('API_KEY', `${org}/api-keys`, 'main'),
    ],
  });
}

/** ESO's own service account, created by its Helm chart: referenced, not created. */
export function esoServiceAccount(scope: Construct): kplus.IServiceAccount {
  return kplus.ServiceAccount.fromServiceAccountName(scope, 'eso-sa', 'external-secrets', {
    namespaceName: 'external-secrets',
  });
}

/** A Vault/OpenBao ClusterSecretStore (KV v2 at `secret`) that logs in with Kubernetes auth as ESO. */
export interface KubernetesAuthStoreOptions {
  readonly name: string;
  readonly server: string;
  /** @default 'external-secrets' */
  readonly role?: string;
  /** @default - none */
  readonly audiences?: string[];
}

/** A ClusterSecretStore named `options.name` (also its construct id) with Kubernetes auth as `serviceAccount`. */
export function addKubernetesAuthStore(scope: Construct, serviceAccount: kplus.IServiceAccount,
  options: KubernetesAuthStoreOptions): eso.ClusterSecretStore {
  return new eso.ClusterSecretStore(scope, options.name, {
    metadata: { name: options.name },
    provider: eso.SecretStoreProvider.vault({
      server: options.server,
      kv: eso.VaultKv.v2('secret'),
      auth: eso.VaultAuth.kubernetes({
        mountPath: 'kubernetes',
        role: options.role ?? 'external-secrets',
        serviceAccount,
        ...(options.audiences ? { audiences: options.audiences } : {}),
      }),
    }),
  });
}

/**
 * Seed 000's stores: ESO's service account, a read-only local replica (a PushSecret to it fails the synth)
 * and the writable primary.
 */
export function addRegionStores(scope: Construct, options: { replica: KubernetesAuthStoreOptions; primary: KubernetesAuthStoreOptions }) {
  const esoSa = esoServiceAccount(scope);
  const replica = addKubernetesAuthStore(scope, esoSa, options.replica);
  replica.markReadOnly();
  const primary = addKubernetesAuthStore(scope, esoSa, options.primary);
  return { replica, primary };
}

/**
 * Seed 000's "password generator": a PasswordGenerator (in `generatorScope`), the ExternalSecret that turns
 * it into the Secret `db-credentials`, and the PushSecret that writes it to `stores` (both in `scope`).
 *
 * Generate once: the seed's `refreshInterval: "0"` is emitted as refreshPolicy: CreatedOnce (the library's
 * default for Password/UUID sources). Rotation per the seed's table (DB passwords every 90 days) is opt-in:
 * refreshPolicy: eso.RefreshPolicy.PERIODIC, refreshInterval: Duration.days(90).
 */
export function addDbPasswordPush(generatorScope: Construct, scope: Construct, stores: eso.ISecretStore[]): eso.ExternalSecret {
  const dbPassword = new eso.PasswordGenerator(generatorScope, 'db-password-generator', {
    metadata: { name: 'db-password-generator' },
    length: 32,
    digits: 6,
    symbols: 4,
    noUpper: false,
    allowRepeat: true,
  });
  const dbCredentials = new eso.ExternalSecret(scope, 'db-password', {
    metadata: { name: 'db-password' },
    dataFrom: [eso.SecretSource.generator(dbPassword)],
    target: { name: 'db-credentials', creationPolicy: eso.CreationPolicy.OWNER },
  });
  new eso.PushSecret(scope, 'push-db-credentials', {
    metadata: { name: 'push-db-credentials' },
    stores,
    secret: dbCredentials.targetSecret,
    data: [eso.PushValue.property('password', 'databases/db-credentials', 'password')],
  });
  return dbCredentials;
}
