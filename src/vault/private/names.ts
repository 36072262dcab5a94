// Internal: Kubernetes object names for Vault-side names (not re-exported from index.ts).

/** RFC 1123 subdomain, at most 253 characters (metadata.name of the emitted objects). */
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function isObjectName(n: string): boolean {
  return n.length <= 253 && DNS_SUBDOMAIN.test(n);
}

/** `n` as an object name (lower-cased, other characters → "-"), or `fallback` when nothing usable is left. */
export function toObjectName(n: string, fallback: string): string {
  const s = n.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/-+/g, '-').replace(/\.{2,}/g, '.')
    .replace(/-?\.-?/g, '.').replace(/^[-.]+|[-.]+$/g, '').slice(0, 253).replace(/[-.]+$/, '');
  return isObjectName(s) ? s : fallback;
}
