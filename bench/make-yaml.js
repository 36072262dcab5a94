'use strict';
/** Writes N ExternalSecret/store documents (the benchmark workload) as one multi-document YAML file. */
const fs = require('fs');
const { stringify } = require('yaml');

const [nArg, file] = process.argv.slice(2);
const n = Number(nArg);
const docs = [{
  apiVersion: 'external-secrets.io/v1',
  kind: 'ClusterSecretStore',
  metadata: { name: 'vault-replica' },
  spec: { provider: { vault: { server: 'https://vault-replica.example.internal:8200', path: 'secret', version: 'v2', auth: { kubernetes: { mountPath: 'kubernetes', role: 'external-secrets' } } } } },
}];
for (let i = 1; i < n; i++) {
  const ns = `team-${String(i % 100).padStart(3, '0')}`;
  const key = `apps/${ns}/app-${i}`;
  docs.push({
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: { name: `app-${i}`, namespace: ns },
    spec: {
      refreshInterval: '1h',
      secretStoreRef: { name: 'vault-replica', kind: 'ClusterSecretStore' },
      target: { name: `app-${i}`, creationPolicy: 'Owner' },
      data: [
        { secretKey: 'username', remoteRef: { key, property: 'username' } },
        { secretKey: 'password', remoteRef: { key, property: 'password' } },
      ],
    },
  });
}
fs.writeFileSync(file, docs.map(d => stringify(d)).join('---\n'));
