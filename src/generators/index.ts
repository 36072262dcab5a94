export * from './generator-ref';
