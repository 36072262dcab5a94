package main

// The engine: what kustomize-controller does between "artifact unpacked" and
// "objects handed to server-side apply" (see shared/reference/flux-build.md
// §1.2-§1.6 and §2), on an in-memory copy of the artifact.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"sort"
	"strings"
	"sync"

	"github.com/fluxcd/pkg/envsubst"
	"sigs.k8s.io/kustomize/api/konfig"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/api/provider"
	"sigs.k8s.io/kustomize/api/resmap"
	"sigs.k8s.io/kustomize/api/resource"
	kustypes "sigs.k8s.io/kustomize/api/types"
	"sigs.k8s.io/kustomize/kyaml/filesys"
	"sigs.k8s.io/kustomize/kyaml/openapi"
	"sigs.k8s.io/yaml"
)

// ArtifactRoot is where the artifact's files live in the in-memory
// filesystem. It is not "/" because Flux's generator turns absolute file
// paths into "./rel" paths with strings.Replace(file, dir, ".", 1), which
// only works for a dir that is not "/". Kustomize's messages show paths
// under it.
const ArtifactRoot = "/artifact"

// Versions of the code this engine runs. The kustomize and envsubst
// versions are read from the binary's build info; the generator glue is a
// copy of fluxcd/pkg/kustomize at this tag (see generator.go).
const (
	fluxPkgKustomizeVersion = "kustomize/v1.39.0"
	kustomizeReleaseVersion = "v5.8.1"
)

const (
	originAnnotationKey     = "config.kubernetes.io/origin"
	substituteAnnotationKey = "kustomize.toolkit.fluxcd.io/substitute"
	disabledValue           = "disabled"
	ownerLabelName          = "kustomize.toolkit.fluxcd.io/name"
	ownerLabelNamespace     = "kustomize.toolkit.fluxcd.io/namespace"
	// varsubRegex is the regular expression Flux validates var names with.
	varsubRegex = "^[_[:alpha:]][_[:alpha:][:digit:]]*$"
)

// BuildRequest is the input of build().
type BuildRequest struct {
	Files        map[string]string      `json:"files"`
	Path         string                 `json:"path"`
	Spec         map[string]interface{} `json:"spec"`
	Name         string                 `json:"name"`
	Namespace    string                 `json:"namespace"`
	Substitution *SubstitutionOptions   `json:"substitution,omitempty"`
}

// SubstitutionOptions are the resolved post-build variables.
type SubstitutionOptions struct {
	Variables      map[string]string `json:"variables"`
	UnknownSources bool              `json:"unknownSources"`
	Strict         *bool             `json:"strict,omitempty"`
	Strategy       string            `json:"strategy,omitempty"`
}

// BuildObject is one object of the build output.
type BuildObject struct {
	Object     map[string]interface{} `json:"object"`
	OriginPath string                 `json:"originPath"`
	Generated  bool                   `json:"generated"`
}

// BuildResponse is the output of build().
type BuildResponse struct {
	Objects          []BuildObject `json:"objects"`
	UnknownVariables []string      `json:"unknownVariables"`
	Warnings         []string      `json:"warnings"`
	Kustomization    string        `json:"kustomization,omitempty"`
	Error            string        `json:"error,omitempty"`
}

// SubstituteRequest is the input of substitute().
type SubstituteRequest struct {
	// Objects are JSON objects or strings holding the YAML of one object.
	Objects []json.RawMessage `json:"objects"`
	SubstitutionOptions
}

// SubstituteResponse is the output of substitute().
type SubstituteResponse struct {
	Objects          []map[string]interface{} `json:"objects"`
	SourceIndexes    []int                    `json:"sourceIndexes"`
	UnknownVariables []string                 `json:"unknownVariables"`
	Error            string                   `json:"error,omitempty"`
}

// VersionResponse is the output of version().
type VersionResponse struct {
	Kustomize        string `json:"kustomize"`
	KustomizeAPI     string `json:"kustomizeApi"`
	Kyaml            string `json:"kyaml"`
	FluxPkgKustomize string `json:"fluxPkgKustomize"`
	FluxPkgEnvsubst  string `json:"fluxPkgEnvsubst"`
	Go               string `json:"go"`
	ArtifactRoot     string `json:"artifactRoot"`
}

// UnknownMarker is what a variable whose value is not known offline is
// replaced with.
func UnknownMarker(name string) string { return "\u00abflux:" + name + "\u00bb" }

var (
	engineMu       sync.Mutex
	defaultVersion string
	logBuf         bytes.Buffer
	varNameRegex   = regexp.MustCompile(varsubRegex)
)

func init() {
	defaultVersion = openapi.GetSchemaVersion()
	// Kustomize logs deprecation warnings with the standard logger; they are
	// returned as warnings instead of being written to the console.
	log.SetOutput(&logBuf)
	log.SetFlags(0)
	// No network: remote HTTP resources fail at once, naming the URL, and
	// git is never run (kustomize clones remote bases with the git binary it
	// finds on PATH).
	http.DefaultTransport = offlineTransport{}
	_ = os.Setenv("PATH", "")
}

type offlineTransport struct{}

func (offlineTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	return nil, fmt.Errorf("remote resource %s cannot be fetched: the offline Flux build has no network", req.URL.String())
}

// guard turns a panic into an error.
func guard(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("recovered from panic: %v", r)
	}
}

// Build runs Flux's generator, kustomize build and the per-object steps of
// kustomize-controller.
func Build(req BuildRequest) (resp BuildResponse) {
	engineMu.Lock()
	defer engineMu.Unlock()
	logBuf.Reset()
	resp.Objects = []BuildObject{}
	resp.UnknownVariables = []string{}
	var err error
	func() {
		defer guard(&err)
		err = build(req, &resp)
	}()
	resp.Warnings = warnings()
	if err != nil {
		resp.Objects = []BuildObject{}
		resp.Error = err.Error()
	}
	return resp
}

func warnings() []string {
	out := []string{}
	for _, line := range strings.Split(logBuf.String(), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	logBuf.Reset()
	return out
}

func artifactPath(rel string) string {
	// securejoin.SecureJoin(tmpDir, rel): ".." cannot climb out of the root.
	return path.Join(ArtifactRoot, path.Clean("/"+filepath.ToSlash(rel)))
}

// newArtifactFS writes files into a fresh in-memory filesystem under ArtifactRoot.
func newArtifactFS(files map[string]string) (filesys.FileSystem, bool, error) {
	fs := filesys.MakeFsInMemory()
	if err := fs.MkdirAll(ArtifactRoot); err != nil {
		return nil, false, err
	}
	hasOpenAPI := false
	for name, content := range files {
		if err := fs.WriteFile(artifactPath(name), []byte(content)); err != nil {
			return nil, false, fmt.Errorf("cannot add %s to the in-memory artifact: %w", name, err)
		}
		if isKustomizationFile(name) && strings.Contains(content, "openapi") {
			hasOpenAPI = true
		}
	}
	return fs, hasOpenAPI, nil
}

func build(req BuildRequest, resp *BuildResponse) (err error) {
	var fs filesys.FileSystem
	var hasOpenAPI bool
	if req.Files == nil && artifactFS != nil {
		// SetArtifact's filesystem, shared by the builds of one repository: the only file a build writes (the
		// generated or overlaid top-level kustomization) is put back afterwards
		fs, hasOpenAPI = artifactFS, artifactHasOpenAPI
	} else {
		files := req.Files
		if files == nil {
			files = artifactFiles
		}
		if fs, hasOpenAPI, err = newArtifactFS(files); err != nil {
			return err
		}
	}
	spec := req.Spec
	if spec == nil {
		spec = map[string]interface{}{}
	}

	dirPath := artifactPath(req.Path)
	if !fs.Exists(dirPath) {
		return fmt.Errorf("kustomization path not found: stat %s: no such file or directory", dirPath)
	}

	// §1.2-§1.3: generator and overlays (KC generate()).
	gen := &generator{fs: fs, spec: spec}
	kus, kfile, _, err := gen.GenerateManifest(dirPath)
	if err != nil {
		return err
	}
	manifest, err := yaml.Marshal(kus)
	if err != nil {
		return err
	}
	resp.Kustomization = string(manifest)

	// Origins are always tracked so each object can name its file; the
	// annotation is removed again below unless the kustomization asked for it.
	keepOrigin := containsString(kus.BuildMetadata, kustypes.OriginAnnotations)
	if !keepOrigin {
		withOrigin := *kus
		withOrigin.BuildMetadata = append(append([]string{}, kus.BuildMetadata...), kustypes.OriginAnnotations)
		manifest, err = yaml.Marshal(withOrigin)
		if err != nil {
			return err
		}
	}
	if previous, readErr := fs.ReadFile(kfile); readErr == nil {
		defer func() { _ = fs.WriteFile(kfile, previous) }()
	} else {
		defer func() { _ = fs.RemoveAll(kfile) }()
	}
	if err := fs.WriteFile(kfile, manifest); err != nil {
		return err
	}

	// §1.4: kustomize build.
	m, err := runKrusty(fs, dirPath, hasOpenAPI)
	if err != nil {
		return fmt.Errorf("kustomize build failed: %w", err)
	}

	resources := m.Resources()
	origins := make([]*resource.Origin, len(resources))
	for i, res := range resources {
		origins[i], _ = res.GetOrigin()
	}
	if !keepOrigin {
		if err := m.RemoveOriginAnnotations(); err != nil {
			return fmt.Errorf("kustomize build failed: %w", err)
		}
	}

	// §1.5: per-resource checks and post-build substitution.
	subst := req.Substitution
	if subst == nil {
		subst = substitutionFromSpec(spec)
	}
	var sub *substituter
	if subst != nil {
		sub, err = newSubstituter(*subst)
		if err != nil {
			return err
		}
	}
	specDir := path.Clean(strings.TrimPrefix(strings.TrimPrefix(dirPath, ArtifactRoot), "/"))
	type built struct {
		objects []map[string]interface{}
		origin  *resource.Origin
	}
	all := make([]built, 0, len(resources))
	for i, res := range resources {
		if res.GetName() == "" || res.GetKind() == "" || res.GetApiVersion() == "" {
			return fmt.Errorf("failed to decode Kubernetes apiVersion, kind and name from: %v", res.String())
		}
		if sub != nil {
			if err := sub.substituteResource(res); err != nil {
				return fmt.Errorf("post build failed for '%s/%s': %w", res.GetGvk(), res.GetName(), err)
			}
		}
		objs, err := readObjects(res)
		if err != nil {
			return err
		}
		all = append(all, built{objects: objs, origin: origins[i]})
	}
	if sub != nil {
		resp.UnknownVariables = sub.unknownNames()
	}

	// §1.6: owner labels, then commonMetadata.
	var cmLabels, cmAnnotations map[string]string
	if cm, ok := spec["commonMetadata"].(map[string]interface{}); ok {
		cmLabels = stringMap(cm["labels"])
		cmAnnotations = stringMap(cm["annotations"])
	}
	for _, b := range all {
		originPath, generated := describeOrigin(b.origin, specDir)
		for _, obj := range b.objects {
			if req.Name != "" {
				setMetadataMap(obj, "labels", map[string]string{
					ownerLabelName:      req.Name,
					ownerLabelNamespace: req.Namespace,
				}, true)
			}
			setMetadataMap(obj, "labels", cmLabels, false)
			setMetadataMap(obj, "annotations", cmAnnotations, false)
			resp.Objects = append(resp.Objects, BuildObject{Object: obj, OriginPath: originPath, Generated: generated})
		}
	}
	return nil
}

func isKustomizationFile(name string) bool {
	base := path.Base(filepath.ToSlash(name))
	for _, k := range konfig.RecognizedKustomizationFileNames() {
		if base == k {
			return true
		}
	}
	return false
}

// runKrusty is fluxcd/pkg/kustomize.Build with one change: Flux resets the
// global OpenAPI schema and re-parses the built-in Kubernetes schema before
// every build (resetOpenAPIWithBuiltins), which costs 0.3-1.5 s in
// WebAssembly. Here the parsed built-in schema is kept across builds, and the
// reset is done only when it can make a difference: before a build whose
// kustomizations mention `openapi` (a custom schema is then added on top of
// the built-ins, as in Flux), and after any build that left a non-default
// schema behind (as Flux's deferred ResetOpenAPI does).
func runKrusty(fs filesys.FileSystem, dirPath string, hasOpenAPI bool) (m resmap.ResMap, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered from kustomize build panic: %v", r)
		}
		if openapi.GetSchemaVersion() != defaultVersion {
			openapi.ResetOpenAPI()
		}
	}()
	if hasOpenAPI {
		openapi.ResetOpenAPI()
		_ = openapi.Schema()
	}
	k := krusty.MakeKustomizer(fluxKrustyOptions())
	return k.Run(fs, dirPath)
}

func describeOrigin(o *resource.Origin, specDir string) (string, bool) {
	if o == nil {
		return "", false
	}
	generated := o.ConfiguredBy.APIVersion == "builtin" &&
		(o.ConfiguredBy.Kind == "ConfigMapGenerator" || o.ConfiguredBy.Kind == "SecretGenerator")
	p := o.Path
	if p == "" && o.ConfiguredIn != "" {
		p = o.ConfiguredIn
	}
	if p == "" || o.Repo != "" {
		return "", generated
	}
	return path.Clean(path.Join(specDir, filepath.ToSlash(p))), generated
}

// readObjects is ssautil.ReadObjects for one resource: Lists are expanded,
// objects without name/kind/apiVersion and kustomize Kustomizations dropped.
func readObjects(res *resource.Resource) ([]map[string]interface{}, error) {
	// Flux renders the ResMap as YAML and decodes it back to JSON; the
	// resource's own JSON is the same data without the detour.
	j, err := res.MarshalJSON()
	if err != nil {
		return nil, err
	}
	var obj map[string]interface{}
	dec := json.NewDecoder(bytes.NewReader(j))
	if err := dec.Decode(&obj); err != nil {
		return nil, err
	}
	if obj == nil {
		return nil, nil
	}
	if items, ok := obj["items"]; ok {
		list, isList := items.([]interface{})
		if isList {
			out := []map[string]interface{}{}
			for _, item := range list {
				child, ok := item.(map[string]interface{})
				if !ok {
					return nil, fmt.Errorf("items member is not an object: %T", child)
				}
				out = append(out, child)
			}
			return out, nil
		}
	}
	if !isKubernetesObject(obj) || isKustomization(obj) {
		return nil, nil
	}
	return []map[string]interface{}{obj}, nil
}

func metaString(obj map[string]interface{}, field string) string {
	md, _ := obj["metadata"].(map[string]interface{})
	s, _ := md[field].(string)
	return s
}

func isKubernetesObject(obj map[string]interface{}) bool {
	kind, _ := obj["kind"].(string)
	apiVersion, _ := obj["apiVersion"].(string)
	return metaString(obj, "name") != "" && kind != "" && apiVersion != ""
}

func isKustomization(obj map[string]interface{}) bool {
	kind, _ := obj["kind"].(string)
	apiVersion, _ := obj["apiVersion"].(string)
	return strings.ToLower(kind) == "kustomization" && strings.HasPrefix(apiVersion, "kustomize.config.k8s.io/")
}

// setMetadataMap merges values into metadata.labels/annotations, overwriting
// same keys (ResourceManager.SetOwnerLabels, ssautil.SetCommonMetadata).
func setMetadataMap(obj map[string]interface{}, field string, values map[string]string, always bool) {
	if len(values) == 0 && !always {
		return
	}
	md, ok := obj["metadata"].(map[string]interface{})
	if !ok {
		md = map[string]interface{}{}
		obj["metadata"] = md
	}
	m, ok := md[field].(map[string]interface{})
	if !ok {
		m = map[string]interface{}{}
	}
	for k, v := range values {
		m[k] = v
	}
	if len(m) > 0 {
		md[field] = m
	}
}

func stringMap(v interface{}) map[string]string {
	in, ok := v.(map[string]interface{})
	if !ok {
		return nil
	}
	out := make(map[string]string, len(in))
	for k, val := range in {
		if s, ok := val.(string); ok {
			out[k] = s
		}
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// substitutionFromSpec derives the substitution options from spec.postBuild
// when the caller did not resolve them: inline `substitute` values are known,
// any `substituteFrom` entry makes every other variable unknown.
func substitutionFromSpec(spec map[string]interface{}) *SubstitutionOptions {
	pb, ok := spec["postBuild"].(map[string]interface{})
	if !ok {
		return nil
	}
	opts := &SubstitutionOptions{Variables: stringMap(pb["substitute"])}
	if from, ok := pb["substituteFrom"].([]interface{}); ok && len(from) > 0 {
		opts.UnknownSources = true
	}
	opts.Strategy, _ = pb["substituteStrategy"].(string)
	return opts
}

// ---- post-build substitution (fluxcd/pkg/kustomize kustomize_varsub.go) ----

type substituter struct {
	vars           map[string]string
	unknownSources bool
	strict         bool
	always         bool
	unknown        map[string]bool
}

func newSubstituter(o SubstitutionOptions) (*substituter, error) {
	s := &substituter{
		vars:           map[string]string{},
		unknownSources: o.UnknownSources,
		strict:         o.Strict == nil || *o.Strict,
		always:         o.Strategy == "Always",
		unknown:        map[string]bool{},
	}
	for k, v := range o.Variables {
		s.vars[k] = strings.ReplaceAll(v, "\n", "")
	}
	return s, nil
}

func (s *substituter) unknownNames() []string {
	out := make([]string, 0, len(s.unknown))
	for k := range s.unknown {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// substituteResource is SubstituteVariables: skipped when opted out, run when
// there are variables or the strategy is Always (or, offline, when some
// source is unknown), on the object's YAML text, re-parsed as JSON.
func (s *substituter) substituteResource(res *resource.Resource) error {
	resData, err := res.AsYAML()
	if err != nil {
		return err
	}
	if res.GetLabels()[substituteAnnotationKey] == disabledValue || res.GetAnnotations()[substituteAnnotationKey] == disabledValue {
		return nil
	}
	if len(s.vars) > 0 || s.always || s.unknownSources {
		jsonData, err := s.varSubstitution(resData)
		if err != nil {
			return fmt.Errorf("envsubst error: %w", err)
		}
		if err := res.UnmarshalJSON(jsonData); err != nil {
			return fmt.Errorf("UnmarshalJSON: %w", err)
		}
	}
	return nil
}

func (s *substituter) varSubstitution(data []byte) ([]byte, error) {
	for v := range s.vars {
		if !varNameRegex.MatchString(v) {
			return nil, fmt.Errorf("'%s' var name is invalid, must match '%s'", v, varsubRegex)
		}
	}

	output, err := envsubst.Eval(string(data), func(name string) (string, bool) {
		if v, ok := s.vars[name]; ok {
			return v, true
		}
		if s.unknownSources {
			// The variable may come from a ConfigMap or Secret that could
			// not be read offline.
			s.unknown[name] = true
			return UnknownMarker(name), true
		}
		if s.strict {
			return "", false
		}
		return "", true
	})
	if err != nil {
		return nil, fmt.Errorf("variable substitution failed: %w", err)
	}

	jsonData, err := yaml.YAMLToJSON([]byte(output))
	if err != nil {
		return nil, fmt.Errorf("YAMLToJSON: %w", err)
	}
	return jsonData, nil
}

// Substitute runs post-build substitution over objects given as JSON or as
// YAML text.
func Substitute(req SubstituteRequest) (resp SubstituteResponse) {
	engineMu.Lock()
	defer engineMu.Unlock()
	logBuf.Reset()
	resp.Objects = []map[string]interface{}{}
	resp.SourceIndexes = []int{}
	resp.UnknownVariables = []string{}
	var err error
	func() {
		defer guard(&err)
		err = substitute(req, &resp)
	}()
	logBuf.Reset()
	if err != nil {
		resp.Objects = []map[string]interface{}{}
		resp.SourceIndexes = []int{}
		resp.Error = err.Error()
	}
	return resp
}

func substitute(req SubstituteRequest, resp *SubstituteResponse) error {
	sub, err := newSubstituter(req.SubstitutionOptions)
	if err != nil {
		return err
	}
	rf := provider.NewDefaultDepProvider().GetResourceFactory()
	for i, raw := range req.Objects {
		var data []byte
		var text string
		if err := json.Unmarshal(raw, &text); err == nil {
			data = []byte(text)
		} else {
			data = raw
		}
		res, err := rf.FromBytes(data)
		if err != nil {
			return fmt.Errorf("object %d: %w", i, err)
		}
		if err := sub.substituteResource(res); err != nil {
			return fmt.Errorf("post build failed for '%s/%s': %w", res.GetGvk(), res.GetName(), err)
		}
		objs, err := readObjects(res)
		if err != nil {
			return err
		}
		for _, o := range objs {
			resp.Objects = append(resp.Objects, o)
			resp.SourceIndexes = append(resp.SourceIndexes, i)
		}
	}
	resp.UnknownVariables = sub.unknownNames()
	return nil
}

// Version reports the versions of the code the engine runs.
func Version() VersionResponse {
	v := VersionResponse{
		Kustomize:        kustomizeReleaseVersion,
		FluxPkgKustomize: fluxPkgKustomizeVersion,
		ArtifactRoot:     ArtifactRoot,
	}
	if info, ok := debug.ReadBuildInfo(); ok {
		v.Go = info.GoVersion
		for _, d := range info.Deps {
			version := d.Version
			if d.Replace != nil {
				version = d.Replace.Version
			}
			switch d.Path {
			case "sigs.k8s.io/kustomize/api":
				v.KustomizeAPI = version
			case "sigs.k8s.io/kustomize/kyaml":
				v.Kyaml = version
			case "github.com/fluxcd/pkg/envsubst":
				v.FluxPkgEnvsubst = "envsubst/" + version
			}
		}
	}
	return v
}
