import { App, Chart, Duration } from 'cdk8s';
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

  // "Creating ExternalSecrets": an app's secrets from the bring-your-own store (kind is emitted from the
  // store object; the store is not declared here, so the validator only warns that it must exist).
  const myApp = new Chart(app, 'my-app', { namespace: 'my-app' });
  new eso.ExternalSecret(myApp, 'app-secrets', {
    metadata: { name: 'app-secrets' },
    store: byoStore,
    refreshInterval: Duration.hours(1),
    target: { name: 'app-secrets', creationPolicy: eso.CreationPolicy.OWNER },
    data: [eso.SecretValue.fromProperty('database-url', 'my-app/database', 'url')],
  });

  return app;
}
