import { useCallback, useEffect, useRef, useState } from 'react';
import { getJson, isAbort } from '../api.js';
import { inboxUrl, type InboxFilter, type InboxPage } from './types.js';

/** Often enough that a task claimed or completed elsewhere disappears within 5 s. */
export const INBOX_REFRESH_MS = 3_000;

export interface InboxState {
  data: InboxPage | null;
  /** Error of the latest attempt; `data` keeps the last good page so the table does not blank out. */
  error: unknown;
  loading: boolean;
  /** Loads now (after a claim, say) instead of waiting for the next poll. */
  reload(): void;
  /**
   * Holds polling while `work` runs (a claim or unclaim), so a poll answered just before
   * the change cannot overwrite the page with stale rows; reloads when it is done.
   */
  whilePaused<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * Polls the inbox every few seconds. The next poll is scheduled only after the previous
 * answer arrived (never two requests at once), a changed filter cancels the request in
 * flight, and everything stops when the page unmounts.
 */
export function useInbox(filter: InboxFilter, intervalMs: number = INBOX_REFRESH_MS): InboxState {
  const [data, setData] = useState<InboxPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const url = inboxUrl(filter);
  const pollNow = useRef<() => void>(() => {});
  const paused = useRef(0);
  /** Bumped when a claim starts: an answer to a request sent before it may be stale. */
  const generation = useRef(0);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight = false;
    let again = false;

    const schedule = () => {
      clearTimeout(timer);
      if (!controller.signal.aborted) timer = setTimeout(() => void poll(), intervalMs);
    };

    const poll = async (): Promise<void> => {
      // A request in flight is not doubled: it is repeated as soon as it is answered.
      if (inFlight) {
        again = true;
        return;
      }
      // A hidden tab or a running claim skips this round.
      if (paused.current > 0 || document.visibilityState === 'hidden') return schedule();
      inFlight = true;
      again = false;
      const sentIn = generation.current;
      try {
        const page = await getJson<InboxPage>(url, controller.signal);
        if (controller.signal.aborted) return;
        if (sentIn === generation.current) {
          setData(page);
          setError(null);
        } else {
          again = true;
        }
      } catch (caught) {
        if (controller.signal.aborted || isAbort(caught)) return;
        setError(caught);
      } finally {
        inFlight = false;
        if (!controller.signal.aborted) setLoading(false);
      }
      if (again) {
        again = false;
        void poll();
      } else {
        schedule();
      }
    };

    pollNow.current = () => {
      clearTimeout(timer);
      void poll();
    };
    const onVisible = () => document.visibilityState === 'visible' && pollNow.current();
    document.addEventListener('visibilitychange', onVisible);
    // The table shows its spinner for a new filter or page, not for every background poll.
    setLoading(true);
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [url, intervalMs]);

  const reload = useCallback(() => pollNow.current(), []);

  const whilePaused = useCallback(async <T,>(work: () => Promise<T>): Promise<T> => {
    paused.current += 1;
    generation.current += 1;
    try {
      return await work();
    } finally {
      paused.current -= 1;
      pollNow.current();
    }
  }, []);

  return { data, error, loading, reload, whilePaused };
}
