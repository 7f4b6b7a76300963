import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/net/backoff.js';
import { nextRetry } from '../../workers/runtime/topic.js';

describe('backoff', () => {
  it('grows exponentially up to the cap, with jitter in the upper half', () => {
    const policy = { initialMs: 100, maxMs: 1_000 };
    expect(backoffDelay(0, policy)).toBe(0);
    expect(backoffDelay(1, policy, () => 0)).toBe(50);
    expect(backoffDelay(1, policy, () => 1)).toBe(100);
    expect(backoffDelay(3, policy, () => 1)).toBe(400);
    expect(backoffDelay(10, policy, () => 1)).toBe(1_000);
    expect(backoffDelay(10, policy, () => 0)).toBe(500);
  });
});

describe('retry policy', () => {
  const policy = { retries: 3, initialTimeoutMs: 1_000, maxTimeoutMs: 3_000 };
  it('counts retries down from the policy, doubling the wait', () => {
    expect(nextRetry(policy, null)).toEqual({ retries: 3, retryTimeout: 1_000 });
    expect(nextRetry(policy, 3)).toEqual({ retries: 2, retryTimeout: 2_000 });
    expect(nextRetry(policy, 2)).toEqual({ retries: 1, retryTimeout: 3_000 });
    expect(nextRetry(policy, 1)).toEqual({ retries: 0, retryTimeout: 0 });
    expect(nextRetry(policy, 0)).toEqual({ retries: 0, retryTimeout: 0 });
  });
});
