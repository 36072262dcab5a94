import { ApiObject, App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as eso from '../../src';
import { EsoValidation } from '../../src/synth/eso-validation';

/** An app with a Vault ClusterSecretStore "vault" (KV v2 at kv, role "eso", SA external-secrets/external-secrets, audience vault). */
export function appWithStore(opts: { version?: 'v1' | 'v2'; audiences?: string[]; role?: string } = {}) {
  const app = Testing.app();
  const configs = new Chart(app, 'configs');
  const admin = new Chart(app, 'admin', { namespace: 'vault-admin' });
  const esoSa = kplus.ServiceAccount.fromServiceAccountName(configs, 'eso-sa', 'external-secrets', { namespaceName: 'external-secrets' });
  const store = new eso.ClusterSecretStore(configs, 'vault', {
    metadata: { name: 'vault' },
    provider: eso.SecretStoreProvider.vault({
      server: 'https://vault.example.internal:8200',
      kv: opts.version === 'v1' ? eso.VaultKv.v1('kv') : eso.VaultKv.v2('kv'),
      auth: eso.VaultAuth.kubernetes({ role: opts.role ?? 'eso', serviceAccount: esoSa, audiences: opts.audiences ?? ['vault'] }),
    }),
  });
  const apps = new Chart(app, 'apps', { namespace: 'apps' });
  return { app, configs, admin, apps, store, esoSa };
}

/** A raw ExternalSecret (not made with the library's construct). */
export function rawEs(scope: Chart, id: string, keys: string[], extra: Record<string, any> = {}): ApiObject {
  return new ApiObject(scope, id, {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: { name: id },
    spec: {
      secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' },
      refreshInterval: '1h',
      data: keys.map((key, i) => ({ secretKey: `k${i}`, remoteRef: { key, property: 'value', ...extra } })),
    },
  });
}

/** Every diagnostic of the app (the engine, as at synth). */
export function diagnostics(app: App) {
  return EsoValidation.of(app).diagnostics();
}

/** Errors only, formatted `RULE: message`. */
export function errors(app: App): string[] {
  return diagnostics(app).filter(d => d.severity === 'error').map(d => `${d.ruleId}: ${d.message}`);
}

/** All manifests of the app by kind/name. */
export function manifests(app: App): any[] {
  return app.charts.flatMap(c => Testing.synth(c));
}
