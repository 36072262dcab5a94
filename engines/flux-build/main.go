// Command flux-build is the offline Flux Kustomization build engine:
// kustomize's krusty build (sigs.k8s.io/kustomize/api v0.21.1 = kustomize
// v5.8.1), Flux's kustomization generator and Flux's post-build variable
// substitution (github.com/fluxcd/pkg/envsubst), over an in-memory copy of a
// repository.
//
// Compiled for GOOS=js GOARCH=wasm it registers build, substitute and
// version (JSON string in, JSON string out) on the JavaScript global object
// named by the FLUX_BUILD_GLOBAL environment variable (default
// "__fluxBuildEngine"); see main_js.go. On other platforms it reads one
// request from stdin: `flux-build build|substitute|version < request.json`.
package main
