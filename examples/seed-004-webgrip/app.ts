import { App, Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as eso from '../../src';

/**
 * Seed 004 (WebGrip; ../shared/seeds/004_*): the in-cluster Vault (namespace `vault`), KV v2 at `kv`,
 * Kubernetes auth at `kubernetes` with role `external-secrets` bound to ESO's service account.
 */
export function buildApp(outdir?: string): App {
  const app = new App(outdir ? { outdir } : {});
  // Cluster-scoped objects (stores) live in the `configs` chart.
  const configs = new Chart(app, 'configs');

  // ESO's own service account is created by its Helm chart: reference it, don't create it.
  const esoSa = kplus.ServiceAccount.fromServiceAccountName(configs, 'eso-sa', 'external-secrets', {
    namespaceName: 'external-secrets',
  });

  const vault = new eso.ClusterSecretStore(configs, 'vault', {
    metadata: { name: 'vault' },
    provider: eso.SecretStoreProvider.vault({
      server: 'https://vault.vault.svc:8200',
      kv: eso.VaultKv.v2('kv'), // the mount, and its version, in one place
      auth: eso.VaultAuth.kubernetes({ role: 'external-secrets', serviceAccount: esoSa }),
    }),
  });
  void vault;

  // Backstage's database secret pushed into Vault (seed 004, `pushsecret-vault.yaml` in the Backstage app
  // base). The Secret `backstage-db-secret` is made by the database deployment, so it is referenced by
  // name. Remote keys are relative to the `kv` mount: kv/webgrip/prod/clusters/soyo/apps/backstage/db.
  // The role's policy needs create/read/update on kv/data/... AND kv/metadata/... for pushes (ESO writes
  // the managed-by marker to metadata, and never overwrites a Vault secret it did not create).
  const backstage = new Chart(app, 'backstage', { namespace: 'backstage' });
  const backstageDb = 'webgrip/prod/clusters/soyo/apps/backstage/db';
  new eso.PushSecret(backstage, 'backstage-db-credentials-to-vault', {
    metadata: { name: 'backstage-db-credentials-to-vault' },
    stores: [vault],
    secret: kplus.Secret.fromSecretName(backstage, 'backstage-db-secret', 'backstage-db-secret'),
    refreshInterval: Duration.hours(1),
    data: [
      eso.PushValue.property('username', backstageDb, 'username'),
      eso.PushValue.property('password', backstageDb, 'password'),
    ],
  });

  return app;
}
