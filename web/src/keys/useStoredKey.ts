import { useCallback, useEffect, useState } from 'react';
import { loadKey } from './keyStore.js';
import type { StoredKey } from './types.js';

export interface StoredKeyState {
  stored: StoredKey | null;
  loading: boolean;
  error: unknown;
  /** After this page changed the store itself (generate, import, remove). */
  set(stored: StoredKey | null): void;
}

/** The user's key record in this browser's IndexedDB. */
export function useStoredKey(username: string | null): StoredKeyState {
  const [state, setState] = useState<{ stored: StoredKey | null; loading: boolean; error: unknown }>({ stored: null, loading: username !== null, error: null });

  useEffect(() => {
    if (!username) return;
    let current = true;
    loadKey(username).then(
      (stored) => current && setState({ stored, loading: false, error: null }),
      (error: unknown) => current && setState({ stored: null, loading: false, error }),
    );
    return () => {
      current = false;
    };
  }, [username]);

  const set = useCallback((stored: StoredKey | null) => setState({ stored, loading: false, error: null }), []);
  return { ...state, set };
}
