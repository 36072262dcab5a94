/**
 * The generator kinds of `generators.external-secrets.io/v1alpha1` (ESO v2.9.0), as written in
 * `generatorRef.kind` and `ClusterGenerator.spec.kind`.
 */
export enum GeneratorKind {
  /** Azure Container Registry access token. */
  ACR_ACCESS_TOKEN = 'ACRAccessToken',
  /** BeyondTrust workload credentials. */
  BEYONDTRUST_WORKLOAD_CREDENTIALS_DYNAMIC_SECRET = 'BeyondtrustWorkloadCredentialsDynamicSecret',
  /** Cloudsmith access token. */
  CLOUDSMITH_ACCESS_TOKEN = 'CloudsmithAccessToken',
  /** AWS ECR authorization token. */
  ECR_AUTHORIZATION_TOKEN = 'ECRAuthorizationToken',
  /** Static key/values, for tests. */
  FAKE = 'Fake',
  /** Google Container Registry access token. */
  GCR_ACCESS_TOKEN = 'GCRAccessToken',
  /** GitHub App installation token. */
  GITHUB_ACCESS_TOKEN = 'GithubAccessToken',
  /** GitLab deploy token. */
  GITLAB_DEPLOY_TOKEN = 'GitlabDeployToken',
  /** Grafana service-account token. */
  GRAFANA = 'Grafana',
  /** TOTP code. */
  MFA = 'MFA',
  /** Random password: a new value on every run. */
  PASSWORD = 'Password',
  /** Quay robot-account token. */
  QUAY_ACCESS_TOKEN = 'QuayAccessToken',
  /** SSH key pair: a new key on every run. */
  SSH_KEY = 'SSHKey',
  /** AWS STS session token. */
  STS_SESSION_TOKEN = 'STSSessionToken',
  /** Random (v4) UUID: a new value on every run. */
  UUID = 'UUID',
  /** Any Vault API call, e.g. database or PKI dynamic secrets. */
  VAULT_DYNAMIC_SECRET = 'VaultDynamicSecret',
  /** Result of an HTTP call. */
  WEBHOOK = 'Webhook',
}
