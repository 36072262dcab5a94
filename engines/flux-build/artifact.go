package main

import (
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/fluxcd/pkg/sourceignore"
	"github.com/fluxcd/pkg/sourceignore/gitignore"
	"sigs.k8s.io/kustomize/kyaml/filesys"
)

// The artifact source-controller archives for a GitRepository (flux-build.md §1.0): the repository's files
// minus the VCS patterns, every .sourceignore (scoped to its folder) and spec.ignore; the default exclusions
// (images, CI folders, **/.sops.yaml, …) apply only when there is no pattern at all
// (fluxcd/pkg/artifact storage SourceIgnoreFilter, with fluxcd/pkg/sourceignore's own patterns and matcher).
// Symlinks are never archived; the TypeScript side reads regular files only.

// ArtifactRequest is the input of SetArtifact.
type ArtifactRequest struct {
	// Files: POSIX paths relative to the repository root → UTF-8 text.
	Files map[string]string `json:"files"`
	// Ignore: the GitRepository's spec.ignore, if it has one.
	Ignore *string `json:"ignore,omitempty"`
}

// ArtifactResponse is the output of SetArtifact.
type ArtifactResponse struct {
	// Kept: the files in the artifact, sorted.
	Kept []string `json:"kept"`
	// Ignored: files the ignore rules leave out, sorted.
	Ignored []string `json:"ignored"`
	// Unrepresentable: files in the artifact whose names kustomize's in-memory filesystem cannot hold
	// (it accepts [a-zA-Z0-9-_.:] only); they are left out of builds, sorted.
	Unrepresentable []string `json:"unrepresentable"`
	Error           string   `json:"error,omitempty"`
}

// The artifact of the last SetArtifact call: builds without files of their own use it.
var (
	artifactFiles      map[string]string
	artifactFS         filesys.FileSystem
	artifactHasOpenAPI bool
)

// memFsName is kyaml filesys's isLegalFileNameForCreation (fsnode.go): names MakeFsInMemory accepts.
var memFsName = regexp.MustCompile(`^[a-zA-Z0-9-_.:]+$`)

func representable(name string) bool {
	for _, part := range strings.Split(name, "/") {
		if part == "" || part == "." || strings.Contains(part, "..") || !memFsName.MatchString(part) {
			return false
		}
	}
	return true
}

// SetArtifact computes the artifact of a repository and keeps it for the following builds.
func SetArtifact(req ArtifactRequest) (resp ArtifactResponse) {
	engineMu.Lock()
	defer engineMu.Unlock()
	resp.Kept, resp.Ignored, resp.Unrepresentable = []string{}, []string{}, []string{}
	names := make([]string, 0, len(req.Files))
	for name := range req.Files {
		names = append(names, name)
	}
	sort.Strings(names)
	// LoadIgnorePatterns: each .sourceignore applies below its own folder (root first, then depth-first)
	var ps []gitignore.Pattern
	for _, name := range names {
		if path.Base(name) != sourceignore.IgnoreFile {
			continue
		}
		var domain []string
		if dir := path.Dir(name); dir != "." {
			domain = strings.Split(dir, "/")
		}
		ps = append(ps, sourceignore.ReadPatterns(strings.NewReader(req.Files[name]), domain)...)
	}
	if req.Ignore != nil {
		ps = append(ps, sourceignore.ReadPatterns(strings.NewReader(*req.Ignore), nil)...)
	}
	matcher := sourceignore.NewDefaultMatcher(ps, nil)
	if len(ps) > 0 {
		matcher = sourceignore.NewMatcher(append(sourceignore.VCSPatterns(nil), ps...))
	}
	kept := make(map[string]string, len(names))
	for _, name := range names {
		// Storage.Archive walks every file and asks the filter with the file's whole path (a matched folder
		// does not stop the walk, so `/*` + `!/clusters/prod/` keeps clusters/prod/)
		ignored := matcher.Match(strings.Split(name, "/"), false)
		switch {
		case ignored:
			resp.Ignored = append(resp.Ignored, name)
		case !representable(name):
			resp.Unrepresentable = append(resp.Unrepresentable, name)
			resp.Kept = append(resp.Kept, name)
		default:
			resp.Kept = append(resp.Kept, name)
			kept[name] = req.Files[name]
		}
	}
	artifactFiles = kept
	fs, hasOpenAPI, err := newArtifactFS(kept)
	if err != nil {
		resp.Error = err.Error()
		artifactFS = nil
		return resp
	}
	artifactFS, artifactHasOpenAPI = fs, hasOpenAPI
	return resp
}
