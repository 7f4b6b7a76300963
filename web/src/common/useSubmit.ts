import { useState } from 'react';

export interface Submit {
  busy: boolean;
  /** The last failure that `placeError` did not take (shown by the caller, e.g. in an Alert). */
  error: unknown;
  setError(error: unknown): void;
  run(action: () => Promise<unknown>): Promise<void>;
}

/**
 * A form's submit with a busy flag. A failure goes to `placeError` first (e.g. a 400's
 * details onto the form's fields); when that returns false it becomes `error`.
 */
export function useSubmit(placeError?: (error: unknown) => boolean): Submit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      if (!placeError?.(caught)) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, setError, run };
}
