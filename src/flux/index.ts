export * from './flux-source';
export * from './git-repository';
export * from './health-check';
export * from './kustomization';
export * from './helm-repository';
export * from './helm-release';
export * from './operator-releases';
export * from './layout';
