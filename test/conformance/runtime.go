package main

import (
	"fmt"
	"regexp"
	"strings"
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
