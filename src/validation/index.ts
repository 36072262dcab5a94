export * from './diagnostic';
export * from './eso-validation';
