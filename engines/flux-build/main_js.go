//go:build js && wasm

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"syscall/js"
)

// handler wraps f as a JavaScript function taking and returning one JSON
// string. It never panics across the boundary.
func handler[Req any, Resp any](f func(Req) Resp, onError func(string) Resp) js.Func {
	return js.FuncOf(func(_ js.Value, args []js.Value) (result any) {
		defer func() {
			if r := recover(); r != nil {
				result = marshal(onError(fmt.Sprintf("recovered from panic: %v", r)))
			}
		}()
		var req Req
		if len(args) > 0 && args[0].Type() == js.TypeString {
			if err := json.Unmarshal([]byte(args[0].String()), &req); err != nil {
				return marshal(onError(fmt.Sprintf("invalid request: %v", err)))
			}
		} else {
			return marshal(onError("invalid request: expected one JSON string argument"))
		}
		return marshal(f(req))
	})
}

func marshal(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		b, _ = json.Marshal(map[string]string{"error": fmt.Sprintf("cannot encode the response: %v", err)})
	}
	return string(b)
}

func main() {
	name := os.Getenv("FLUX_BUILD_GLOBAL")
	if name == "" {
		name = "__fluxBuildEngine"
	}
	api := js.Global().Get("Object").New()
	api.Set("build", handler(Build, func(msg string) BuildResponse {
		return BuildResponse{Objects: []BuildObject{}, UnknownVariables: []string{}, Warnings: []string{}, Error: msg}
	}))
	api.Set("substitute", handler(Substitute, func(msg string) SubstituteResponse {
		return SubstituteResponse{Objects: []map[string]interface{}{}, SourceIndexes: []int{}, UnknownVariables: []string{}, Error: msg}
	}))
	api.Set("setArtifact", handler(SetArtifact, func(msg string) ArtifactResponse {
		return ArtifactResponse{Kept: []string{}, Ignored: []string{}, Unrepresentable: []string{}, Error: msg}
	}))
	api.Set("version", js.FuncOf(func(js.Value, []js.Value) any { return marshal(Version()) }))
	js.Global().Set(name, api)
	select {}
}
