// Internal helpers (not re-exported from the package index).

/** The `generators.external-secrets.io` API version every generator is emitted with. */
export { GENERATORS_API_VERSION } from './api';

/** Kinds whose every run yields a new random value (so an ExternalSecret should generate once). */
export const RANDOM_GENERATOR_KINDS: readonly string[] = ['Password', 'UUID', 'SSHKey'];

/** The `spec.generator` field of a ClusterGenerator that holds the spec of `kind`, e.g. `passwordSpec`. */
export function clusterGeneratorSpecField(kind: string): string {
  const special: Record<string, string> = {
    ACRAccessToken: 'acrAccessTokenSpec',
    ECRAuthorizationToken: 'ecrAuthorizationTokenSpec',
    GCRAccessToken: 'gcrAccessTokenSpec',
    MFA: 'mfaSpec',
    SSHKey: 'sshKeySpec',
    STSSessionToken: 'stsSessionTokenSpec',
    UUID: 'uuidSpec',
  };
  return special[kind] ?? `${kind.charAt(0).toLowerCase()}${kind.slice(1)}Spec`;
}
