// Seed 004 (WebGrip) in Go: the same app as examples/seed-004-webgrip/app.ts, against the Go module that
// `npx projen package:go` generates into dist-pkg/go/ (go.mod replaces it locally).
//
// The in-cluster Vault (namespace `vault`), KV v2 at `kv`, Kubernetes auth at `kubernetes` with role
// `external-secrets` bound to ESO's service account. test/bindings/ checks that its output is byte-identical
// to the TypeScript example's (dist-seeds/seed-004-webgrip/).
//
// Usage: go run . OUTDIR
package main

import (
	"fmt"
	"os"

	"github.com/aws/jsii-runtime-go"
	"github.com/cdk8s-team/cdk8s-core-go/cdk8s/v2"
	"github.com/cdk8s-team/cdk8s-plus-go/cdk8splus28/v2"

	eso "github.com/cdk8s-external-secrets/cdk8s-external-secrets-go/cdk8sexternalsecrets"
)

func buildApp(outdir string) cdk8s.App {
	app := cdk8s.NewApp(&cdk8s.AppProps{Outdir: jsii.String(outdir)})
	// Cluster-scoped objects (stores) live in the `configs` chart.
	configs := cdk8s.NewChart(app, jsii.String("configs"), nil)

	// ESO's own service account is created by its Helm chart: reference it, don't create it.
	esoSa := cdk8splus28.ServiceAccount_FromServiceAccountName(configs, jsii.String("eso-sa"), jsii.String("external-secrets"),
		&cdk8splus28.FromServiceAccountNameOptions{NamespaceName: jsii.String("external-secrets")})

	vault := eso.NewClusterSecretStore(configs, jsii.String("vault"), &eso.ClusterSecretStoreProps{
		Metadata: &cdk8s.ApiObjectMetadata{Name: jsii.String("vault")},
		Provider: eso.SecretStoreProvider_Vault(&eso.VaultProviderProps{
			Server: jsii.String("https://vault.vault.svc:8200"),
			Kv:     eso.VaultKv_V2(jsii.String("kv")), // the mount, and its version, in one place
			// audience "vault": the role below expects it (Vault warns on roles without audience)
			Auth: eso.VaultAuth_Kubernetes(&eso.VaultKubernetesAuthOptions{
				Role: jsii.String("external-secrets"), ServiceAccount: esoSa, Audiences: jsii.Strings("vault"),
			}),
		}),
	})

	// Backstage's database secret pushed into Vault; remote keys are relative to the `kv` mount.
	backstage := cdk8s.NewChart(app, jsii.String("backstage"), &cdk8s.ChartProps{Namespace: jsii.String("backstage")})
	backstageDb := jsii.String("webgrip/prod/clusters/soyo/apps/backstage/db")
	eso.NewPushSecret(backstage, jsii.String("backstage-db-credentials-to-vault"), &eso.PushSecretProps{
		Metadata:        &cdk8s.ApiObjectMetadata{Name: jsii.String("backstage-db-credentials-to-vault")},
		Stores:          &[]eso.ISecretStore{vault},
		Secret:          cdk8splus28.Secret_FromSecretName(backstage, jsii.String("backstage-db-secret"), jsii.String("backstage-db-secret")),
		RefreshInterval: cdk8s.Duration_Hours(jsii.Number(1)),
		Data: &[]eso.PushValue{
			eso.PushValue_Property(jsii.String("username"), backstageDb, jsii.String("username"), nil),
			eso.PushValue_Property(jsii.String("password"), backstageDb, jsii.String("password"), nil),
		},
	})

	// An app reading its secrets, below the seed's `external-secrets/` subtree.
	example := cdk8s.NewChart(app, jsii.String("example"), &cdk8s.ChartProps{Namespace: jsii.String("example")})
	exampleApp := jsii.String("external-secrets/webgrip/prod/clusters/soyo/apps/example/app")
	eso.NewExternalSecret(example, jsii.String("example"), &eso.ExternalSecretProps{
		Metadata:        &cdk8s.ApiObjectMetadata{Name: jsii.String("example")},
		Store:           vault,
		RefreshInterval: cdk8s.Duration_Hours(jsii.Number(1)),
		Data: &[]eso.SecretValue{
			eso.SecretValue_FromProperty(jsii.String("username"), exampleApp, jsii.String("username"), nil),
			eso.SecretValue_FromProperty(jsii.String("password"), exampleApp, jsii.String("password"), nil),
		},
	})
	// Backstage's app secrets: every secret of its folder tagged for this cluster.
	eso.NewExternalSecret(backstage, jsii.String("backstage-app-secrets"), &eso.ExternalSecretProps{
		Metadata:        &cdk8s.ApiObjectMetadata{Name: jsii.String("backstage-app-secrets")},
		Store:           vault,
		RefreshInterval: cdk8s.Duration_Hours(jsii.Number(1)),
		DataFrom: &[]eso.SecretSource{eso.SecretSource_Find(&eso.FindOptions{
			Path: jsii.String("external-secrets/webgrip/prod/clusters/soyo/apps/backstage"),
			Tags: &map[string]*string{"cluster": jsii.String("soyo")},
		})},
	})

	// The Vault side for vault-config-operator in `vault-admin`: the seed's one-time setup as objects (KV v2
	// at kv/, Kubernetes auth at kubernetes/ and its config, token-reviewer RBAC), role and DERIVED policy.
	// The operator logs in through its own bootstrap mount auth/vault-config-operator (README "Vault bootstrap").
	vaultConfig := cdk8s.NewChart(app, jsii.String("vault-config"), &cdk8s.ChartProps{Namespace: jsii.String("vault-admin")})
	target := eso.VaultConfigOperator_AuthenticateAs(jsii.String("vault-admin"), &eso.VaultConfigOperatorOptions{
		Namespace:     jsii.String("vault-admin"),
		AuthMountPath: jsii.String("vault-config-operator"),
		Address:       jsii.String("https://vault.vault.svc:8200"),
	})
	vaultServer := cdk8splus28.ServiceAccount_FromServiceAccountName(vaultConfig, jsii.String("vault-server"), jsii.String("vault"),
		&cdk8splus28.FromServiceAccountNameOptions{NamespaceName: jsii.String("vault")})
	kvMount := eso.NewVaultSecretsMount(vaultConfig, jsii.String("kv"), &eso.VaultSecretsMountProps{
		Path:       jsii.String("kv"),
		Engine:     eso.VaultSecretsEngine_KvV2(),
		ObjectName: jsii.String("kv"),
		Target:     target,
	})
	authMount := eso.NewVaultAuthMount(vaultConfig, jsii.String("kubernetes"), &eso.VaultAuthMountProps{
		Path:       jsii.String("kubernetes"),
		ObjectName: jsii.String("kubernetes"),
		Target:     target,
	})
	eso.NewVaultKubernetesAuthConfig(vaultConfig, jsii.String("kubernetes-auth"), &eso.VaultKubernetesAuthConfigProps{
		Mount:         authMount,
		TokenReviewer: eso.TokenReviewer_VaultInCluster(vaultServer),
		BindingName:   jsii.String("vault-kubernetes-auth"),
		ObjectName:    jsii.String("kubernetes"),
		Target:        target,
	})
	vault.GrantVaultAccess(vaultConfig, jsii.String("vault-access"), &eso.VaultStoreAccessOptions{
		ServiceAccounts: &[]cdk8splus28.IServiceAccount{esoSa},
		Target:          target,
		AuthMount:       authMount,
		KvMount:         kvMount,
		Collapse:        eso.PathCollapse_Under(jsii.String("external-secrets")),
		TokenTtl:        cdk8s.Duration_Hours(jsii.Number(1)),
	})
	return app
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run . OUTDIR")
		os.Exit(2)
	}
	defer jsii.Close()
	outdir := os.Args[1]
	app := buildApp(outdir)
	if err := os.RemoveAll(outdir); err != nil { // no stale files from an earlier synth
		panic(err)
	}
	app.Synth()                             // validates the whole app first: any error panics, nothing is written
	eso.KustomizationFile_WriteFor(&outdir) // Flux applies only what a kustomization.yaml lists
}
