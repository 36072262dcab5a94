// Command durations lists every field of every ESO kind that the controller decodes as a Go duration,
// read from ESO v2.9.0's own Go types by reflection: metav1.Duration fields (json decoding calls
// time.ParseDuration, so a bad value makes the object undecodable for the controller), plus the two
// string fields the apis module parses itself (SecretStoreSpec.GetRefreshInterval: int seconds or a
// duration string; retrySettings.retryInterval, parsed when the provider client is built).
//
// Output (JSON, sorted): {"<group>/<version>/<Kind>": [{"path": ["spec", "dataTo", "*", ...], "intOrString": bool}]}.
// scripts/gen-schemas.ts writes it to generated/schemas/durations.json.
package main

import (
	"encoding/json"
	"os"
	"reflect"
	"sort"
	"strings"

	esv1 "github.com/external-secrets/external-secrets/apis/externalsecrets/v1"
	esv1alpha1 "github.com/external-secrets/external-secrets/apis/externalsecrets/v1alpha1"
	genv1alpha1 "github.com/external-secrets/external-secrets/apis/generators/v1alpha1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/intstr"
)

type field struct {
	Path        []string `json:"path"`
	IntOrString bool     `json:"intOrString,omitempty"`
}

var (
	durationType = reflect.TypeOf(metav1.Duration{})
	intOrString  = reflect.TypeOf(intstr.IntOrString{})
	storeSpec    = reflect.TypeOf(esv1.SecretStoreSpec{})
	retry        = reflect.TypeOf(esv1.SecretStoreRetrySettings{})
)

func walk(t reflect.Type, at []string, seen map[reflect.Type]int, out *[]field) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == durationType {
		*out = append(*out, field{Path: append([]string{}, at...)})
		return
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		walk(t.Elem(), append(at, "*"), seen, out)
	case reflect.Map:
		walk(t.Elem(), append(at, "{}"), seen, out)
	case reflect.Struct:
		if seen[t] > 0 || t == reflect.TypeOf(metav1.ObjectMeta{}) || t == reflect.TypeOf(metav1.TypeMeta{}) {
			return
		}
		seen[t]++
		defer func() { seen[t]-- }()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name := strings.Split(f.Tag.Get("json"), ",")[0]
			if name == "-" || !f.IsExported() {
				continue
			}
			ft := f.Type
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if t == storeSpec && name == "refreshInterval" && ft == intOrString {
				*out = append(*out, field{Path: append(append([]string{}, at...), name), IntOrString: true})
				continue
			}
			if t == retry && name == "retryInterval" {
				*out = append(*out, field{Path: append(append([]string{}, at...), name)})
				continue
			}
			if name == "" && f.Anonymous { // inlined
				walk(f.Type, at, seen, out)
				continue
			}
			walk(f.Type, append(at, name), seen, out)
		}
	}
}

func main() {
	s := runtime.NewScheme()
	for _, add := range []func(*runtime.Scheme) error{esv1.AddToScheme, esv1alpha1.AddToScheme, genv1alpha1.AddToScheme} {
		if err := add(s); err != nil {
			panic(err)
		}
	}
	res := map[string][]field{}
	for gvk, t := range s.AllKnownTypes() {
		if strings.HasSuffix(gvk.Kind, "List") || !strings.HasSuffix(gvk.Group, "external-secrets.io") {
			continue
		}
		var fs []field
		walk(t, nil, map[reflect.Type]int{}, &fs)
		if len(fs) == 0 {
			continue
		}
		sort.Slice(fs, func(i, j int) bool { return strings.Join(fs[i].Path, ".") < strings.Join(fs[j].Path, ".") })
		res[gvk.Group+"/"+gvk.Version+"/"+gvk.Kind] = fs
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	if err := enc.Encode(res); err != nil {
		panic(err)
	}
}
