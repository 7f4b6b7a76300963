import { useMemo, useSyncExternalStore } from 'react';

/**
 * Hash routing ("#/cases/…?task=…") keeps deep links working behind any static file
 * server without fallback rules. A plain path ("/cases/…") typed or bookmarked by hand is
 * moved into the hash once at start-up, so both spellings open the same page.
 */
export interface AppLocation {
  /** "/cases/abc" for "#/cases/abc?task=1". */
  path: string;
  query: URLSearchParams;
  /** Path and query as they appear after the "#", for "come back here after login". */
  href: string;
}

export function parseHash(hash: string): AppLocation {
  const href = hash.replace(/^#/, '') || '/';
  const [rawPath = '', search = ''] = href.split('?', 2);
  return { path: rawPath || '/', query: new URLSearchParams(search), href };
}

/** Rewrites "/inbox" (no hash) to "/#/inbox"; call once before the first render. */
export function adoptPathnameRoute(): void {
  const { pathname, search, hash } = window.location;
  if (hash || pathname === '/' || pathname === '/index.html') return;
  window.history.replaceState(null, '', `/#${pathname}${search}`);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
}

const readHash = () => window.location.hash;

export function useLocation(): AppLocation {
  const hash = useSyncExternalStore(subscribe, readHash);
  return useMemo(() => parseHash(hash), [hash]);
}

export function currentLocation(): AppLocation {
  return parseHash(window.location.hash);
}

/** Goes to a path ("/inbox", "/cases/1?task=2"); `replace` keeps the current entry out of the history. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const target = `#${path}`;
  if (window.location.hash === target) return;
  if (options.replace) {
    window.history.replaceState(null, '', target);
    // replaceState fires no event; tell the subscribers ourselves.
    window.dispatchEvent(new PopStateEvent('popstate'));
  } else {
    window.location.hash = path;
  }
}

/** Matches "/cases/:caseId" against "/cases/abc"; returns the parameters or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let index = 0; index < want.length; index += 1) {
    const segment = want[index]!;
    const actual = have[index]!;
    if (segment.startsWith(':')) {
      try {
        params[segment.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (segment !== actual) {
      return null;
    }
  }
  return params;
}

/** The login page's "next" parameter, accepted only as an in-app path (never another site). */
export function safeNextPath(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return null;
  return next;
}
