import { App, Chart } from 'cdk8s';
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

  return app;
}
