'use strict';
/**
 * Writes a synthetic GitOps repository for the repository-reader benchmark: flux bootstrap's flux-system
 * Kustomization, LAYERS Flux Kustomizations (apps/app-N, each with its own folder, a kustomization.yaml with a
 * namespace, a patch and post-build substitution on some) and OBJECTS objects in all (ExternalSecrets,
 * ConfigMaps, Deployments, one ClusterSecretStore). Usage: node make-repo.js DIR [LAYERS] [OBJECTS]
 */
const fs = require('fs');
const path = require('path');

const [dir, layersArg = '30', objectsArg = '1000'] = process.argv.slice(2);
const layers = Number(layersArg);
const perLayer = Math.max(1, Math.floor(Number(objectsArg) / layers));
fs.rmSync(dir, { recursive: true, force: true });
const write = (rel, text) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
};

write('clusters/prod/flux-system/gotk-sync.yaml', `apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata:
  name: flux-system
  namespace: flux-system
spec:
  interval: 1m
  ref:
    branch: main
  url: ssh://git@example.invalid/org/repo
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: flux-system
  namespace: flux-system
spec:
  interval: 10m
  path: ./clusters/prod
  prune: true
  sourceRef:
    kind: GitRepository
    name: flux-system
`);
write('clusters/prod/flux-system/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - gotk-sync.yaml\n');
write('infra/store.yaml', `apiVersion: external-secrets.io/v1
kind: ClusterSecretStore
metadata:
  name: vault
spec:
  provider:
    vault:
      server: https://vault.example.internal:8200
      path: kv
      version: v2
      auth:
        kubernetes:
          role: external-secrets
`);
const ks = (name, p, extra = '') => `---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: ${name}
  namespace: flux-system
spec:
  interval: 10m
  path: ${p}
  prune: true
  wait: true
  sourceRef:
    kind: GitRepository
    name: flux-system
${extra}`;
let layerFile = ks('infra', './infra');
for (let l = 0; l < layers; l++) {
  const app = `app-${l}`;
  const subst = l % 3 === 0 ? `  postBuild:\n    substitute:\n      APP: ${app}\n` : '';
  layerFile += ks(app, `./apps/${app}`, `  dependsOn:\n    - name: infra\n${subst}`);
  const docs = [];
  const files = [];
  for (let i = 0; i < perLayer; i++) {
    const name = `${app}-${i}`;
    if (i % 3 === 0) {
      docs.push(`apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: ${name}
spec:
  refreshInterval: 1h
  secretStoreRef:
    kind: ClusterSecretStore
    name: vault
  target:
    name: ${l % 3 === 0 ? '${APP}' : app}-${i}
  data:
    - secretKey: password
      remoteRef:
        key: ${app}/db-${i}
        property: password
`);
    } else if (i % 3 === 1) {
      docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  setting: "${i}"\n`);
    } else {
      docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 1
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: app
          image: registry.example.invalid/${app}:1.0.0
`);
    }
  }
  for (let f = 0; f * 10 < docs.length; f++) {
    write(`apps/${app}/objects-${f}.yaml`, docs.slice(f * 10, f * 10 + 10).join('---\n'));
    files.push(`objects-${f}.yaml`);
  }
  write(`apps/${app}/kustomization.yaml`, `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: ${app}
resources:
${files.map(f => `  - ${f}`).join('\n')}
patches:
  - target:
      kind: Deployment
    patch: |
      - op: replace
        path: /spec/replicas
        value: 2
`);
}
write('clusters/prod/layers.yaml', layerFile);
process.stdout.write(JSON.stringify({ layers, objects: perLayer * layers + 1 }) + '\n');
