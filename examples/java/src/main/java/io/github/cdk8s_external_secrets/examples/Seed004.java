package io.github.cdk8s_external_secrets.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.cdk8s.ApiObjectMetadata;
import org.cdk8s.App;
import org.cdk8s.AppProps;
import org.cdk8s.Chart;
import org.cdk8s.ChartProps;
import org.cdk8s.Duration;
import org.cdk8s.plus28.FromServiceAccountNameOptions;
import org.cdk8s.plus28.IServiceAccount;
import org.cdk8s.plus28.Secret;
import org.cdk8s.plus28.ServiceAccount;

import io.github.cdk8s_external_secrets.ClusterSecretStore;
import io.github.cdk8s_external_secrets.ExternalSecret;
import io.github.cdk8s_external_secrets.FindOptions;
import io.github.cdk8s_external_secrets.KustomizationFile;
import io.github.cdk8s_external_secrets.PathCollapse;
import io.github.cdk8s_external_secrets.PushSecret;
import io.github.cdk8s_external_secrets.PushValue;
import io.github.cdk8s_external_secrets.SecretSource;
import io.github.cdk8s_external_secrets.SecretStoreProvider;
import io.github.cdk8s_external_secrets.SecretValue;
import io.github.cdk8s_external_secrets.TokenReviewer;
import io.github.cdk8s_external_secrets.VaultAuth;
import io.github.cdk8s_external_secrets.VaultAuthMount;
import io.github.cdk8s_external_secrets.VaultAuthMountProps;
import io.github.cdk8s_external_secrets.VaultConfigOperator;
import io.github.cdk8s_external_secrets.VaultConfigOperatorOptions;
import io.github.cdk8s_external_secrets.VaultConfigTarget;
import io.github.cdk8s_external_secrets.VaultKubernetesAuthConfig;
import io.github.cdk8s_external_secrets.VaultKubernetesAuthConfigProps;
import io.github.cdk8s_external_secrets.VaultKubernetesAuthOptions;
import io.github.cdk8s_external_secrets.VaultKv;
import io.github.cdk8s_external_secrets.VaultProviderProps;
import io.github.cdk8s_external_secrets.VaultSecretsEngine;
import io.github.cdk8s_external_secrets.VaultSecretsMount;
import io.github.cdk8s_external_secrets.VaultSecretsMountProps;
import io.github.cdk8s_external_secrets.VaultStoreAccessOptions;

/**
 * Seed 004 (WebGrip) in Java: the same app as examples/seed-004-webgrip/app.ts. The in-cluster Vault (namespace
 * {@code vault}), KV v2 at {@code kv}, Kubernetes auth with role {@code external-secrets} bound to ESO's service
 * account. test/bindings/run.sh checks that its output is byte-identical to the TypeScript example's.
 */
public final class Seed004 {
    private Seed004() {
    }

    static App buildApp(String outdir) {
        App app = new App(AppProps.builder().outdir(outdir).build());
        // Cluster-scoped objects (stores) live in the `configs` chart.
        Chart configs = new Chart(app, "configs");

        // ESO's own service account is created by its Helm chart: reference it, don't create it.
        IServiceAccount esoSa = ServiceAccount.fromServiceAccountName(configs, "eso-sa", "external-secrets",
                FromServiceAccountNameOptions.builder().namespaceName("external-secrets").build());

        ClusterSecretStore vault = ClusterSecretStore.Builder.create(configs, "vault")
                .metadata(ApiObjectMetadata.builder().name("vault").build())
                .provider(SecretStoreProvider.vault(VaultProviderProps.builder()
                        .server("https://vault.vault.svc:8200")
                        .kv(VaultKv.v2("kv")) // the mount, and its version, in one place
                        // audience "vault": the role below expects it (Vault warns on roles without audience)
                        .auth(VaultAuth.kubernetes(VaultKubernetesAuthOptions.builder()
                                .role("external-secrets").serviceAccount(esoSa).audiences(List.of("vault")).build()))
                        .build()))
                .build();

        // Backstage's database secret pushed into Vault; remote keys are relative to the `kv` mount.
        Chart backstage = new Chart(app, "backstage", ChartProps.builder().namespace("backstage").build());
        String backstageDb = "webgrip/prod/clusters/soyo/apps/backstage/db";
        PushSecret.Builder.create(backstage, "backstage-db-credentials-to-vault")
                .metadata(ApiObjectMetadata.builder().name("backstage-db-credentials-to-vault").build())
                .stores(List.of(vault))
                .secret(Secret.fromSecretName(backstage, "backstage-db-secret", "backstage-db-secret"))
                .refreshInterval(Duration.hours(1))
                .data(List.of(
                        PushValue.property("username", backstageDb, "username"),
                        PushValue.property("password", backstageDb, "password")))
                .build();

        // An app reading its secrets, below the seed's `external-secrets/` subtree.
        Chart example = new Chart(app, "example", ChartProps.builder().namespace("example").build());
        String exampleApp = "external-secrets/webgrip/prod/clusters/soyo/apps/example/app";
        ExternalSecret.Builder.create(example, "example")
                .metadata(ApiObjectMetadata.builder().name("example").build())
                .store(vault)
                .refreshInterval(Duration.hours(1))
                .data(List.of(
                        SecretValue.fromProperty("username", exampleApp, "username"),
                        SecretValue.fromProperty("password", exampleApp, "password")))
                .build();
        // Backstage's app secrets: every secret of its folder tagged for this cluster.
        ExternalSecret.Builder.create(backstage, "backstage-app-secrets")
                .metadata(ApiObjectMetadata.builder().name("backstage-app-secrets").build())
                .store(vault)
                .refreshInterval(Duration.hours(1))
                .dataFrom(List.of(SecretSource.find(FindOptions.builder()
                        .path("external-secrets/webgrip/prod/clusters/soyo/apps/backstage")
                        .tags(Map.of("cluster", "soyo"))
                        .build())))
                .build();

        // The Vault side for vault-config-operator in `vault-admin`: the seed's one-time setup as objects (KV v2
        // at kv/, Kubernetes auth at kubernetes/ and its config, token-reviewer RBAC), role and DERIVED policy.
        // The operator logs in through its own bootstrap mount auth/vault-config-operator (README "Vault bootstrap").
        Chart vaultConfig = new Chart(app, "vault-config", ChartProps.builder().namespace("vault-admin").build());
        VaultConfigTarget target = VaultConfigOperator.authenticateAs("vault-admin",
                VaultConfigOperatorOptions.builder()
                        .namespace("vault-admin")
                        .authMountPath("vault-config-operator")
                        .address("https://vault.vault.svc:8200")
                        .build());
        IServiceAccount vaultServer = ServiceAccount.fromServiceAccountName(vaultConfig, "vault-server", "vault",
                FromServiceAccountNameOptions.builder().namespaceName("vault").build());
        VaultSecretsMount kvMount = new VaultSecretsMount(vaultConfig, "kv", VaultSecretsMountProps.builder()
                .path("kv")
                .engine(VaultSecretsEngine.kvV2())
                .objectName("kv")
                .target(target)
                .build());
        VaultAuthMount authMount = new VaultAuthMount(vaultConfig, "kubernetes", VaultAuthMountProps.builder()
                .path("kubernetes")
                .objectName("kubernetes")
                .target(target)
                .build());
        new VaultKubernetesAuthConfig(vaultConfig, "kubernetes-auth", VaultKubernetesAuthConfigProps.builder()
                .mount(authMount)
                .tokenReviewer(TokenReviewer.vaultInCluster(vaultServer))
                .bindingName("vault-kubernetes-auth")
                .objectName("kubernetes")
                .target(target)
                .build());
        vault.grantVaultAccess(vaultConfig, "vault-access", VaultStoreAccessOptions.builder()
                .serviceAccounts(List.of(esoSa))
                .target(target)
                .authMount(authMount)
                .kvMount(kvMount)
                .collapse(PathCollapse.under("external-secrets"))
                .tokenTtl(Duration.hours(1))
                .build());
        return app;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Seed004 OUTDIR");
            System.exit(2);
        }
        String outdir = args[0];
        App app = buildApp(outdir);
        Path out = Paths.get(outdir);
        if (Files.exists(out)) { // no stale files from an earlier synth
            try (Stream<Path> paths = Files.walk(out)) {
                for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
        app.synth(); // validates the whole app first: any error throws, nothing is written
        KustomizationFile.writeFor(outdir); // Flux applies only what a kustomization.yaml lists
    }
}
