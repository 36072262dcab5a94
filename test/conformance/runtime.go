package main

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// The regular expressions ESO compiles with Go's regexp when it reconciles (the CRDs accept any string).
var regexFields = map[string][][]string{
	"ExternalSecret": {{"spec", "dataFrom", "*", "find", "name", "regexp"}, {"spec", "dataFrom", "*", "rewrite", "*", "regexp", "source"}},
	"ClusterExternalSecret": {
		{"spec", "externalSecretSpec", "dataFrom", "*", "find", "name", "regexp"},
		{"spec", "externalSecretSpec", "dataFrom", "*", "rewrite", "*", "regexp", "source"},
	},
	"PushSecret": {{"spec", "dataTo", "*", "match", "regexp"}, {"spec", "dataTo", "*", "rewrite", "*", "regexp", "source"}},
	"ClusterPushSecret": {
		{"spec", "pushSecretSpec", "dataTo", "*", "match", "regexp"},
		{"spec", "pushSecretSpec", "dataTo", "*", "rewrite", "*", "regexp", "source"},
	},
}

func values(obj any, path []string, at string, f func(v any, at string)) {
	if len(path) == 0 {
		f(obj, at)
		return
	}
	if path[0] == "*" {
		if l, ok := obj.([]any); ok {
			for i, x := range l {
				values(x, path[1:], fmt.Sprintf("%s[%d]", at, i), f)
			}
		}
		return
	}
	if m, ok := obj.(map[string]any); ok {
		if x, ok := m[path[0]]; ok {
			values(x, path[1:], strings.TrimPrefix(at+"."+path[0], "."), f)
		}
	}
}

func regexErrors(kind string, obj map[string]any) []string {
	var out []string
	for _, p := range regexFields[kind] {
		values(obj, p, "", func(v any, at string) {
			if s, ok := v.(string); ok {
				if _, err := regexp.Compile(s); err != nil {
					out = append(out, at+": "+err.Error())
				}
			}
		})
	}
	return out
}

// retryErrors: retrySettings.retryInterval is a *string in ESO's types; the provider client (stores, Vault and
// BeyondTrust generators) parses it with time.ParseDuration when it is built, on every reconcile.
func retryErrors(obj any, at string) []string {
	var out []string
	switch x := obj.(type) {
	case map[string]any:
		for k, v := range x {
			p := strings.TrimPrefix(at+"."+k, ".")
			if k == "retrySettings" {
				if rs, ok := v.(map[string]any); ok {
					if ri, ok := rs["retryInterval"].(string); ok {
						if _, err := time.ParseDuration(ri); err != nil {
							out = append(out, p+".retryInterval: "+err.Error())
						}
					}
				}
			}
			out = append(out, retryErrors(v, p)...)
		}
	case []any:
		for i, v := range x {
			out = append(out, retryErrors(v, fmt.Sprintf("%s[%d]", at, i))...)
		}
	}
	return out
}
