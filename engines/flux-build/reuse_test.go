package main

import "testing"

// Builds over the shared SetArtifact filesystem leave it as they found it: the generated kustomization of one
// build never shows in the next.
func TestSharedArtifactIsRestored(t *testing.T) {
	SetArtifact(ArtifactRequest{Files: map[string]string{
		"apps/cm.yaml":            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n",
		"with/kustomization.yaml": "resources:\n- cm.yaml\n",
		"with/cm.yaml":            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n",
	}})
	for i := 0; i < 2; i++ {
		r := Build(BuildRequest{Path: "./apps", Spec: map[string]interface{}{"namePrefix": "x-"}})
		if r.Error != "" || len(r.Objects) != 1 || r.Objects[0].Object["metadata"].(map[string]interface{})["name"] != "x-a" {
			t.Fatalf("build %d: %+v", i, r)
		}
		if artifactFS.Exists(artifactPath("apps/kustomization.yaml")) {
			t.Fatalf("generated kustomization left behind")
		}
		r = Build(BuildRequest{Path: "./with", Spec: map[string]interface{}{"namePrefix": "y-"}})
		if r.Error != "" || len(r.Objects) != 1 || r.Objects[0].Object["metadata"].(map[string]interface{})["name"] != "y-b" {
			t.Fatalf("build %d with: %+v", i, r)
		}
		if b, _ := artifactFS.ReadFile(artifactPath("with/kustomization.yaml")); string(b) != "resources:\n- cm.yaml\n" {
			t.Fatalf("kustomization not restored: %q", b)
		}
	}
}
