/**
 * Delay before the next attempt after `failures` consecutive failures: exponential,
 * capped, with "equal jitter" so that many workers do not hammer a restarting engine
 * in lockstep.
 */
export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 30_000 };

export function backoffDelay(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  if (failures <= 0) return 0;
  const ceiling = Math.min(policy.maxMs, policy.initialMs * 2 ** (failures - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
