#!/usr/bin/env bash
# The jsii bindings, built and used (issue 15). From the repository root, after `npm ci` and `npx projen compile`:
#
#   bash test/bindings/run.sh [WORKDIR]
#
# 1. runs the README's Python and Go quick starts exactly as written (their sh blocks build the wheel and the Go
#    module with package:python / package:go, the Python one creates the virtualenv in WORKDIR/readme-python/.venv),
#    and checks that their dist/ equals the TypeScript quick start's (also run from the README) byte for byte;
# 2. runs the Python and Go ports of the seed-004 example (examples/python, examples/go) and checks that their
#    output equals the TypeScript example's byte for byte;
# 3. runs the wheel's cdk8s-eso CLI on the Python output (0 errors), a marshalling app (test/bindings/marshalling.*:
#    any maps, optional numbers, enums, Durations) in Python and Go (test/bindings/go), and an invalid variant whose
#    error must reach Python and Go;
# 4. builds the Java package (package:java) and compiles and runs examples/java with Maven against it, same check.
#
# Every step prints its wall time; any difference or failure exits non-zero. The last line is "bindings: N passed,
# N failed". WORKDIR defaults to a fresh temporary folder.
set -uo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${1:-$(mktemp -d)}"
mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1 JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
readme() { node "$REPO/test/bindings/readme-blocks.js" "$@"; }
passed=0
failed=0
step() { # step NAME COMMAND...: runs it, prints its time and whether it passed
  local name="$1" t0=$SECONDS
  shift
  echo "--- bindings: $name"
  if "$@"; then
    passed=$((passed + 1))
    printf '\n--- bindings: %s: ok (%s s)\n' "$name" "$((SECONDS - t0))" # \n: tools may end without one
  else
    failed=$((failed + 1))
    printf '\n--- bindings: %s: FAILED (%s s)\n' "$name" "$((SECONDS - t0))"
  fi
}
same() { # same EXPECTED ACTUAL: byte-identical trees (file names and contents)
  diff -r "$1" "$2" && [ -n "$(ls -A "$1")" ]
}

# The TypeScript references: the README's TypeScript quick start (run as written, with `cdk8s-external-secrets`
# resolving to this repository) and the seed-004 example.
ts_reference() {
  mkdir -p "$WORK/ts/node_modules" "$WORK/ts/quickstart"
  ln -sfn "$REPO" "$WORK/ts/node_modules/cdk8s-external-secrets"
  readme '## Quick start (Flux)' ts 0 > "$WORK/ts/quickstart/main.ts"
  printf '{ "compilerOptions": { "module": "node16", "target": "ES2022", "esModuleInterop": true } }\n' \
    > "$WORK/ts/quickstart/tsconfig.json"
  (cd "$WORK/ts/quickstart" && NODE_PATH="$WORK/ts/node_modules:$REPO/node_modules" \
    "$REPO/node_modules/.bin/ts-node" --transpile-only main.ts) &&
  (cd "$REPO" && npx ts-node --transpile-only test/bindings/ts-reference.ts "$WORK/ts")
}

readme_python() { # the README's Python quick start, in its own app folder
  local app="$WORK/readme-python"
  rm -rf "$app" && mkdir -p "$app" && readme '## Python and Go' python 0 > "$app/main.py" &&
  (cd "$app" && ESO_REPO="$REPO" bash -euo pipefail -c "$(readme '## Python and Go' sh 0)") &&
  same "$WORK/ts/quickstart/dist" "$app/dist"
}

readme_go() { # the README's Go quick start, in its own app folder
  local app="$WORK/readme-go"
  rm -rf "$app" && mkdir -p "$app" && readme '## Python and Go' go 0 > "$app/main.go" &&
  (cd "$app" && ESO_REPO="$REPO" bash -euo pipefail -c "$(readme '## Python and Go' sh 1)") &&
  same "$WORK/ts/quickstart/dist" "$app/dist"
}

example_python() { # examples/python with the wheel in the quick start's virtualenv
  "$WORK/readme-python/.venv/bin/python" "$REPO/examples/python/app.py" "$WORK/python/seed-004-webgrip" &&
  same "$WORK/ts/seed-004-webgrip" "$WORK/python/seed-004-webgrip"
}

marshalling_python() { # any maps, optional numbers, enums, Durations, generators: Python = TypeScript
  (cd "$REPO" && npx ts-node --transpile-only test/bindings/marshalling.ts "$WORK/ts/marshalling") &&
  "$WORK/readme-python/.venv/bin/python" "$REPO/test/bindings/marshalling.py" "$WORK/python/marshalling" &&
  same "$WORK/ts/marshalling" "$WORK/python/marshalling"
}

python_validation_error() { # a validation error surfaces in Python: non-zero exit, the rule id, nothing written
  local log="$WORK/python/invalid.log"
  if "$WORK/readme-python/.venv/bin/python" "$REPO/test/bindings/marshalling.py" "$WORK/python/invalid" --invalid >"$log" 2>&1; then
    echo "the invalid app synthesized"; return 1
  fi
  grep -q 'ESO-GEN-PASSWORD-ARITHMETIC' "$log" && [ -z "$(find "$WORK/python/invalid" -name '*.yaml' 2>/dev/null)" ] ||
    { cat "$log"; return 1; }
}

marshalling_go() { # the same marshalling app in Go (test/bindings/go), and its invalid variant must exit 1
  (cd "$REPO/test/bindings/go" && go run . "$WORK/go/marshalling") && same "$WORK/ts/marshalling" "$WORK/go/marshalling" &&
  if (cd "$REPO/test/bindings/go" && go run . "$WORK/go/invalid" --invalid >"$WORK/go/invalid.log" 2>&1); then
    echo "the invalid Go app synthesized"; return 1
  else
    grep -q 'ESO-GEN-PASSWORD-ARITHMETIC' "$WORK/go/invalid.log" && [ -z "$(find "$WORK/go/invalid" -name '*.yaml' 2>/dev/null)" ] ||
      { cat "$WORK/go/invalid.log"; return 1; }
  fi
}

python_cli() { # the wheel's cdk8s-eso script (the JS CLI through the jsii kernel) validates the Python output
  local out
  out="$("$WORK/readme-python/.venv/bin/cdk8s-eso" validate "$WORK/python/seed-004-webgrip")" || { echo "$out"; return 1; }
  echo "$out" && [[ "$(tail -1 <<<"$out")" == "0 errors, 0 warnings in "* ]]
}

example_go() { # examples/go against dist-pkg/go (go.mod replaces)
  (cd "$REPO/examples/go" && go run . "$WORK/go/seed-004-webgrip") &&
  same "$WORK/ts/seed-004-webgrip" "$WORK/go/seed-004-webgrip"
}

package_java() { (cd "$REPO" && npx projen package:java >"$WORK/package-java.log" 2>&1) || { tail -40 "$WORK/package-java.log"; return 1; }; }

example_java() { # examples/java against dist-pkg/java (a file repository)
  (cd "$REPO/examples/java" && mvn -B -q -Dmaven.repo.local="$HOME/.m2/repository" compile exec:java \
    -Dexec.args="$WORK/java/seed-004-webgrip") &&
  same "$WORK/ts/seed-004-webgrip" "$WORK/java/seed-004-webgrip"
}

step "TypeScript references" ts_reference
[ "$failed" = 0 ] || { echo "bindings: $passed passed, $failed failed"; exit 1; }
step "README Python quick start (package:python, venv, pip install, run)" readme_python
step "README Go quick start (package:go, go mod, run)" readme_go
step "examples/python = TypeScript seed-004" example_python
step "Python cdk8s-eso validate (examples/python output)" python_cli
step "Python marshalling (any, numbers, enums, Durations) = TypeScript" marshalling_python
step "Python sees a validation error" python_validation_error
step "examples/go = TypeScript seed-004" example_go
step "Go marshalling = TypeScript, Go sees a validation error" marshalling_go
if [ "${BINDINGS_JAVA:-1}" != 0 ]; then
  step "package:java" package_java
  step "examples/java = TypeScript seed-004" example_java
fi
echo "bindings: $passed passed, $failed failed"
[ "$failed" = 0 ]
