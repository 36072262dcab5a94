import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as eso from '../../src';

/**
 * Seed 003 (TazLab; ../shared/seeds/003_*): the two-store model. `tazlab-secrets-vault` (Vault, KV v2 at
 * `secret`) serves every ExternalSecret; `tazlab-secrets` (Infisical, legacy) is kept for backward
 * compatibility and has no consumers.
 */
export function buildApp(outdir?: string): App {
  const app = new App(outdir ? { outdir } : {});
  // Cluster-scoped objects (stores) live in the `configs` chart.
  const configs = new Chart(app, 'configs');

  const esoSa = kplus.ServiceAccount.fromServiceAccountName(configs, 'eso-sa', 'external-secrets', {
    namespaceName: 'external-secrets',
  });

  // Primary: every key is mount-relative (`tazlab-k8s/static/<domain>/<consumer>/<KEY>`).
  const tazlabVault = new eso.ClusterSecretStore(configs, 'tazlab-secrets-vault', {
    metadata: { name: 'tazlab-secrets-vault' },
    provider: eso.SecretStoreProvider.vault({
      server: 'https://vault.tazlab.example.internal:8200',
      kv: eso.VaultKv.v2('secret'),
      auth: eso.VaultAuth.kubernetes({ mountPath: 'kubernetes', role: 'external-secrets', serviceAccount: esoSa }),
    }),
  });

  // Legacy Infisical store (deployed by Terraform upstream): empty credentials, zero consumers.
  const infisicalCreds = kplus.Secret.fromSecretName(configs, 'infisical-creds', 'infisical-universal-auth');
  const legacy = new eso.ClusterSecretStore(configs, 'tazlab-secrets', {
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
  void tazlabVault;
  void legacy;

  return app;
}
