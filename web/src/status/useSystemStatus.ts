import { useEffect, useState } from 'react';
import { getJson } from '../api.js';
import type { SystemStatus } from './types.js';

export const STATUS_REFRESH_MS = 5_000;

export interface SystemStatusState {
  data: SystemStatus | null;
  /** Error of the latest attempt; `data` keeps the last good answer so the page does not blank out. */
  error: unknown;
  loading: boolean;
}

export function useSystemStatus(intervalMs: number = STATUS_REFRESH_MS): SystemStatusState {
  const [state, setState] = useState<SystemStatusState>({ data: null, error: null, loading: true });

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;

    // Schedules the next poll only after the previous one settles, so a slow server never gets overlapping requests.
    const poll = async (): Promise<void> => {
      try {
        const data = await getJson<SystemStatus>('/api/status', controller.signal);
        setState({ data, error: null, loading: false });
      } catch (error) {
        if (controller.signal.aborted) return;
        setState((previous) => ({ data: previous.data, error, loading: false }));
      }
      if (!controller.signal.aborted) timer = setTimeout(() => void poll(), intervalMs);
    };

    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [intervalMs]);

  return state;
}
