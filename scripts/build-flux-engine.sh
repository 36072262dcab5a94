#!/usr/bin/env bash
# Builds the offline Flux build engine (engines/flux-build) to WebAssembly:
#
#   generated/flux-build/flux-build.wasm.gz  the engine, gzipped
#   generated/flux-build/wasm_exec.js        Go's JavaScript glue, same Go version
#   generated/flux-build/source.sha256       sha256 over go.mod, go.sum and the .go files
#
# The outputs are committed. When source.sha256 matches the sources and both
# outputs exist, nothing is built (so this is instant unless engines/flux-build
# changed). Needs Go (see engines/flux-build/go.mod) and the Go module proxy,
# nothing else. Options:
#   --force   build even when source.sha256 matches
#   --check   exit 1 if the outputs are missing or stale, build nothing
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="$repo_root/engines/flux-build"
out="$repo_root/generated/flux-build"

force=0
check=0
for arg in "$@"; do
  case "$arg" in
    --force) force=1 ;;
    --check) check=1 ;;
    *) echo "usage: $0 [--force|--check]" >&2; exit 2 ;;
  esac
done

sha256() {
  if command -v sha256sum >/dev/null; then sha256sum "$@"; else shasum -a 256 "$@"; fi
}

# The hash covers the sources only (not the Go toolchain): go.mod, go.sum and
# the non-test .go files, as "<sha256>  <name>" lines in a fixed order, so it
# is the same on every machine (test/io/flux-build/engine.test.ts recomputes it).
source_hash() {
  (
    cd "$src"
    shopt -s nullglob
    files=(go.mod go.sum)
    while IFS= read -r f; do files+=("$f"); done < <(
      for f in *.go; do [[ "$f" == *_test.go ]] || printf '%s\n' "$f"; done | LC_ALL=C sort
    )
    for f in "${files[@]}"; do
      printf '%s  %s\n' "$(sha256 "$f" | cut -d' ' -f1)" "$f"
    done | sha256 | cut -d' ' -f1
  )
}

want="$(source_hash)"
if [[ $force -eq 0 && -f "$out/source.sha256" && -f "$out/flux-build.wasm.gz" && -f "$out/wasm_exec.js" ]] \
  && [[ "$(cat "$out/source.sha256")" == "$want" ]]; then
  echo "flux-build engine is up to date ($want)"
  exit 0
fi
if [[ $check -eq 1 ]]; then
  echo "generated/flux-build is missing or stale: run scripts/build-flux-engine.sh" >&2
  exit 1
fi

command -v go >/dev/null || { echo "build-flux-engine: Go is required to rebuild the engine" >&2; exit 1; }

# Asked inside the module, so a toolchain switch (go.mod's go line) gives the
# GOROOT of the Go that compiles the engine.
goroot="$(cd "$src" && go env GOROOT)"
wasm_exec="$goroot/lib/wasm/wasm_exec.js"
[[ -f "$wasm_exec" ]] || wasm_exec="$goroot/misc/wasm/wasm_exec.js"
[[ -f "$wasm_exec" ]] || { echo "build-flux-engine: wasm_exec.js not found under $goroot" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "building flux-build engine with $(go version)"
start=$(date +%s)
(
  cd "$src"
  GOOS=js GOARCH=wasm CGO_ENABLED=0 GOFLAGS=-mod=readonly \
    go build -trimpath -buildvcs=false -ldflags='-s -w' -o "$tmp/flux-build.wasm" .
)
# -n: no file name or time stamp in the gzip header, so equal input gives equal bytes.
gzip -9 -n -c "$tmp/flux-build.wasm" > "$tmp/flux-build.wasm.gz"

mkdir -p "$out"
mv "$tmp/flux-build.wasm.gz" "$out/flux-build.wasm.gz"
cp "$wasm_exec" "$out/wasm_exec.js"
printf '%s\n' "$want" > "$out/source.sha256"

raw=$(wc -c < "$tmp/flux-build.wasm" | tr -d ' ')
gz=$(wc -c < "$out/flux-build.wasm.gz" | tr -d ' ')
echo "flux-build engine built in $(( $(date +%s) - start ))s: wasm $raw bytes, gzipped $gz bytes"
