import { App, Chart } from 'cdk8s';
import { addDbPasswordPush, addShopSecrets, addKubernetesAuthStore, esoServiceAccount } from '../seed-000-openova/app';

/**
 * Seed 001 (OpenOva, older Vault variant; ../shared/seeds/001_*): two Vault regions, both writable
 * (PushSecret writes to both), KV v2 at `secret`, Kubernetes auth as ESO's service account.
 */
export function buildApp(outdir?: string): App {
  const app = new App(outdir ? { outdir } : {});
  // Cluster-scoped objects (stores) live in the `configs` chart.
  const configs = new Chart(app, 'configs');

  const esoSa = esoServiceAccount(configs);
  const region1 = addKubernetesAuthStore(configs, esoSa, { name: 'vault-region1', server: 'https://vault.region1.example.internal' });
  const region2 = addKubernetesAuthStore(configs, esoSa, { name: 'vault-region2', server: 'https://vault.region2.example.internal' });

  // "Password generator" (seed 001, the same section as seed 000's): generate once → K8s Secret
  // `db-credentials` → one PushSecret to both Vault regions (multi-region sync: both regions are writable
  // here, unlike seed 000's replicas).
  const databases = new Chart(app, 'databases', { namespace: 'databases' });
  addDbPasswordPush(databases, databases, [region1, region2]);

  // "ExternalSecret Template": `<service>-secrets` in `<tenant>-prod` (tenant "globex", service "shop").
  const tenantProd = new Chart(app, 'globex-prod', { namespace: 'globex-prod' });
  addShopSecrets(tenantProd, region1, 'globex');

  return app;
}
