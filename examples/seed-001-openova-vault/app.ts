import { App, Chart } from 'cdk8s';
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

  return app;
}
