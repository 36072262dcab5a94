package main

// These tests run on the host (plain `go test`). The differential tests run
// Flux's own packages (github.com/fluxcd/pkg/kustomize, on disk, exactly as
// kustomize-controller calls them) next to the in-memory engine and require
// the same objects and the same errors.

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	fluxkustomize "github.com/fluxcd/pkg/kustomize"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
)

type fixture struct {
	name      string
	files     map[string]string
	path      string
	spec      map[string]interface{}
	strict    bool
	wantError string // substring; empty = success
}

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: original
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.25
`

func cm(name string, extra string) string {
	return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n" + extra
}

func fixtures() []fixture {
	return []fixture{
		{
			name: "generated kustomization, nested kustomization as one unit",
			files: map[string]string{
				"apps/a.yaml":                   cm("a", ""),
				"apps/b.yml":                    cm("b", "data:\n  k: v\n"),
				"apps/notes.txt":                "not yaml",
				"apps/data.json":                `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"json"}}`,
				"apps/sub/c.yaml":               cm("c", ""),
				"apps/unit/kustomization.yaml":  "resources: [d.yaml]\nnamePrefix: unit-\n",
				"apps/unit/d.yaml":              cm("d", ""),
				"apps/unit/not-listed.yaml":     cm("never", ""),
				"apps/unit/deeper/ignored.yaml": cm("ignored", ""),
			},
			path: "./apps",
			spec: map[string]interface{}{"targetNamespace": "tn"},
		},
		{
			name: "non-Kubernetes YAML in a generated folder",
			files: map[string]string{
				"apps/a.yaml":      cm("a", ""),
				"apps/values.yaml": "replicaCount: 2\nimage: nginx\n",
			},
			path:      "apps",
			spec:      map[string]interface{}{},
			wantError: "failed to decode Kubernetes YAML from",
		},
		{
			name: "empty generated folder",
			files: map[string]string{
				"apps/readme.md": "# nothing",
			},
			path: "apps",
			spec: map[string]interface{}{},
		},
		{
			name: "targetNamespace, namePrefix, patches, images, components",
			files: map[string]string{
				"base/kustomization.yaml": "resources: [deploy.yaml]\n",
				"base/deploy.yaml":        deployment,
				"prod/kustomization.yaml": `namespace: from-file
namePrefix: file-
resources: [../base, cm.yaml]
patches:
- path: replicas.yaml
images:
- name: nginx
  newTag: "1.26"
`,
				"prod/cm.yaml":       cm("settings", "data:\n  a: b\n"),
				"prod/replicas.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: original\nspec:\n  replicas: 3\n",
				"components/labels/kustomization.yaml": `apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
labels:
- pairs: {tier: frontend}
`,
			},
			path: "prod",
			spec: map[string]interface{}{
				"targetNamespace": "apps",
				"namePrefix":      "flux-",
				"nameSuffix":      "-v1",
				"patches": []interface{}{
					map[string]interface{}{
						"patch":  "- op: add\n  path: /metadata/annotations\n  value: {patched: json6902}\n",
						"target": map[string]interface{}{"kind": "Deployment", "name": "web"},
					},
					map[string]interface{}{
						"patch":  "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: any\ndata:\n  smp: \"yes\"\n",
						"target": map[string]interface{}{"kind": "ConfigMap"},
					},
				},
				"components":              []interface{}{"../components/labels", "../components/missing"},
				"ignoreMissingComponents": true,
				"images": []interface{}{
					map[string]interface{}{"name": "nginx", "digest": "sha256:0000000000000000000000000000000000000000000000000000000000000000"},
					map[string]interface{}{"name": "busybox", "newName": "mirror/busybox"},
				},
				"commonMetadata": map[string]interface{}{
					"labels":      map[string]interface{}{"team": "platform"},
					"annotations": map[string]interface{}{"owner": "ops"},
				},
			},
		},
		{
			name: "missing component without ignoreMissingComponents",
			files: map[string]string{
				"kustomization.yaml": "resources: [a.yaml]\n",
				"a.yaml":             cm("a", ""),
			},
			spec:      map[string]interface{}{"components": []interface{}{"components/missing"}},
			wantError: "components/missing",
		},
		{
			name: "remote component is refused",
			files: map[string]string{
				"kustomization.yaml": "resources: [a.yaml]\n",
				"a.yaml":             cm("a", ""),
			},
			spec:      map[string]interface{}{"components": []interface{}{"https://github.com/org/repo//c"}},
			wantError: "must be local and relative",
		},
		{
			name: "secretGenerator and configMapGenerator",
			files: map[string]string{
				"kustomization.yaml": `resources: [deploy.yaml]
secretGenerator:
- name: creds
  literals: [password=s3cret]
configMapGenerator:
- name: env
  files: [app.env]
`,
				"deploy.yaml": deployment,
				"app.env":     "A=1\n",
			},
			spec: map[string]interface{}{"namePrefix": "x-"},
		},
		{
			name: "missing resource",
			files: map[string]string{
				"kustomization.yaml": "resources: [a.yaml, missing.yaml]\n",
				"a.yaml":             cm("a", ""),
			},
			wantError: "missing.yaml",
		},
		{
			name:      "missing path",
			files:     map[string]string{"a.yaml": cm("a", "")},
			path:      "./does/not/exist",
			wantError: "kustomization path not found",
		},
		{
			name: "bad patch",
			files: map[string]string{
				"kustomization.yaml": "resources: [a.yaml]\npatches:\n- path: p.yaml\n",
				"a.yaml":             cm("a", ""),
				"p.yaml":             "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nope\n",
			},
			wantError: "no resource matches strategic merge patch",
		},
		{
			name: "cycle",
			files: map[string]string{
				"a/kustomization.yaml": "resources: [../b]\n",
				"b/kustomization.yaml": "resources: [../a]\n",
			},
			path:      "a",
			wantError: "cycle",
		},
		{
			name: "helmCharts",
			files: map[string]string{
				"kustomization.yaml": "helmCharts:\n- name: podinfo\n  repo: https://stefanprodan.github.io/podinfo\n  version: 6.0.0\n",
			},
			wantError: "must specify --enable-helm",
		},
		{
			name: "local-config dropped, unknown top-level field dropped",
			files: map[string]string{
				"kustomization.yaml": "resources: [a.yaml, local.yaml]\nnotAField: true\n",
				"a.yaml":             cm("a", ""),
				"local.yaml":         cm("local", "  annotations:\n    config.kubernetes.io/local-config: \"true\"\n"),
			},
		},
		{
			name: "no resources keeps the origin annotation",
			files: map[string]string{
				"kustomization.yaml": "configMapGenerator:\n- name: gen\n  literals: [a=b]\n",
			},
		},
		{
			name: "buildMetadata from the spec",
			files: map[string]string{
				"kustomization.yaml": "resources: [a.yaml]\n",
				"a.yaml":             cm("a", ""),
			},
			spec: map[string]interface{}{"buildMetadata": []interface{}{"originAnnotations", "transformerAnnotations"}, "namePrefix": "p-"},
		},
		{
			name: "substitution with inline variables",
			files: map[string]string{
				"kustomization.yaml": "resources: [a.yaml, b.yaml, c.yaml]\n",
				"a.yaml":             cm("${APP}-env", "data:\n  store: ${STORE:=onepassword}\n  escaped: $${X}\n  replicas: \"${N}\"\n"),
				"b.yaml":             cm("optout", "  labels:\n    kustomize.toolkit.fluxcd.io/substitute: disabled\ndata:\n  keep: ${APP}\n"),
				"c.yaml":             cm("c", "  annotations:\n    kustomize.toolkit.fluxcd.io/substitute: disabled\ndata:\n  keep: ${UNDEFINED}\n"),
			},
			spec: map[string]interface{}{"postBuild": map[string]interface{}{
				"substitute": map[string]interface{}{"APP": "shop", "N": "3"},
			}},
			strict: true,
		},
		{
			name: "strict mode, undefined variable",
			files: map[string]string{
				"kustomization.yaml": "resources: [a.yaml]\n",
				"a.yaml":             cm("a", "data:\n  x: ${UNDEFINED}\n"),
			},
			spec: map[string]interface{}{"postBuild": map[string]interface{}{
				"substitute": map[string]interface{}{"APP": "shop"},
			}},
			strict:    true,
			wantError: "variable not set (strict mode)",
		},
		{
			name: "non-strict mode, undefined variable is empty",
			files: map[string]string{
				"kustomization.yaml": "resources: [a.yaml]\n",
				"a.yaml":             cm("a", "data:\n  x: ${UNDEFINED}\n"),
			},
			spec: map[string]interface{}{"postBuild": map[string]interface{}{
				"substitute": map[string]interface{}{"APP": "shop"},
			}},
		},
		{
			name: "no variables: substitution skipped",
			files: map[string]string{
				"kustomization.yaml": "resources: [a.yaml]\n",
				"a.yaml":             cm("a", "data:\n  x: ${STORE:=onepassword}\n  y: $${X}\n"),
			},
			spec:   map[string]interface{}{"postBuild": map[string]interface{}{}},
			strict: true,
		},
		{
			name: "strategy Always with no variables",
			files: map[string]string{
				"kustomization.yaml": "resources: [a.yaml]\n",
				"a.yaml":             cm("a", "data:\n  x: ${STORE:=onepassword}\n  y: $${X}\n"),
			},
			spec:   map[string]interface{}{"postBuild": map[string]interface{}{"substituteStrategy": "Always"}},
			strict: true,
		},
		{
			name: "invalid variable name",
			files: map[string]string{
				"kustomization.yaml": "resources: [a.yaml]\n",
				"a.yaml":             cm("a", ""),
			},
			spec: map[string]interface{}{"postBuild": map[string]interface{}{
				"substitute": map[string]interface{}{"my-var": "x"},
			}},
			wantError: "var name is invalid",
		},
		{
			name: "parse error in an expression",
			files: map[string]string{
				"kustomization.yaml": "resources: [a.yaml]\n",
				"a.yaml":             cm("a", "data:\n  x: ${a.b}\n"),
			},
			spec: map[string]interface{}{"postBuild": map[string]interface{}{
				"substitute": map[string]interface{}{"A": "x"},
			}},
			wantError: "variable substitution failed",
		},
	}
}

const ksName, ksNamespace = "apps", "flux-system"

// upstream runs Flux's packages the way kustomize-controller does, on disk.
func upstream(t *testing.T, fx fixture) ([]map[string]interface{}, string, error) {
	t.Helper()
	root := t.TempDir()
	for name, content := range fx.files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	spec := fx.spec
	if spec == nil {
		spec = map[string]interface{}{}
	}
	ks := unstructured.Unstructured{Object: map[string]interface{}{
		"apiVersion": "kustomize.toolkit.fluxcd.io/v1",
		"kind":       "Kustomization",
		"metadata":   map[string]interface{}{"name": ksName, "namespace": ksNamespace},
		"spec":       jsonCopy(t, spec),
	}}
	dirPath := filepath.Join(root, filepath.Clean("/"+fx.path))
	if _, err := os.Stat(dirPath); err != nil {
		return nil, "", errFromUpstream(root, "kustomization path not found: "+err.Error())
	}
	gen := fluxkustomize.NewGenerator(root, ks)
	manifest, _, _, err := gen.GenerateManifest(dirPath)
	if err != nil {
		return nil, "", errFromUpstream(root, err.Error())
	}
	if _, err := gen.WriteFile(dirPath); err != nil {
		return nil, "", errFromUpstream(root, err.Error())
	}
	m, err := fluxkustomize.SecureBuild(root, dirPath, false)
	if err != nil {
		return nil, string(manifest), errFromUpstream(root, "kustomize build failed: "+err.Error())
	}
	var out []map[string]interface{}
	_, hasPostBuild := spec["postBuild"]
	always := false
	if pb, ok := spec["postBuild"].(map[string]interface{}); ok {
		always = pb["substituteStrategy"] == "Always"
	}
	for _, res := range m.Resources() {
		if hasPostBuild {
			outRes, err := fluxkustomize.SubstituteVariables(context.Background(), nil, ks, res,
				fluxkustomize.SubstituteWithDryRun(true),
				fluxkustomize.SubstituteWithStrict(fx.strict),
				fluxkustomize.SubstituteWithAlways(always))
			if err != nil {
				return nil, string(manifest), errFromUpstream(root, "post build failed for '"+res.GetGvk().String()+"/"+res.GetName()+"': "+err.Error())
			}
			if outRes != nil {
				if _, err := m.Replace(res); err != nil {
					t.Fatal(err)
				}
			}
		}
		objs, err := readObjects(res)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, objs...)
	}
	var labels, annotations map[string]string
	if c, ok := spec["commonMetadata"].(map[string]interface{}); ok {
		labels, annotations = stringMap(c["labels"]), stringMap(c["annotations"])
	}
	for _, o := range out {
		u := unstructured.Unstructured{Object: o}
		l := u.GetLabels()
		if l == nil {
			l = map[string]string{}
		}
		l[ownerLabelName], l[ownerLabelNamespace] = ksName, ksNamespace
		for k, v := range labels {
			l[k] = v
		}
		u.SetLabels(l)
		a := u.GetAnnotations()
		if a == nil {
			a = map[string]string{}
		}
		for k, v := range annotations {
			a[k] = v
		}
		if len(a) > 0 {
			u.SetAnnotations(a)
		}
	}
	return out, string(manifest), nil
}

type upstreamError struct{ msg string }

func (e upstreamError) Error() string { return e.msg }

func errFromUpstream(root, msg string) error {
	return upstreamError{strings.ReplaceAll(msg, root, ArtifactRoot)}
}

func jsonCopy(t *testing.T, v interface{}) map[string]interface{} {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]interface{}
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func engineBuild(t *testing.T, fx fixture) BuildResponse {
	t.Helper()
	req := BuildRequest{Files: fx.files, Path: fx.path, Spec: jsonCopy(t, fx.spec), Name: ksName, Namespace: ksNamespace}
	if fx.spec["postBuild"] != nil {
		pb := fx.spec["postBuild"].(map[string]interface{})
		strict := fx.strict
		strategy, _ := pb["substituteStrategy"].(string)
		req.Substitution = &SubstitutionOptions{Variables: stringMap(pb["substitute"]), Strict: &strict, Strategy: strategy}
	}
	// Round-trip through JSON like the wasm boundary does.
	b, _ := json.Marshal(req)
	var decoded BuildRequest
	if err := json.Unmarshal(b, &decoded); err != nil {
		t.Fatal(err)
	}
	return Build(decoded)
}

func TestMatchesFluxPackages(t *testing.T) {
	t.Setenv("PATH", "") // no git: remote bases must never be cloned
	for _, fx := range fixtures() {
		t.Run(fx.name, func(t *testing.T) {
			want, wantManifest, wantErr := upstream(t, fx)
			got := engineBuild(t, fx)
			if fx.wantError != "" {
				if wantErr == nil || !strings.Contains(wantErr.Error(), fx.wantError) {
					t.Fatalf("fixture expects Flux to fail with %q, Flux said: %v", fx.wantError, wantErr)
				}
				if got.Error == "" {
					t.Fatalf("engine succeeded, Flux failed with: %v", wantErr)
				}
				if !strings.Contains(got.Error, fx.wantError) {
					t.Fatalf("engine error %q does not contain %q", got.Error, fx.wantError)
				}
				if normalizeFsMessage(got.Error) != normalizeFsMessage(wantErr.Error()) {
					t.Logf("messages differ only in the filesystem's wording?\n engine: %s\n flux:   %s", got.Error, wantErr)
				}
				return
			}
			if wantErr != nil {
				t.Fatalf("Flux failed: %v; engine: %q", wantErr, got.Error)
			}
			if got.Error != "" {
				t.Fatalf("engine failed: %s", got.Error)
			}
			if got.Kustomization != wantManifest {
				t.Errorf("generated kustomization differs:\n--- engine\n%s\n--- flux\n%s", got.Kustomization, wantManifest)
			}
			var gotObjs []map[string]interface{}
			for _, o := range got.Objects {
				gotObjs = append(gotObjs, o.Object)
			}
			if !reflect.DeepEqual(jsonNormalize(t, gotObjs), jsonNormalize(t, want)) {
				g, _ := json.MarshalIndent(gotObjs, "", " ")
				w, _ := json.MarshalIndent(want, "", " ")
				t.Errorf("objects differ:\n--- engine\n%s\n--- flux\n%s", g, w)
			}
		})
	}
}

func normalizeFsMessage(s string) string { return s }

func jsonNormalize(t *testing.T, v interface{}) interface{} {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out interface{}
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}
