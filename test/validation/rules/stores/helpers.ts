import { Manifest } from '../../../../src/model/manifest';
import { Diagnostic } from '../../../../src/validation/diagnostic';
import { validateManifests } from '../../../../src/validation/engine';
import { Rule } from '../../../../src/validation/rule';

/** A store manifest with the given provider block. */
export interface StoreOptions {
  readonly kind?: string;
  readonly namespace?: string;
  readonly spec?: Record<string, any>;
  readonly annotations?: Record<string, string>;
}

export function store(provider: Record<string, any>, opts: StoreOptions = {}): Manifest {
  const kind = opts.kind ?? 'ClusterSecretStore';
  return {
    apiVersion: 'external-secrets.io/v1',
    kind,
    metadata: {
      name: 'store',
      ...(kind === 'SecretStore' ? { namespace: opts.namespace ?? 'apps' } : {}),
      ...(opts.annotations ? { annotations: opts.annotations } : {}),
    },
    spec: { provider, ...(opts.spec ?? {}) },
  };
}

/** A correct Vault provider block; override fields with `extra`. */
export function vault(extra: Record<string, any> = {}): Record<string, any> {
  return {
    vault: {
      server: 'https://vault.example.internal:8200',
      path: 'secret',
      version: 'v2',
      auth: { kubernetes: { mountPath: 'kubernetes', role: 'eso', serviceAccountRef: { name: 'external-secrets', namespace: 'external-secrets' } } },
      ...extra,
    },
  };
}

/** A correct openBao provider block; override fields with `extra`. */
export function openBao(extra: Record<string, any> = {}): Record<string, any> {
  return {
    openBao: {
      server: 'https://bao.example.internal:8200',
      path: 'secret',
      version: 'v2',
      auth: { appRole: { path: 'approle', roleId: 'example-role-id', secretRef: { name: 'bao-approle', namespace: 'external-secrets', key: 'secret-id' } } },
      ...extra,
    },
  };
}

export function run(rule: Rule, m: Manifest): Diagnostic[] {
  return validateManifests([{ manifest: m }], { rules: [rule] }).diagnostics;
}

export function expectOne(rule: Rule, m: Manifest, field: string, message: string | RegExp, severity?: string): Diagnostic {
  const ds = run(rule, m);
  expect(ds).toHaveLength(1);
  expect(ds[0].ruleId).toBe(rule.id);
  expect(ds[0].field).toBe(field);
  expect(ds[0].message).toMatch(message);
  expect(ds[0].fix.length).toBeGreaterThan(0);
  if (severity) expect(ds[0].severity).toBe(severity);
  return ds[0];
}

export function expectNone(rule: Rule, m: Manifest): void {
  expect(run(rule, m)).toEqual([]);
}
