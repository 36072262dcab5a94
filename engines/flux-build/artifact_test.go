package main

import (
	"reflect"
	"testing"
)

func TestSetArtifact(t *testing.T) {
	str := func(s string) *string { return &s }
	cases := []struct {
		name    string
		files   map[string]string
		ignore  *string
		ignored []string
		unrep   []string
	}{
		{
			name:    "no pattern at all: VCS and the default exclusions",
			files:   map[string]string{"a/.sops.yaml": "x", ".github/workflows/ci.yaml": "x", "apps/x.yaml": "x", "logo.png": "x", ".gitignore": "x"},
			ignored: []string{".github/workflows/ci.yaml", ".gitignore", "a/.sops.yaml", "logo.png"},
		},
		{
			name:    "a .sourceignore switches the defaults off (trap 8), and applies below its folder",
			files:   map[string]string{".sourceignore": "docs/\n", "infra/.sops.yaml": "x", "docs/secret.yaml": "x", "apps/.sourceignore": "values.yaml\n", "apps/values.yaml": "x", "values.yaml": "x"},
			ignored: []string{"apps/values.yaml", "docs/secret.yaml"},
		},
		{
			name:    "spec.ignore, with a negation",
			files:   map[string]string{"clusters/a.yaml": "x", "clusters/prod/b.yaml": "x", "apps/c.yaml": "x"},
			ignore:  str("/*\n!/clusters/prod/\n"),
			ignored: []string{"apps/c.yaml", "clusters/a.yaml"},
		},
		{
			name:  "names kustomize's in-memory filesystem cannot hold are reported",
			files: map[string]string{"apps/${CLUSTER}/x.yaml": "x", "apps/ok.yaml": "x"},
			unrep: []string{"apps/${CLUSTER}/x.yaml"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp := SetArtifact(ArtifactRequest{Files: c.files, Ignore: c.ignore})
			want := c.ignored
			if want == nil {
				want = []string{}
			}
			if !reflect.DeepEqual(resp.Ignored, want) {
				t.Fatalf("ignored = %v, want %v", resp.Ignored, want)
			}
			unrep := c.unrep
			if unrep == nil {
				unrep = []string{}
			}
			if !reflect.DeepEqual(resp.Unrepresentable, unrep) {
				t.Fatalf("unrepresentable = %v, want %v", resp.Unrepresentable, unrep)
			}
			if len(resp.Kept)+len(resp.Ignored) != len(c.files) {
				t.Fatalf("kept %v + ignored %v != files", resp.Kept, resp.Ignored)
			}
		})
	}
}
