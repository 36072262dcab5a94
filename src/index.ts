export * from './validation';
export * from './synth/eso-validation';
export * from './stores';
export * from './external-secrets';
export * from './push-secrets';
export * from './generators';
export * from './vault';
export * from './flux';
