/** An object as a VaultConfigTarget emits it (internal). */
export interface TargetObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly spec: any;
}

/** The target used when a construct is given none. */
export const DEFAULT_OPERATOR_ROLE = 'vault-admin';
