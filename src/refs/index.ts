export * from './secret-store-ref';
export * from './vault-provider-config';
