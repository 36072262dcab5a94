export * from './diagnostic';
export * from '../synth/eso-validation';
