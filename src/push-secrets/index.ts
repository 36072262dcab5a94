export * from './enums';
export * from './push-value';
export * from './push-source';
export * from './push-data-to';
export * from './push-secret';
export * from './cluster-push-secret';
