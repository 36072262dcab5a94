// Command conformance is the upstream oracle of the differential test (npm run conformance): it reads
// Kubernetes objects (YAML or JSON documents, '---' separated) on stdin and writes one JSON verdict per
// object on stdout, judged by upstream's own code in the API server's order:
//
//  1. apiextensions-apiserver v0.36.3: prune, default, OpenAPI, object meta, list types, then CEL
//     x-kubernetes-validations (only when nothing blocking came before, as strategy.go does);
//  2. ESO v2.9.0's admission validators (ExternalSecret, SecretStore, ClusterSecretStore, from the
//     ESO apis module) on the pruned and defaulted object.
//
// The provider modules (providers/v1/vault, openbao, fake) at v2.9.0 are not served by the Go module
// proxy (403 "This module version is not available"), so their own ValidateStore cannot be linked:
// provider.go registers the vault, openBao and fake store types with a ValidateStore that accepts, so
// the generic store checks (namespace regexes compile, refreshInterval parses, exactly one provider,
// a registered provider) are upstream's while the provider-specific ones are not exercised.
//
// Usage: conformance CRD.yaml... < objects.yaml
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"sort"

	"github.com/go-logr/logr"
	"k8s.io/apiextensions-apiserver/pkg/apihelpers"
	apiext "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions"
	apiextv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	sschema "k8s.io/apiextensions-apiserver/pkg/apiserver/schema"
	"k8s.io/apiextensions-apiserver/pkg/apiserver/schema/cel"
	"k8s.io/apiextensions-apiserver/pkg/apiserver/schema/defaulting"
	"k8s.io/apiextensions-apiserver/pkg/apiserver/schema/listtype"
	"k8s.io/apiextensions-apiserver/pkg/apiserver/schema/objectmeta"
	"k8s.io/apiextensions-apiserver/pkg/apiserver/schema/pruning"
	apival "k8s.io/apiextensions-apiserver/pkg/apiserver/validation"
	metaval "k8s.io/apimachinery/pkg/api/validation"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/validation/field"
	k8syaml "k8s.io/apimachinery/pkg/util/yaml"
	celconfig "k8s.io/apiserver/pkg/apis/cel"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/webhook/admission"
	"sigs.k8s.io/yaml"

	esv1 "github.com/external-secrets/external-secrets/apis/externalsecrets/v1"
	esv1alpha1 "github.com/external-secrets/external-secrets/apis/externalsecrets/v1alpha1"
	genv1alpha1 "github.com/external-secrets/external-secrets/apis/generators/v1alpha1"
)

// Verdict is one line of output.
type Verdict struct {
	// Index is the position of the document in the input (0-based, counting only objects).
	Index      int      `json:"index"`
	Kind       string   `json:"kind"`
	Name       string   `json:"name"`
	Known      bool     `json:"known"`
	Allowed    bool     `json:"allowed"`
	CRDErrors  []Error  `json:"crdErrors"`
	ESOError   string   `json:"esoError,omitempty"`
	ESOChecked bool     `json:"esoChecked"`
	Warnings   []string `json:"warnings"`
	Pruned     []string `json:"prunedFields"`
	// DecodeError: the admitted object does not decode into ESO's Go type (what the controller's client
	// does on every reconcile), e.g. a metav1.Duration that time.ParseDuration refuses. Admission does
	// not see it for kinds without a webhook (PushSecret, generators): the object is stored, then fails.
	DecodeError string `json:"decodeError,omitempty"`
	// RuntimeErrors: what the controller refuses at reconcile of an admitted object, by upstream's engines:
	// the regular expressions ESO compiles with Go's regexp (find.name.regexp, rewrite regexp.source,
	// dataTo match.regexp) and retrySettings.retryInterval, parsed by time.ParseDuration.
	RuntimeErrors []string `json:"runtimeErrors"`
	ParseError    string   `json:"parseError,omitempty"`
}

// Error is one field error of the CRD pipeline.
type Error struct {
	// Stage: "openapi" (meta, OpenAPI, list types) or "cel" (x-kubernetes-validations).
	Stage  string `json:"stage"`
	Type   string `json:"type"`
	Field  string `json:"field"`
	Detail string `json:"detail"`
	Text   string `json:"text"`
}

type entry struct {
	s          *sschema.Structural
	sv         apival.SchemaValidator
	cel        *cel.Validator
	namespaced bool
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func docs(r io.Reader, f func(js []byte)) {
	yr := k8syaml.NewYAMLReader(bufio.NewReaderSize(r, 1<<20))
	for {
		doc, err := yr.Read()
		if errors.Is(err, io.EOF) {
			return
		}
		must(err)
		js, err := yaml.YAMLToJSON(doc)
		if err != nil || string(js) == "null" {
			continue
		}
		f(js)
	}
}

func load(m map[string]*entry, r io.Reader) {
	docs(r, func(js []byte) {
		var crd apiextv1.CustomResourceDefinition
		if json.Unmarshal(js, &crd) != nil || crd.Kind != "CustomResourceDefinition" {
			return
		}
		apiextv1.SetObjectDefaults_CustomResourceDefinition(&crd)
		for _, v := range crd.Spec.Versions {
			val, err := apihelpers.GetSchemaForVersion(&crd, v.Name)
			if err != nil || val == nil || !v.Served {
				continue
			}
			in := &apiext.CustomResourceValidation{}
			must(apiextv1.Convert_v1_CustomResourceValidation_To_apiextensions_CustomResourceValidation(val, in, nil))
			s, err := sschema.NewStructural(in.OpenAPIV3Schema)
			must(err)
			s = s.DeepCopy()
			must(defaulting.PruneDefaults(s))
			sv, _, err := apival.NewSchemaValidator(in.OpenAPIV3Schema)
			must(err)
			m[crd.Spec.Group+"/"+v.Name+"/"+crd.Spec.Names.Kind] = &entry{s, sv,
				cel.NewValidator(s, true, celconfig.PerCallLimit), crd.Spec.Scope == apiextv1.NamespaceScoped}
		}
	})
}

// blocking is strategy.go's hasBlockingErr: CEL only runs when none of these came first.
func blocking(errs field.ErrorList) bool {
	for _, e := range errs {
		switch e.Type {
		case field.ErrorTypeNotSupported, field.ErrorTypeRequired, field.ErrorTypeTooLong, field.ErrorTypeTooMany, field.ErrorTypeTypeInvalid:
			return true
		}
	}
	return false
}

func admit(e *entry, u *unstructured.Unstructured) (pruned []string, errs field.ErrorList, celErrs field.ErrorList) {
	if e.namespaced && u.GetNamespace() == "" {
		u.SetNamespace("default") // the request URL supplies it
	}
	obj := u.Object
	pruned = pruning.PruneWithOptions(obj, e.s, true, sschema.UnknownFieldPathOptions{TrackUnknownFieldPaths: true})
	defaulting.PruneNonNullableNullsWithoutDefaults(obj, e.s)
	ferr, paths := objectmeta.CoerceWithOptions(nil, obj, e.s, false, objectmeta.CoerceOptions{ReturnUnknownFieldPaths: true})
	if ferr != nil {
		return pruned, field.ErrorList{ferr}, nil
	}
	pruned = append(pruned, paths...)
	defaulting.Default(obj, e.s)
	errs = append(errs, metaval.ValidateObjectMetaAccessor(u, e.namespaced, metaval.NameIsDNSSubdomain, field.NewPath("metadata"))...)
	errs = append(errs, apival.ValidateCustomResource(nil, obj, e.sv)...)
	errs = append(errs, objectmeta.Validate(nil, obj, e.s, false)...)
	errs = append(errs, listtype.ValidateListSetsAndMaps(nil, e.s, obj)...)
	if e.cel != nil && !blocking(errs) {
		celErrs, _ = e.cel.Validate(context.Background(), nil, e.s, obj, nil, celconfig.RuntimeCELCostBudget)
	}
	return pruned, errs, celErrs
}

func check[T runtime.Object](u *unstructured.Unstructured, obj T, v admission.Validator[T]) (w admission.Warnings, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("validator panicked")
		}
	}()
	if err := runtime.DefaultUnstructuredConverter.FromUnstructured(u.Object, obj); err != nil {
		return nil, err
	}
	return v.ValidateCreate(context.Background(), obj)
}

// setup registers the providers and loads the CRD files (once per process: esv1.Register panics on a duplicate).
func setup(crdFiles []string) (map[string]*entry, *runtime.Scheme) {
	ctrl.SetLogger(logr.Discard())
	registerProviders()
	scheme := runtime.NewScheme()
	must(esv1.AddToScheme(scheme))
	must(esv1alpha1.AddToScheme(scheme))
	must(genv1alpha1.AddToScheme(scheme))
	crds := map[string]*entry{}
	for _, p := range crdFiles {
		f, err := os.Open(p)
		must(err)
		load(crds, f)
		f.Close()
	}
	return crds, scheme
}

func main() {
	crds, scheme := setup(os.Args[1:])
	out := json.NewEncoder(os.Stdout)
	i := 0
	docs(os.Stdin, func(js []byte) {
		_ = out.Encode(judge(crds, scheme, i, js))
		i++
	})
}

// judge is one object's verdict: CRD pipeline, then (when admitted so far) ESO's webhook, decode and the
// controller's parse checks.
func judge(crds map[string]*entry, scheme *runtime.Scheme, i int, js []byte) Verdict {
	u := &unstructured.Unstructured{}
	if err := u.UnmarshalJSON(js); err != nil {
		return Verdict{Index: i, ParseError: err.Error(), CRDErrors: []Error{}, Warnings: []string{}, Pruned: []string{}, RuntimeErrors: []string{}}
	}
	gvk := u.GroupVersionKind()
	v := Verdict{Index: i, Kind: gvk.Kind, Name: u.GetName(), CRDErrors: []Error{}, Warnings: []string{}, Pruned: []string{}, RuntimeErrors: []string{}}
	e := crds[gvk.Group+"/"+gvk.Version+"/"+gvk.Kind]
	if e == nil {
		return v
	}
	v.Known = true
	pruned, errs, celErrs := admit(e, u)
	sort.Strings(pruned)
	v.Pruned = append(v.Pruned, pruned...)
	for _, x := range errs {
		v.CRDErrors = append(v.CRDErrors, Error{Stage: "openapi", Type: string(x.Type), Field: x.Field, Detail: x.Detail, Text: x.Error()})
	}
	for _, x := range celErrs {
		v.CRDErrors = append(v.CRDErrors, Error{Stage: "cel", Type: string(x.Type), Field: x.Field, Detail: x.Detail, Text: x.Error()})
	}
	errs = append(errs, celErrs...)
	if len(errs) == 0 {
		var w admission.Warnings
		var err error
		v.ESOChecked = true
		switch gvk.String() {
		case "external-secrets.io/v1, Kind=ExternalSecret":
			w, err = check(u, &esv1.ExternalSecret{}, &esv1.ExternalSecretValidator{})
		case "external-secrets.io/v1, Kind=SecretStore":
			w, err = check(u, &esv1.SecretStore{}, &esv1.GenericStoreValidator{})
		case "external-secrets.io/v1, Kind=ClusterSecretStore":
			w, err = check(u, &esv1.ClusterSecretStore{}, &esv1.GenericClusterStoreValidator{})
		default:
			v.ESOChecked = false // ESO has no admission webhook for this kind
		}
		v.Warnings = append(v.Warnings, w...)
		if err != nil {
			v.ESOError = err.Error()
		}
	}
	if len(errs) == 0 && v.ESOError == "" {
		if typed, err := scheme.New(gvk); err == nil {
			js, _ := json.Marshal(u.Object)
			if err := json.Unmarshal(js, typed); err != nil {
				v.DecodeError = err.Error()
			}
		}
		v.RuntimeErrors = append(v.RuntimeErrors, regexErrors(gvk.Kind, u.Object)...)
		if spec, ok := u.Object["spec"]; ok {
			v.RuntimeErrors = append(v.RuntimeErrors, retryErrors(spec, "spec")...)
		}
	}
	v.Allowed = len(errs) == 0 && v.ESOError == ""
	return v
}
