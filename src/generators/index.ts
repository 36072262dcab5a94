export * from './generator-ref';
export * from './generator-kind';
export * from './generator-spec';
export * from './password-generator';
export * from './uuid-generator';
export * from './cluster-generator';
export * from './vault-dynamic-secret';
export * from './custom-generator';
