package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"
)

// The harness itself must refuse what upstream refuses: one object per stage, each with a good twin.
func TestHarnessStages(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared")
	bundle := filepath.Join(shared, "eso", "bundle.yaml")
	if _, err := os.Stat(bundle); err != nil {
		t.Skip("../shared/eso/bundle.yaml not present")
	}
	crds, scheme := setup([]string{bundle})
	cases := []struct {
		name, bad, good string
		refused         func(Verdict) string
	}{
		{"CRD CEL rule", `{apiVersion: generators.external-secrets.io/v1alpha1, kind: GitlabDeployToken, metadata: {name: t, namespace: ns},
			spec: {auth: {token: {secretRef: {name: g, key: t}}}, name: d, scopes: [read_registry], projectID: "1", groupID: "2"}}`,
			`{apiVersion: generators.external-secrets.io/v1alpha1, kind: GitlabDeployToken, metadata: {name: t, namespace: ns},
			spec: {auth: {token: {secretRef: {name: g, key: t}}}, name: d, scopes: [read_registry], projectID: "1"}}`,
			func(v Verdict) string {
				if len(v.CRDErrors) > 0 {
					return v.CRDErrors[0].Detail
				}
				return ""
			}},
		{"ESO store webhook", `{apiVersion: external-secrets.io/v1, kind: ClusterSecretStore, metadata: {name: v},
			spec: {refreshInterval: 1d, provider: {vault: {server: "https://v", auth: {tokenSecretRef: {name: t, key: k, namespace: ns}}}}}}`,
			`{apiVersion: external-secrets.io/v1, kind: ClusterSecretStore, metadata: {name: v},
			spec: {refreshInterval: 24h, provider: {vault: {server: "https://v", auth: {tokenSecretRef: {name: t, key: k, namespace: ns}}}}}}`,
			func(v Verdict) string { return v.ESOError }},
		{"decode (PushSecret duration)", `{apiVersion: external-secrets.io/v1alpha1, kind: PushSecret, metadata: {name: p, namespace: ns},
			spec: {refreshInterval: 1d, secretStoreRefs: [{name: v}], selector: {secret: {name: s}}}}`,
			`{apiVersion: external-secrets.io/v1alpha1, kind: PushSecret, metadata: {name: p, namespace: ns},
			spec: {refreshInterval: 24h, secretStoreRefs: [{name: v}], selector: {secret: {name: s}}}}`,
			func(v Verdict) string { return v.DecodeError }},
		{"run time (Go regexp)", `{apiVersion: external-secrets.io/v1, kind: ExternalSecret, metadata: {name: e, namespace: ns},
			spec: {secretStoreRef: {name: v, kind: ClusterSecretStore}, dataFrom: [{find: {name: {regexp: "a(b"}}}]}}`,
			`{apiVersion: external-secrets.io/v1, kind: ExternalSecret, metadata: {name: e, namespace: ns},
			spec: {secretStoreRef: {name: v, kind: ClusterSecretStore}, dataFrom: [{find: {name: {regexp: "a(b)"}}}]}}`,
			func(v Verdict) string { return strings.Join(v.RuntimeErrors, "; ") }},
		{"pruned unknown field", `{apiVersion: external-secrets.io/v1, kind: ExternalSecret, metadata: {name: e, namespace: ns},
			spec: {secretStoreRef: {name: v, kind: ClusterSecretStore}, data: [{secretKey: a, remoteRef: {key: k}}], typo: 1}}`,
			`{apiVersion: external-secrets.io/v1, kind: ExternalSecret, metadata: {name: e, namespace: ns},
			spec: {secretStoreRef: {name: v, kind: ClusterSecretStore}, data: [{secretKey: a, remoteRef: {key: k}}]}}`,
			func(v Verdict) string { return strings.Join(v.Pruned, ",") }},
	}
	for _, c := range cases {
		for _, good := range []bool{false, true} {
			src := c.bad
			if good {
				src = c.good
			}
			js, err := yaml.YAMLToJSON([]byte(src))
			if err != nil {
				t.Fatal(err)
			}
			v := judge(crds, scheme, 0, js)
			why := c.refused(v)
			if !v.Known || (why == "") != good {
				t.Errorf("%s (good=%v): refusal %q, verdict %+v", c.name, good, why, v)
			}
		}
	}
}
