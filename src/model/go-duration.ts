/** What a cdk8s `Duration` offers (structurally: the model does not depend on cdk8s). */
interface Duration { toMilliseconds(): number }

/**
 * Renders a cdk8s Duration as a Go duration string (`1h`, `1h30m`, `45s`, `0s`), the only format ESO's
 * `metav1.Duration` fields accept (`Duration.toIsoString()` gives `PT1H`, which ESO rejects).
 */
export function toGoDuration(d: Duration): string {
  const totalMs = d.toMilliseconds();
  if (!Number.isFinite(totalMs) || totalMs < 0) {
    throw new Error(`invalid duration ${totalMs}ms: must be zero or positive`);
  }
  if (totalMs === 0) return '0s';
  let rest = Math.round(totalMs);
  const h = Math.floor(rest / 3_600_000); rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000); rest -= m * 60_000;
  const s = Math.floor(rest / 1000); rest -= s * 1000;
  let out = '';
  if (h) out += `${h}h`;
  if (m) out += `${m}m`;
  if (s) out += `${s}s`;
  if (rest) out += `${rest}ms`;
  return out;
}

const GO_DURATION = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/;

/** True if `s` parses with Go's `time.ParseDuration` ("0" is valid, units ns..h, no d/w). */
export function isGoDuration(s: string): boolean {
  return s === '0' || s === '+0' || s === '-0' || GO_DURATION.test(s);
}

/** Milliseconds of a Go duration string, or undefined if it does not parse. */
export function parseGoDuration(s: string): number | undefined {
  if (!isGoDuration(s)) return undefined;
  if (/^[-+]?0$/.test(s)) return 0;
  const sign = s.startsWith('-') ? -1 : 1;
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  for (const [, num, u] of s.replace(/^[-+]/, '').matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    total += parseFloat(num) * unit[u];
  }
  return sign * total;
}
