import { useCallback, useEffect, useState } from 'react';
import { getJson, isAbort } from '../api.js';
import type { CorrectionRequest } from './types.js';

export interface OpenCorrections {
  /** Open notices per case id (cases without one are absent). */
  byCase: ReadonlyMap<string, CorrectionRequest[]>;
  /** Cases whose notices could not be loaded, with the failure. */
  errors: ReadonlyMap<string, unknown>;
  loading: boolean;
  reload(): void;
}

/** The open notices of missing items of the given (running) cases, one request per case. */
export function useOpenCorrections(caseIds: readonly string[]): OpenCorrections {
  const key = caseIds.join(',');
  const [state, setState] = useState<Omit<OpenCorrections, 'reload'>>({ byCase: new Map(), errors: new Map(), loading: caseIds.length > 0 });
  const [round, setRound] = useState(0);

  useEffect(() => {
    const ids = key ? key.split(',') : [];
    if (ids.length === 0) {
      setState({ byCase: new Map(), errors: new Map(), loading: false });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    void Promise.all(
      ids.map((caseId) =>
        getJson<{ items: CorrectionRequest[] }>(`/api/cases/${encodeURIComponent(caseId)}/corrections`, controller.signal).then(
          (answer) => ({ caseId, items: answer.items, error: null as unknown }),
          (error: unknown) => ({ caseId, items: [] as CorrectionRequest[], error }),
        ),
      ),
    ).then((answers) => {
      if (controller.signal.aborted) return;
      const byCase = new Map<string, CorrectionRequest[]>();
      const errors = new Map<string, unknown>();
      for (const answer of answers) {
        if (answer.error !== null && !isAbort(answer.error)) errors.set(answer.caseId, answer.error);
        if (answer.items.length > 0) byCase.set(answer.caseId, answer.items);
      }
      setState({ byCase, errors, loading: false });
    });
    return () => controller.abort();
  }, [key, round]);

  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { ...state, reload };
}
