export * from './capability';
export * from './config-target-options';
export * from './config-target';
export * from './policy';
export * from './kubernetes-auth-role';
export * from './token-reviewer';
export * from './kubernetes-auth-config';
export * from './store-access';
