package main

// Tests of what the engine adds to Flux's pipeline: origin paths, generated
// flags, unknown-variable markers, the standalone substitute call, the
// OpenAPI schema handling and error containment.

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"sigs.k8s.io/kustomize/kyaml/openapi"
)

func mustBuild(t *testing.T, req BuildRequest) BuildResponse {
	t.Helper()
	resp := Build(req)
	if resp.Error != "" {
		t.Fatalf("build failed: %s", resp.Error)
	}
	return resp
}

func byName(t *testing.T, resp BuildResponse, name string) BuildObject {
	t.Helper()
	for _, o := range resp.Objects {
		if metaString(o.Object, "name") == name {
			return o
		}
	}
	t.Fatalf("no object named %q in %v", name, resp.Objects)
	return BuildObject{}
}

func TestOriginPathsAndGenerated(t *testing.T) {
	resp := mustBuild(t, BuildRequest{
		Files: map[string]string{
			"base/kustomization.yaml": "resources: [deploy.yaml]\n",
			"base/deploy.yaml":        deployment,
			"prod/kustomization.yaml": "resources: [../base, extra.yaml]\npatches:\n- path: patch.yaml\nsecretGenerator:\n- name: creds\n  literals: [a=b]\n",
			"prod/extra.yaml":         cm("extra", ""),
			"prod/patch.yaml":         "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: original\nspec:\n  replicas: 5\n",
		},
		Path: "./prod",
		Spec: map[string]interface{}{"targetNamespace": "apps"},
	})
	if len(resp.Objects) != 3 {
		t.Fatalf("want 3 objects (the patch file is not one), got %d", len(resp.Objects))
	}
	web := byName(t, resp, "web")
	if web.OriginPath != "base/deploy.yaml" || web.Generated {
		t.Errorf("web: %+v", web)
	}
	if _, ok := web.Object["metadata"].(map[string]interface{})["annotations"]; ok {
		t.Errorf("origin annotation not removed: %v", web.Object["metadata"])
	}
	if byName(t, resp, "extra").OriginPath != "prod/extra.yaml" {
		t.Errorf("extra origin: %q", byName(t, resp, "extra").OriginPath)
	}
	var secret BuildObject
	for _, o := range resp.Objects {
		if strings.HasPrefix(metaString(o.Object, "name"), "creds-") {
			secret = o
		}
	}
	if !secret.Generated || secret.OriginPath != "prod/kustomization.yaml" {
		t.Errorf("secret: %+v", secret)
	}
	if metaString(secret.Object, "namespace") != "apps" {
		t.Errorf("secret namespace: %v", secret.Object)
	}
}

func TestOriginAnnotationKeptWhenAsked(t *testing.T) {
	resp := mustBuild(t, BuildRequest{
		Files: map[string]string{
			"kustomization.yaml": "resources: [a.yaml]\nbuildMetadata: [originAnnotations]\n",
			"a.yaml":             cm("a", ""),
		},
	})
	ann := resp.Objects[0].Object["metadata"].(map[string]interface{})["annotations"].(map[string]interface{})
	if !strings.Contains(ann[originAnnotationKey].(string), "path: a.yaml") {
		t.Errorf("annotations: %v", ann)
	}
	if resp.Objects[0].OriginPath != "a.yaml" {
		t.Errorf("origin: %q", resp.Objects[0].OriginPath)
	}
}

func TestUnknownVariablesBecomeMarkers(t *testing.T) {
	resp := mustBuild(t, BuildRequest{
		Files: map[string]string{
			"kustomization.yaml": "resources: [a.yaml]\n",
			"a.yaml":             cm("${APP}-env", "data:\n  store: ${STORE:=onepassword}\n  region: ${REGION}\n  esc: $${X}\n"),
		},
		Spec: map[string]interface{}{"postBuild": map[string]interface{}{
			"substitute":     map[string]interface{}{"APP": "shop"},
			"substituteFrom": []interface{}{map[string]interface{}{"kind": "ConfigMap", "name": "cluster-vars"}},
		}},
	})
	obj := resp.Objects[0].Object
	if metaString(obj, "name") != "shop-env" {
		t.Errorf("name: %v", obj)
	}
	data := obj["data"].(map[string]interface{})
	want := map[string]interface{}{"store": UnknownMarker("STORE"), "region": UnknownMarker("REGION"), "esc": "${X}"}
	if !reflect.DeepEqual(data, want) {
		t.Errorf("data = %v, want %v", data, want)
	}
	if !reflect.DeepEqual(resp.UnknownVariables, []string{"REGION", "STORE"}) {
		t.Errorf("unknown: %v", resp.UnknownVariables)
	}
}

func TestStrictNeedsKnownSources(t *testing.T) {
	files := map[string]string{
		"kustomization.yaml": "resources: [a.yaml]\n",
		"a.yaml":             cm("a", "data:\n  x: ${MISSING}\n"),
	}
	resp := Build(BuildRequest{Files: files, Substitution: &SubstitutionOptions{Variables: map[string]string{"A": "1"}}})
	if !strings.Contains(resp.Error, "variable not set (strict mode)") || !strings.Contains(resp.Error, "post build failed for 'ConfigMap.v1.[noGrp]/a'") {
		t.Errorf("error: %q", resp.Error)
	}
	resp = Build(BuildRequest{Files: files, Substitution: &SubstitutionOptions{Variables: map[string]string{"A": "1"}, UnknownSources: true}})
	if resp.Error != "" || !reflect.DeepEqual(resp.UnknownVariables, []string{"MISSING"}) {
		t.Errorf("resp: %+v", resp)
	}
}

func TestOwnerLabelsThenCommonMetadata(t *testing.T) {
	resp := mustBuild(t, BuildRequest{
		Files: map[string]string{
			"kustomization.yaml": "resources: [a.yaml]\n",
			"a.yaml":             cm("a", "  labels:\n    own: kept\n"),
		},
		Name: "apps", Namespace: "flux-system",
		Spec: map[string]interface{}{
			"commonMetadata": map[string]interface{}{
				"labels":      map[string]interface{}{"kustomize.toolkit.fluxcd.io/name": "overridden", "team": "a"},
				"annotations": map[string]interface{}{"kustomize.toolkit.fluxcd.io/substitute": "disabled"},
			},
			// commonMetadata is applied after substitution, so its opt-out
			// annotation does not stop it.
			"postBuild": map[string]interface{}{"substitute": map[string]interface{}{"A": "x"}},
		},
	})
	md := resp.Objects[0].Object["metadata"].(map[string]interface{})
	want := map[string]interface{}{"own": "kept", "team": "a", ownerLabelName: "overridden", ownerLabelNamespace: "flux-system"}
	if !reflect.DeepEqual(md["labels"], want) {
		t.Errorf("labels: %v", md["labels"])
	}
}

func TestSubstituteCall(t *testing.T) {
	objs := []json.RawMessage{
		json.RawMessage(`{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"${APP}-env"},"data":{"n":"${N}","s":"${STORE:=onepassword}"}}`),
		json.RawMessage(`"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  annotations:\n    kustomize.toolkit.fluxcd.io/substitute: disabled\ndata:\n  k: ${APP}\n"`),
	}
	resp := Substitute(SubstituteRequest{Objects: objs, SubstitutionOptions: SubstitutionOptions{Variables: map[string]string{"APP": "shop", "N": "3\n"}, UnknownSources: true}})
	if resp.Error != "" {
		t.Fatal(resp.Error)
	}
	if metaString(resp.Objects[0], "name") != "shop-env" || resp.Objects[0]["data"].(map[string]interface{})["n"] != float64(3) {
		t.Errorf("object 0: %v", resp.Objects[0])
	}
	if resp.Objects[0]["data"].(map[string]interface{})["s"] != UnknownMarker("STORE") {
		t.Errorf("object 0: %v", resp.Objects[0])
	}
	if resp.Objects[1]["data"].(map[string]interface{})["k"] != "${APP}" {
		t.Errorf("opt-out: %v", resp.Objects[1])
	}
	if !reflect.DeepEqual(resp.SourceIndexes, []int{0, 1}) || !reflect.DeepEqual(resp.UnknownVariables, []string{"STORE"}) {
		t.Errorf("resp: %+v", resp)
	}
	strict := true
	resp = Substitute(SubstituteRequest{Objects: objs[:1], SubstitutionOptions: SubstitutionOptions{Variables: map[string]string{"APP": "shop"}, Strict: &strict}})
	if !strings.Contains(resp.Error, "variable not set (strict mode)") {
		t.Errorf("strict: %+v", resp)
	}
}

func TestRemoteBasesFailFast(t *testing.T) {
	for _, url := range []string{"https://github.com/fluxcd/flux2//manifests/rbac?ref=main", "https://example.com/cm.yaml"} {
		resp := Build(BuildRequest{Files: map[string]string{"kustomization.yaml": "resources:\n- " + url + "\n"}})
		if !strings.Contains(resp.Error, url) {
			t.Errorf("error %q does not name %s", resp.Error, url)
		}
	}
}

func TestCustomOpenAPISchemaDoesNotLeak(t *testing.T) {
	crd := "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  items:\n  - name: a\n    value: one\n  - name: b\n    value: two\n"
	patch := "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  items:\n  - name: a\n    value: patched\n"
	schema := `{"definitions":{"com.example.v1.Widget":{"properties":{"spec":{"properties":{"items":{"items":{"type":"object"},"type":"array","x-kubernetes-patch-merge-key":"name","x-kubernetes-patch-strategy":"merge"}},"type":"object"}},"type":"object","x-kubernetes-group-version-kind":[{"group":"example.com","kind":"Widget","version":"v1"}]}}}`
	files := func(withSchema bool) map[string]string {
		k := "resources: [w.yaml]\npatches:\n- path: p.yaml\n"
		if withSchema {
			k += "openapi:\n  path: schema.json\n"
		}
		return map[string]string{"kustomization.yaml": k, "w.yaml": crd, "p.yaml": patch, "schema.json": schema}
	}
	items := func(resp BuildResponse) int {
		return len(resp.Objects[0].Object["spec"].(map[string]interface{})["items"].([]interface{}))
	}
	before := mustBuild(t, BuildRequest{Files: files(false)})
	if items(before) != 1 {
		t.Fatalf("without a schema the list is replaced: %v", before.Objects[0].Object)
	}
	with := mustBuild(t, BuildRequest{Files: files(true)})
	if items(with) != 2 {
		t.Fatalf("with the schema the list is merged by name: %v", with.Objects[0].Object)
	}
	if openapi.GetSchemaVersion() != defaultVersion {
		t.Fatalf("custom schema left behind: %s", openapi.GetSchemaVersion())
	}
	after := mustBuild(t, BuildRequest{Files: files(false)})
	if items(after) != 1 {
		t.Fatalf("custom schema leaked into the next build: %v", after.Objects[0].Object)
	}
}

func TestBadRequestsDoNotPanic(t *testing.T) {
	resp := Build(BuildRequest{Files: map[string]string{"kustomization.yaml": "resources: [a.yaml]\n", "a.yaml": "{{{"}})
	if resp.Error == "" {
		t.Error("want an error for broken YAML")
	}
	resp = Build(BuildRequest{Files: map[string]string{"a.yaml": cm("a", "")}, Spec: map[string]interface{}{"targetNamespace": 5.0}})
	if !strings.Contains(resp.Error, "expected string") {
		t.Errorf("error: %q", resp.Error)
	}
	sresp := Substitute(SubstituteRequest{Objects: []json.RawMessage{json.RawMessage(`42`)}})
	if sresp.Error == "" {
		t.Error("want an error for a non-object")
	}
}

func TestVersion(t *testing.T) {
	v := Version()
	if v.Kustomize != "v5.8.1" || v.FluxPkgKustomize != "kustomize/v1.39.0" {
		t.Errorf("%+v", v)
	}
	if v.KustomizeAPI != "" && v.KustomizeAPI != "v0.21.1" {
		t.Errorf("kustomize/api: %+v", v)
	}
}
