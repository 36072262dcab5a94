package main

import (
	"context"

	esv1 "github.com/external-secrets/external-secrets/apis/externalsecrets/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/webhook/admission"
)

// acceptingProvider stands in for a provider module the module proxy does not serve (see main.go): it
// makes GetProvider find the store type, and its ValidateStore accepts.
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

func registerProviders() {
	// The three the library renders (vault, openBao, fake), each maintained in ESO v2.9.0.
	esv1.Register(acceptingProvider{}, &esv1.SecretStoreProvider{Vault: &esv1.VaultProvider{}}, esv1.MaintenanceStatusMaintained)
	esv1.Register(acceptingProvider{}, &esv1.SecretStoreProvider{OpenBao: &esv1.OpenBaoProvider{}}, esv1.MaintenanceStatusMaintained)
	esv1.Register(acceptingProvider{}, &esv1.SecretStoreProvider{Fake: &esv1.FakeProvider{}}, esv1.MaintenanceStatusMaintained)
}
