//go:build !(js && wasm)

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: flux-build build|substitute|version < request.json")
		os.Exit(2)
	}
	var out any
	switch os.Args[1] {
	case "version":
		out = Version()
	case "build", "substitute":
		in, err := io.ReadAll(os.Stdin)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if os.Args[1] == "build" {
			var req BuildRequest
			if err := json.Unmarshal(in, &req); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			out = Build(req)
		} else {
			var req SubstituteRequest
			if err := json.Unmarshal(in, &req); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			out = Substitute(req)
		}
	default:
		fmt.Fprintln(os.Stderr, "unknown command", os.Args[1])
		os.Exit(2)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	_ = enc.Encode(out)
}
