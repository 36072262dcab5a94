package main

import (
	"testing"

	"sigs.k8s.io/yaml"
)

// TestClusterScalars pins how the API server's YAML decoder (sigs.k8s.io/yaml, a YAML 1.1 go-yaml fork)
// reads the plain scalars where YAML 1.2 (the npm yaml library's default) and YAML 1.1 disagree. Both
// columns of the issue-14 note come from here: 1.2 reads yes/no/on/off/y/n, 0777, 010, 1_000 and 0b101
// differently; npm yaml's 1.1 schema reads 0o777, dates and 12:30 (sexagesimal) differently.
func TestClusterScalars(t *testing.T) {
	for in, want := range map[string]string{
		"yes": `{"v":true}`, "no": `{"v":false}`, "on": `{"v":true}`, "off": `{"v":false}`, "y": `{"v":true}`, "n": `{"v":false}`,
		"True": `{"v":true}`, "0777": `{"v":511}`, "010": `{"v":8}`, "0o777": `{"v":511}`, "0x1F": `{"v":31}`,
		"1_000": `{"v":1000}`, "0b101": `{"v":5}`, "1e3": `{"v":1000}`, "2024-01-01": `{"v":"2024-01-01"}`,
		"12:30": `{"v":"12:30"}`, "~": `{"v":null}`, "Null": `{"v":null}`,
	} {
		got, err := yaml.YAMLToJSON([]byte("v: " + in))
		if err != nil || string(got) != want {
			t.Errorf("%s: got %s (%v), want %s", in, got, err, want)
		}
	}
	if _, err := yaml.YAMLToJSON([]byte("v: .inf")); err == nil {
		t.Errorf(".inf: want an error (JSON has no infinity)")
	}
}
