package main

// Flux's kustomization generator, on an in-memory filesystem.
//
// This file is a minimal copy of the generator glue in
// github.com/fluxcd/pkg/kustomize@v1.39.0 (kustomize_generator.go:
// Generator.GenerateManifest, findOrGenerateKustomization, scanManifests,
// adaptSelector, checkKustomizeImageExists, IsLocalRelativePath; and the
// krusty options of Build), the version kustomize-controller v1.9.x pins.
// Flux's code paths are kept line for line; only the parts the controller
// never uses (ignore filters, which only `flux build` applies, and the
// patchesStrategicMerge/patchesJson6902 spec fields, which the
// kustomize.toolkit.fluxcd.io/v1 API no longer has) are left out.
//
// Why a copy and not the package itself: the package does compile for
// js/wasm, but
//   - its Generator has no way to take a filesystem in v1.39.0 (getFS always
//     makes an on-disk one; the `fs` field is unexported), and the engine
//     must work on an in-memory copy of the repository;
//   - importing it links controller-runtime, client-go and
//     apiextensions-apiserver (through kustomize_varsub.go and the API
//     types): the wasm grows from ~21 MB to ~55 MB (5 MB -> 10.6 MB
//     gzipped) and Go's package initialisation alone takes 250-500 ms in
//     Node, over the start-up budget.
//
// engine_test.go (TestMatchesFluxPackages) runs the upstream packages (on disk, on the host) over
// the same fixtures and checks that both produce the same kustomization.yaml.

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"sigs.k8s.io/kustomize/api/konfig"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/api/provider"
	kustypes "sigs.k8s.io/kustomize/api/types"
	"sigs.k8s.io/kustomize/kyaml/filesys"
	"sigs.k8s.io/yaml"
)

// Action mirrors fluxcd/pkg/kustomize.Action.
type Action string

const (
	CreatedAction   Action = "created"
	UnchangedAction Action = "unchanged"
)

// fluxSelector mirrors github.com/fluxcd/pkg/apis/kustomize.Selector.
type fluxSelector struct {
	Group              string `json:"group,omitempty"`
	Version            string `json:"version,omitempty"`
	Kind               string `json:"kind,omitempty"`
	Namespace          string `json:"namespace,omitempty"`
	Name               string `json:"name,omitempty"`
	AnnotationSelector string `json:"annotationSelector,omitempty"`
	LabelSelector      string `json:"labelSelector,omitempty"`
}

// fluxPatch mirrors github.com/fluxcd/pkg/apis/kustomize.Patch.
type fluxPatch struct {
	Patch  string        `json:"patch"`
	Target *fluxSelector `json:"target,omitempty"`
}

// fluxImage mirrors github.com/fluxcd/pkg/apis/kustomize.Image.
type fluxImage struct {
	Name    string `json:"name"`
	NewName string `json:"newName,omitempty"`
	NewTag  string `json:"newTag,omitempty"`
	Digest  string `json:"digest,omitempty"`
}

// generator is fluxcd/pkg/kustomize.Generator with the filesystem passed in.
type generator struct {
	fs   filesys.FileSystem
	spec map[string]interface{} // the Flux Kustomization's .spec
}

// GenerateManifest is fluxcd/pkg/kustomize.Generator.GenerateManifest
// (without the ignore filters). It returns the overlaid kustomization, the
// path of the kustomization file and whether it was created.
func (g *generator) GenerateManifest(dirPath string) (*kustypes.Kustomization, string, Action, error) {
	fs := g.fs

	data, kfile, action, err := g.findOrGenerateKustomization(fs, dirPath)
	if err != nil {
		return nil, "", action, err
	}

	kus := kustypes.Kustomization{
		TypeMeta: kustypes.TypeMeta{
			APIVersion: kustypes.KustomizationVersion,
			Kind:       kustypes.KustomizationKind,
		},
	}

	if err := yaml.Unmarshal(data, &kus); err != nil {
		return nil, "", action, err
	}

	if action == UnchangedAction && len(kus.Resources) == 0 {
		// if there are no resources, set the build metadata
		// to avoid "kustomization.yaml is empty" build error
		kus.BuildMetadata = []string{"originAnnotations"}
	}

	tg, ok, err := g.getNestedString("targetNamespace")
	if err != nil {
		return nil, "", action, err
	}
	if ok {
		kus.Namespace = tg
	}

	nprefix, ok, err := g.getNestedString("namePrefix")
	if err != nil {
		return nil, "", action, err
	}
	if ok {
		kus.NamePrefix = nprefix
	}

	nsuffix, ok, err := g.getNestedString("nameSuffix")
	if err != nil {
		return nil, "", action, err
	}
	if ok {
		kus.NameSuffix = nsuffix
	}

	var patches []fluxPatch
	if err := g.getNestedObjects("patches", &patches); err != nil {
		return nil, "", action, fmt.Errorf("unable to get patches: %w", err)
	}
	for _, p := range patches {
		kus.Patches = append(kus.Patches, kustypes.Patch{
			Patch:  p.Patch,
			Target: adaptSelector(p.Target),
		})
	}

	components, _, err := g.getNestedStringSlice("components")
	if err != nil {
		return nil, "", action, fmt.Errorf("unable to get components: %w", err)
	}

	ignoreMissing := g.getNestedBool("ignoreMissingComponents")
	for _, component := range components {
		if !IsLocalRelativePath(component) {
			return nil, "", action, fmt.Errorf("component path '%s' must be local and relative", component)
		}
		if !fs.Exists(filepath.Join(dirPath, component)) && ignoreMissing {
			continue
		}
		kus.Components = append(kus.Components, component)
	}

	var images []fluxImage
	if err := g.getNestedObjects("images", &images); err != nil {
		return nil, "", action, fmt.Errorf("unable to get images: %w", err)
	}
	for _, image := range images {
		if exists, index := checkKustomizeImageExists(kus.Images, image.Name); exists {
			// Merge the individual fields into the existing entry (pkg
			// kustomize/v1.35.4, v1.39.0): newTag and digest are replaced
			// together.
			if image.NewName != "" {
				kus.Images[index].NewName = image.NewName
			}
			if image.NewTag != "" || image.Digest != "" {
				kus.Images[index].NewTag = image.NewTag
				kus.Images[index].Digest = image.Digest
			}
		} else {
			kus.Images = append(kus.Images, kustypes.Image{
				Name:    image.Name,
				NewName: image.NewName,
				NewTag:  image.NewTag,
				Digest:  image.Digest,
			})
		}
	}

	buildMetadata, _, err := g.getNestedStringSlice("buildMetadata")
	if err != nil {
		return nil, "", action, fmt.Errorf("unable to get buildMetadata: %w", err)
	}
	if len(buildMetadata) > 0 {
		kus.BuildMetadata = buildMetadata
	}

	return &kus, kfile, action, nil
}

// findOrGenerateKustomization returns existing kustomization content or generates new content.
func (g *generator) findOrGenerateKustomization(fs filesys.FileSystem, dirPath string) ([]byte, string, Action, error) {
	// Determine if there already is a Kustomization file at the root,
	// as this means we do not have to generate one.
	for _, kfilename := range konfig.RecognizedKustomizationFileNames() {
		kpath := filepath.Join(dirPath, kfilename)
		if fs.Exists(kpath) && !fs.IsDir(kpath) {
			data, err := fs.ReadFile(kpath)
			return data, kpath, UnchangedAction, err
		}
	}

	abs, err := filepath.Abs(dirPath)
	if err != nil {
		return nil, "", UnchangedAction, err
	}

	files, err := scanManifests(fs, abs)
	if err != nil {
		return nil, "", UnchangedAction, err
	}

	kus := kustypes.Kustomization{
		TypeMeta: kustypes.TypeMeta{
			APIVersion: kustypes.KustomizationVersion,
			Kind:       kustypes.KustomizationKind,
		},
	}

	var resources []string
	for _, file := range files {
		resources = append(resources, strings.Replace(file, abs, ".", 1))
	}

	if len(resources) == 0 {
		// if there are no resources, set a placeholder namespace
		// to avoid "kustomization.yaml is empty" build error
		kus.Namespace = "_placeholder"
	} else {
		kus.Resources = resources
	}

	kfile := filepath.Join(dirPath, konfig.DefaultKustomizationFileName())
	data, err := yaml.Marshal(kus)
	return data, kfile, CreatedAction, err
}

// scanManifests walks through the given base path parsing all the files and
// collecting a list of all the yaml file paths which can be used as
// kustomization resources.
func scanManifests(fs filesys.FileSystem, base string) ([]string, error) {
	var paths []string
	pvd := provider.NewDefaultDepProvider()
	rf := pvd.GetResourceFactory()

	err := fs.Walk(base, func(path string, info os.FileInfo, err error) (walkErr error) {
		if err != nil {
			walkErr = err
			return
		}
		if path == base {
			return
		}
		if info.IsDir() {
			// If a sub-directory contains an existing kustomization file add the
			// directory as a resource and do not descend into it.
			for _, kfilename := range konfig.RecognizedKustomizationFileNames() {
				if kpath := filepath.Join(path, kfilename); fs.Exists(kpath) && !fs.IsDir(kpath) {
					paths = append(paths, path)
					return filepath.SkipDir
				}
			}
			return
		}

		extension := filepath.Ext(path)
		if extension != ".yaml" && extension != ".yml" {
			return
		}

		fContents, err := fs.ReadFile(path)
		if err != nil {
			walkErr = err
			return
		}

		// Kustomize YAML parser tends to panic in unpredicted ways due to
		// (accidental) invalid object data; recover when this happens to ensure
		// continuity of operations.
		defer func() {
			if r := recover(); r != nil {
				walkErr = fmt.Errorf("recovered from panic while parsing YAML file %s: %v", filepath.Base(path), r)
			}
		}()

		if _, err := rf.SliceFromBytes(fContents); err != nil {
			walkErr = fmt.Errorf("failed to decode Kubernetes YAML from %s: %w", path, err)
			return
		}
		paths = append(paths, path)
		return
	})
	return paths, err
}

func adaptSelector(selector *fluxSelector) (output *kustypes.Selector) {
	if selector != nil {
		output = &kustypes.Selector{}
		output.Gvk.Group = selector.Group
		output.Gvk.Kind = selector.Kind
		output.Gvk.Version = selector.Version
		output.Name = selector.Name
		output.Namespace = selector.Namespace
		output.LabelSelector = selector.LabelSelector
		output.AnnotationSelector = selector.AnnotationSelector
	}
	return
}

func checkKustomizeImageExists(images []kustypes.Image, imageName string) (bool, int) {
	for i, image := range images {
		if imageName == image.Name {
			return true, i
		}
	}
	return false, -1
}

// IsLocalRelativePath is fluxcd/pkg/kustomize.IsLocalRelativePath.
func IsLocalRelativePath(path string) bool {
	// From: https://github.com/kubernetes-sigs/kustomize/blob/84bd402cc0662c5df3f109c4f80c22611243c5f9/api/internal/git/repospec.go#L231-L239
	// with "file://" removed/
	for _, p := range []string{
		// Order matters here.
		"git::", "gh:", "ssh://", "https://", "http://",
		"git@", "github.com:", "github.com/"} {
		if len(p) < len(path) && strings.ToLower(path[:len(p)]) == p {
			return false
		}
	}

	if filepath.IsAbs(path) || filepath.IsAbs(strings.TrimPrefix(strings.ToLower(path), "file://")) {
		return false
	}
	return true
}

// fluxKrustyOptions are the options of fluxcd/pkg/kustomize.Build.
func fluxKrustyOptions() *krusty.Options {
	return &krusty.Options{
		LoadRestrictions: kustypes.LoadRestrictionsNone,
		PluginConfig:     kustypes.DisabledPluginConfig(),
	}
}

// The accessors below behave like k8s.io/apimachinery's unstructured.Nested*
// helpers on `.spec` (found/not found, a type error when present with
// another type), without linking apimachinery.

func (g *generator) getNestedString(field string) (string, bool, error) {
	v, ok := g.spec[field]
	if !ok || v == nil {
		return "", false, nil
	}
	s, isString := v.(string)
	if !isString {
		return "", true, fmt.Errorf(".spec.%s accessor error: %v is of the type %T, expected string", field, v, v)
	}
	return s, true, nil
}

func (g *generator) getNestedStringSlice(field string) ([]string, bool, error) {
	v, ok := g.spec[field]
	if !ok || v == nil {
		return []string{}, false, nil
	}
	items, isSlice := v.([]interface{})
	if !isSlice {
		return []string{}, true, fmt.Errorf(".spec.%s accessor error: %v is of the type %T, expected []interface{}", field, v, v)
	}
	out := make([]string, 0, len(items))
	for _, item := range items {
		s, isString := item.(string)
		if !isString {
			return []string{}, true, fmt.Errorf(".spec.%s accessor error: contains non-string value in the slice: %v is of the type %T, expected string", field, item, item)
		}
		out = append(out, s)
	}
	return out, true, nil
}

func (g *generator) getNestedBool(field string) bool {
	b, _ := g.spec[field].(bool)
	return b
}

// getNestedObjects decodes a list of objects (patches, images) the way
// runtime.DefaultUnstructuredConverter.FromUnstructured does: by JSON field.
func (g *generator) getNestedObjects(field string, into interface{}) error {
	v, ok := g.spec[field]
	if !ok || v == nil {
		return nil
	}
	items, isSlice := v.([]interface{})
	if !isSlice {
		return fmt.Errorf(".spec.%s accessor error: %v is of the type %T, expected []interface{}", field, v, v)
	}
	for k, item := range items {
		if _, isMap := item.(map[string]interface{}); !isMap {
			return fmt.Errorf("unable to convert patch %d to map[string]interface{}", k)
		}
	}
	raw, err := json.Marshal(items)
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, into)
}
