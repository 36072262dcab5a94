'use strict';
/**
 * The benchmark workload: N ExternalSecrets spread over 100 namespaces, 2 ClusterSecretStores,
 * PushSecrets for 5 % of them and a derived Vault policy — built with the library (validated) or as the
 * very same manifests in raw cdk8s ApiObjects (no validation).
 */
const { ApiObject, Chart, Duration } = require('cdk8s');

const NAMESPACES = 100;

function nsOf(i) {
  return `team-${String(i % NAMESPACES).padStart(3, '0')}`;
}

/** Builds the app with the library's constructs (validated at synth). */
function buildValidated(lib, app, n) {
  const kplus = require('cdk8s-plus-28');
  const configs = new Chart(app, 'configs', { disableResourceNameHashes: true });
  const esoSa = kplus.ServiceAccount.fromServiceAccountName(configs, 'eso-sa', 'external-secrets', { namespaceName: 'external-secrets' });
  const store = (id, server, readOnly) => {
    const s = new lib.ClusterSecretStore(configs, id, {
      provider: lib.SecretStoreProvider.vault({
        server,
        kv: lib.VaultKv.v2('secret'),
        auth: lib.VaultAuth.kubernetes({ role: 'external-secrets', serviceAccount: esoSa, audiences: ['vault'] }),
      }),
    });
    if (readOnly) s.markReadOnly();
    return s;
  };
  const replica = store('vault-replica', 'https://vault-replica.example.internal:8200', true);
  const primary = store('vault-primary', 'https://vault-primary.example.internal:8200', false);
  const charts = [];
  for (let c = 0; c < NAMESPACES; c++) charts.push(new Chart(app, nsOf(c), { namespace: nsOf(c), disableResourceNameHashes: true }));
  for (let i = 0; i < n; i++) {
    const chart = charts[i % NAMESPACES];
    const key = `apps/${nsOf(i)}/app-${i}`;
    const es = new lib.ExternalSecret(chart, `app-${i}`, {
      store: replica,
      refreshInterval: Duration.hours(1),
      data: [
        lib.SecretValue.fromProperty('username', key, 'username'),
        lib.SecretValue.fromProperty('password', key, 'password'),
      ],
    });
    if (i % 20 === 0) {
      new lib.PushSecret(chart, `push-${i}`, {
        stores: [primary],
        source: lib.PushSource.secretName(`local-${i}`),
        data: [lib.PushValue.property('token', `pushed/${nsOf(i)}/app-${i}`, 'token')],
      });
    }
    void es;
  }
  if (lib.VaultPolicy && typeof lib.VaultPolicy.forStore === 'function') {
    lib.VaultPolicy.forStore(configs, 'replica-policy', replica);
  }
  return app;
}

/** Builds raw ApiObjects from plain manifests grouped by chart (no library, no validation). */
function buildRaw(app, charts) {
  for (const [chartId, manifests] of charts) {
    const chart = new Chart(app, chartId, { disableResourceNameHashes: true });
    manifests.forEach((m, i) => new ApiObject(chart, `o${i}`, m));
  }
  return app;
}

module.exports = { buildValidated, buildRaw, NAMESPACES };
