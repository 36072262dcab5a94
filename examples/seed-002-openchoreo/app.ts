import { App, Chart } from 'cdk8s';
import * as eso from '../../src';

/**
 * Seed 002 (OpenChoreo; ../shared/seeds/002_*): bring your own ClusterSecretStore (referenced by name,
 * made elsewhere) and, for development, the `fake` provider with static values (explicitly opted in:
 * they end up in Git).
 */
export function buildApp(outdir?: string): App {
  const app = new App(outdir ? { outdir } : {});
  // Cluster-scoped objects (stores) live in the `configs` chart.
  const configs = new Chart(app, 'configs');

  // Development only: values are committed in plain text, hence the explicit opt-in.
  const devStore = new eso.ClusterSecretStore(configs, 'default', {
    metadata: { name: 'default' },
    provider: eso.SecretStoreProvider.fake({
      allowPlaintextInGit: true,
      data: [
        { key: 'github-pat', value: 'example-not-a-secret' },
        { key: 'docker-username', value: 'example-user' },
        { key: 'docker-password', value: 'example-not-a-secret' },
      ],
    }),
  });

  // The platform team's existing store ("Using Your Existing External Secrets Setup").
  const byoStore = eso.ClusterSecretStore.fromClusterSecretStoreName(configs, 'my-secret-store', 'my-secret-store');
  void devStore;
  void byoStore;

  return app;
}
