"""Seed 004 (WebGrip) in Python: the same app as examples/seed-004-webgrip/app.ts.

The in-cluster Vault (namespace ``vault``), KV v2 at ``kv``, Kubernetes auth at ``kubernetes`` with role
``external-secrets`` bound to ESO's service account. test/bindings/ checks that its output is byte-identical
to the TypeScript example's (dist-seeds/seed-004-webgrip/).

Usage: ``python examples/python/app.py [OUTDIR]`` (default ``dist-python/seed-004-webgrip``).
"""
import shutil
import sys

import cdk8s_plus_28 as kplus
from cdk8s import App, Chart, Duration

import cdk8s_external_secrets as eso


def build_app(outdir: str) -> App:
    app = App(outdir=outdir)
    # Cluster-scoped objects (stores) live in the `configs` chart.
    configs = Chart(app, "configs")

    # ESO's own service account is created by its Helm chart: reference it, don't create it.
    eso_sa = kplus.ServiceAccount.from_service_account_name(
        configs, "eso-sa", "external-secrets", namespace_name="external-secrets"
    )

    vault = eso.ClusterSecretStore(
        configs,
        "vault",
        metadata={"name": "vault"},
        provider=eso.SecretStoreProvider.vault(
            server="https://vault.vault.svc:8200",
            kv=eso.VaultKv.v2("kv"),  # the mount, and its version, in one place
            # audience "vault": the role below expects it (Vault warns on roles without audience)
            auth=eso.VaultAuth.kubernetes(role="external-secrets", service_account=eso_sa, audiences=["vault"]),
        ),
    )

    # Backstage's database secret pushed into Vault; remote keys are relative to the `kv` mount.
    backstage = Chart(app, "backstage", namespace="backstage")
    backstage_db = "webgrip/prod/clusters/soyo/apps/backstage/db"
    eso.PushSecret(
        backstage,
        "backstage-db-credentials-to-vault",
        metadata={"name": "backstage-db-credentials-to-vault"},
        stores=[vault],
        secret=kplus.Secret.from_secret_name(backstage, "backstage-db-secret", "backstage-db-secret"),
        refresh_interval=Duration.hours(1),
        data=[
            eso.PushValue.property("username", backstage_db, "username"),
            eso.PushValue.property("password", backstage_db, "password"),
        ],
    )

    # An app reading its secrets, below the seed's `external-secrets/` subtree.
    example = Chart(app, "example", namespace="example")
    example_app = "external-secrets/webgrip/prod/clusters/soyo/apps/example/app"
    eso.ExternalSecret(
        example,
        "example",
        metadata={"name": "example"},
        store=vault,
        refresh_interval=Duration.hours(1),
        data=[
            eso.SecretValue.from_property("username", example_app, "username"),
            eso.SecretValue.from_property("password", example_app, "password"),
        ],
    )
    # Backstage's app secrets: every secret of its folder tagged for this cluster.
    eso.ExternalSecret(
        backstage,
        "backstage-app-secrets",
        metadata={"name": "backstage-app-secrets"},
        store=vault,
        refresh_interval=Duration.hours(1),
        data_from=[
            eso.SecretSource.find(
                path="external-secrets/webgrip/prod/clusters/soyo/apps/backstage", tags={"cluster": "soyo"}
            )
        ],
    )

    # The Vault side for vault-config-operator in `vault-admin`: the seed's one-time setup as objects (KV v2
    # at kv/, Kubernetes auth at kubernetes/ and its config, token-reviewer RBAC), role and DERIVED policy.
    # The operator logs in through its own bootstrap mount auth/vault-config-operator (README "Vault bootstrap").
    vault_config = Chart(app, "vault-config", namespace="vault-admin")
    target = eso.VaultConfigOperator.authenticate_as(
        "vault-admin",
        namespace="vault-admin",
        auth_mount_path="vault-config-operator",
        address="https://vault.vault.svc:8200",
    )
    vault_server = kplus.ServiceAccount.from_service_account_name(
        vault_config, "vault-server", "vault", namespace_name="vault"
    )
    kv_mount = eso.VaultSecretsMount(
        vault_config, "kv", path="kv", engine=eso.VaultSecretsEngine.kv_v2(), object_name="kv", target=target
    )
    auth_mount = eso.VaultAuthMount(vault_config, "kubernetes", path="kubernetes", object_name="kubernetes", target=target)
    eso.VaultKubernetesAuthConfig(
        vault_config,
        "kubernetes-auth",
        mount=auth_mount,
        token_reviewer=eso.TokenReviewer.vault_in_cluster(vault_server),
        binding_name="vault-kubernetes-auth",
        object_name="kubernetes",
        target=target,
    )
    vault.grant_vault_access(
        vault_config,
        "vault-access",
        service_accounts=[eso_sa],
        target=target,
        auth_mount=auth_mount,
        kv_mount=kv_mount,
        collapse=eso.PathCollapse.under("external-secrets"),
        token_ttl=Duration.hours(1),
    )
    return app


def main(outdir: str) -> None:
    app = build_app(outdir)
    shutil.rmtree(outdir, ignore_errors=True)  # no stale files from an earlier synth
    app.synth()  # validates the whole app first: any error raises, nothing is written
    eso.KustomizationFile.write_for(outdir)  # Flux applies only what a kustomization.yaml lists


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dist-python/seed-004-webgrip")
