import { App, Chart } from 'cdk8s';
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

  return app;
}
