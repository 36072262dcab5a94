export * from './enums';
export * from './secret-value';
export * from './secret-source';
export * from './secret-template';
export * from './external-secret-options';
export * from './external-secret';
export * from './cluster-external-secret';
export * from './annotations';
