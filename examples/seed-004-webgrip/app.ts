import { App, Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as eso from '../../src';

/**
 * Seed 004 (WebGrip; ../shared/seeds/004_*): the in-cluster Vault (namespace `vault`), KV v2 at `kv`,
 * Kubernetes auth at `kubernetes` with role `external-secrets` bound to ESO's service account; the seed's
 * one-time Vault setup (mounts, auth config, policy, role) as vault-config-operator objects.
 */
/** Variants of the seed 004 app (for tests). */
export interface Seed004Options {
  /** Attach the seed's hand-written policy instead of the derived one (synth then fails on the PushSecret). */
  readonly handWrittenPolicy?: boolean;
}

export function buildApp(outdir?: string, options: Seed004Options = {}): App {
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
      // audience "vault": the role below expects it (Vault warns on roles without audience)
      auth: eso.VaultAuth.kubernetes({ role: 'external-secrets', serviceAccount: esoSa, audiences: ['vault'] }),
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

  // An app reading its secrets (seed: `external-secret-example.yaml`). The seed's read policy is scoped to
  // the ESO subtree `kv/{data,metadata}/external-secrets/*`, so ESO-read secrets follow the
  // `<org>/<env>/clusters/<cluster>/apps/<app>/<purpose>` convention below `external-secrets/`.
  const example = new Chart(app, 'example', { namespace: 'example' });
  const exampleApp = 'external-secrets/webgrip/prod/clusters/soyo/apps/example/app';
  new eso.ExternalSecret(example, 'example', {
    metadata: { name: 'example' },
    store: vault,
    refreshInterval: Duration.hours(1),
    data: [
      eso.SecretValue.fromProperty('username', exampleApp, 'username'),
      eso.SecretValue.fromProperty('password', exampleApp, 'password'),
    ],
  });
  // Backstage's app secrets: every secret of its folder tagged for this cluster (find by tags lists and
  // reads metadata, hence the seed's list + read on kv/metadata/external-secrets/*).
  new eso.ExternalSecret(backstage, 'backstage-app-secrets', {
    metadata: { name: 'backstage-app-secrets' },
    store: vault,
    refreshInterval: Duration.hours(1),
    dataFrom: [eso.SecretSource.find({ path: 'external-secrets/webgrip/prod/clusters/soyo/apps/backstage', tags: { cluster: 'soyo' } })],
  });

  // The Vault side as YAML for vault-config-operator, in the admin namespace `vault-admin`. The seed's
  // one-time setup becomes objects: KV v2 at `kv/`, Kubernetes auth at `kubernetes/` and its config (Vault
  // runs in this cluster, so it reviews tokens with its own pod service account `vault/vault`, which gets
  // system:auth-delegator). The operator itself logs in through its own mount `auth/vault-config-operator`
  // as role `vault-admin`: that mount, role and policy are the bootstrap made before Flux applies anything
  // (README "Vault bootstrap"); it cannot create the mount it logs in through. Then the role
  // `external-secrets` (bound to the store's service account, token TTL 1h as in the seed) and the policy
  // `external-secrets` DERIVED from the objects above (reads widened to the seed's `external-secrets/`
  // subtree; the PushSecret's create/read/update stay on its exact key).
  const vaultConfig = new Chart(app, 'vault-config', { namespace: 'vault-admin' });
  const target = eso.VaultConfigOperator.authenticateAs('vault-admin', {
    namespace: 'vault-admin',
    authMountPath: 'vault-config-operator',
    address: 'https://vault.vault.svc:8200',
  });
  const vaultServer = kplus.ServiceAccount.fromServiceAccountName(vaultConfig, 'vault-server', 'vault', { namespaceName: 'vault' });
  // `vault secrets enable -path=kv kv-v2` and `vault auth enable -path=kubernetes kubernetes`
  const kvMount = new eso.VaultSecretsMount(vaultConfig, 'kv', { path: 'kv', engine: eso.VaultSecretsEngine.kvV2(), objectName: 'kv', target });
  const authMount = new eso.VaultAuthMount(vaultConfig, 'kubernetes', { path: 'kubernetes', objectName: 'kubernetes', target });
  // `vault write auth/kubernetes/config kubernetes_host=...` (+ the token-review RBAC)
  new eso.VaultKubernetesAuthConfig(vaultConfig, 'kubernetes-auth', {
    mount: authMount,
    tokenReviewer: eso.TokenReviewer.vaultInCluster(vaultServer),
    bindingName: 'vault-kubernetes-auth',
    objectName: 'kubernetes',
    target,
  });
  if (options.handWrittenPolicy) {
    // The seed's hand-written policy, verbatim: it lacks the PushSecret's grants, so synth fails
    // (ESO-VAULT-POLICY-COVERAGE) — the reason to derive the policy instead.
    const policy = new eso.VaultPolicy(vaultConfig, 'policy', {
      policyName: 'external-secrets',
      target,
      rules: [
        { path: 'kv/data/external-secrets/*', capabilities: [eso.VaultCapability.READ] },
        { path: 'kv/metadata/external-secrets/*', capabilities: [eso.VaultCapability.LIST, eso.VaultCapability.READ] },
      ],
    });
    new eso.VaultKubernetesAuthRole(vaultConfig, 'role', {
      roleName: 'external-secrets', mount: authMount, serviceAccounts: [esoSa], policies: [policy], audience: 'vault', tokenTtl: Duration.hours(1), target,
    });
  } else {
    vault.grantVaultAccess(vaultConfig, 'vault-access', {
      serviceAccounts: [esoSa],
      target,
      authMount,
      kvMount,
      collapse: eso.PathCollapse.under('external-secrets'),
      tokenTtl: Duration.hours(1),
    });
  }

  return app;
}
