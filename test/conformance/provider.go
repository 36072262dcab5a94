package main

import (
	"context"
	"reflect"

	esv1 "github.com/external-secrets/external-secrets/apis/externalsecrets/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/webhook/admission"
)

// acceptingProvider stands in for a provider module the module proxy does not serve (see main.go): it
// makes GetProvider find the store type, and its ValidateStore accepts (provider-specific admission
// checks, e.g. vault's referent-auth and client TLS pairing, are therefore not exercised).
type acceptingProvider struct{}

func (acceptingProvider) NewClient(context.Context, esv1.GenericStore, client.Client, string) (esv1.SecretsClient, error) {
	return nil, nil
}

func (acceptingProvider) ValidateStore(esv1.GenericStore) (admission.Warnings, error) {
	return nil, nil
}

func (acceptingProvider) Capabilities() esv1.SecretStoreCapabilities {
	return esv1.SecretStoreReadWrite
}

// registerProviders registers every provider field of esv1.SecretStoreProvider (the ESO controller binary
// registers all of them), so GetProvider's "exactly one provider" and "registered" checks are upstream's.
func registerProviders() {
	t := reflect.TypeOf(esv1.SecretStoreProvider{})
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Type.Kind() != reflect.Pointer {
			continue
		}
		spec := &esv1.SecretStoreProvider{}
		reflect.ValueOf(spec).Elem().Field(i).Set(reflect.New(f.Type.Elem()))
		esv1.Register(acceptingProvider{}, spec, esv1.MaintenanceStatusMaintained)
	}
}
